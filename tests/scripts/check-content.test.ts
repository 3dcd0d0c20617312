/// <reference types="node" />
// The content gate (scripts/check-content.ts) on deliberately broken content folders: each must
// fail, naming the file and the field; several problems in several files are reported in one run.
// Fixtures: tests/fixtures/content-errors/<case>/ (each is valid/ with one fault; see its README).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leftovers, ROOT, runNode, tempDir } from './gate-helpers';

const FIXTURES = 'tests/fixtures/content-errors';
const SCRIPT = path.join(ROOT, 'scripts/check-content.mjs');

const checkContent = (dir: string) =>
  runNode([SCRIPT], { env: { CONTENT_DIR: dir }, timeoutMs: 60_000 });

/** Lines of the report that are problems ("  - file:line  field: message"). */
const problemLines = (output: string) => output.split('\n').filter((l) => l.startsWith('  - '));

describe('check-content', () => {
  it('passes the valid fixture and the real content, with a summary', async () => {
    const fixture = await checkContent(`${FIXTURES}/valid`);
    expect(fixture.output).toMatch(/^content OK: 1 procedure, 16 demands \(16 reviewed\), 15 themes, 4 addressees, 0 people, 7 provisions, 0 threads, 2 timeline events/m);
    expect(fixture.code).toBe(0);
    const real = await runNode([SCRIPT], { env: { CONTENT_DIR: undefined }, timeoutMs: 60_000 });
    expect(real.output, real.output).toMatch(/^content OK: \d+ procedures, \d+ demands/m);
    expect(real.code).toBe(0);
  }, 120_000);

  // [case, file (relative to the fixture), field, what the message must say, line]
  const CASES: Array<[string, string, string, RegExp, number]> = [
    ['missing-field', 'themes.yaml', '[5].description', /required field is missing/, 17],
    ['bad-date', 'procedures/2019-2610.md', 'adopted.date', /not a real calendar day[\s\S]*found: "2016-02-31"[\s\S]*expected: a real calendar day/, 5],
    ['bad-reference', 'demands/2019-2610.yaml', 'procedure', /expected a procedure reference like 2016\/2607\(RSP\)[\s\S]*found: "2016\/607\(RSP\)"/, 3],
    ['unknown-key', 'demands/2019-2610.yaml', 'demands[0].comment', /unknown key "comment"[\s\S]*expected: one of the keys anchor, text, addressees, themes, people, provisions/, 11],
    ['unknown-theme', 'demands/2019-2610.yaml', 'demands[0].themes[1]', /unknown theme "press-freedom"[\s\S]*expected: an id from themes\.yaml/, 8],
    ['not-verbatim', 'demands/2019-2610.yaml', 'demands[0].text', /not verbatim/, 6],
    ['duplicate-id', 'themes.yaml', '[1].id', /theme id "political-prisoners" is used twice/, 5],
    ['heading-mismatch', 'procedures/2019-2610.md', 'documents[0].heading', /heading "## Resolution on human rights in Kazakhstan" does not match documents\[0\]\.heading "Resolution on the human rights situation in Kazakhstan"/, 18],
  ];

  it.each(CASES)('%s: fails naming %s and %s', async (name, file, field, message, line) => {
    const result = await checkContent(`${FIXTURES}/${name}`);
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toMatch(/^content check FAILED: /m);
    const where = `${FIXTURES}/${name}/${file}:${line}  ${field}: `;
    const hit = problemLines(result.output).find((l) => l.includes(where));
    expect(hit, `no problem at "${where}" in:\n${result.output}`).toBeDefined();
    expect(result.output).toMatch(message);
  }, 60_000);

  it('reports every problem of several files in one run', async () => {
    const dir = `${FIXTURES}/several-files`;
    const result = await checkContent(dir);
    expect(result.code, result.output).toBe(1);
    const lines = problemLines(result.output);
    const expected = [
      `${dir}/procedures/2019-2610.md:18  documents[0].heading: heading "## Resolution on human rights in Kazakhstan" does not match`,
      `${dir}/demands/2019-2610.yaml:73  demands[11].text: not verbatim`,
      `${dir}/demands/2019-2610.yaml:75  demands[11].themes[0]: unknown theme "lgbti"`,
      `${dir}/events.yaml:3  [0].date: not a real calendar day`,
      `${dir}/provisions.yaml:4  [0].labels: unknown key "labels"`,
    ];
    for (const e of expected) expect(lines.some((l) => l.includes(e)), `missing "${e}" in:\n${result.output}`).toBe(true);
    expect(lines).toHaveLength(expected.length);
    expect(result.stderr).toMatch(/5 problems in 4 files/);
  }, 60_000);

  it('does not drown a bad record in follow-on errors (the other records still cross-check)', async () => {
    // missing-field: the theme torture-detention is invalid; the demand that uses it must not be
    // reported as "unknown theme", and no valid theme may be reported unknown either.
    const result = await checkContent(`${FIXTURES}/missing-field`);
    expect(result.output).not.toMatch(/unknown theme/);
    expect(problemLines(result.output)).toHaveLength(1);
    expect(result.output).toMatch(/1 more cross-reference problem not shown/);
  }, 60_000);

  it('a YAML syntax error in a list file is one problem, not one per reference to it', async () => {
    const result = await checkContent(`${FIXTURES}/yaml-syntax`);
    expect(result.code).toBe(1);
    const lines = problemLines(result.output);
    expect(lines, result.output).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^  - ${FIXTURES}/yaml-syntax/themes\\.yaml:\\d+  \\(yaml\\): `));
  }, 60_000);

  it('fails clearly on a content folder that does not exist', async () => {
    const result = await checkContent('tests/fixtures/content-errors/no-such-folder');
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/no-such-folder {2}\(folder\): the content folder does not exist/);
  }, 60_000);
});

describe('build with broken content', () => {
  const tmp = tempDir('content-build');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('CONTENT_DIR=<broken fixture> node scripts/build.mjs fails, naming the file and the field', async () => {
    const out = path.join(tmp, 'out');
    const result = await runNode([path.join(ROOT, 'scripts/build.mjs')], {
      env: { CONTENT_DIR: `${FIXTURES}/unknown-theme`, OUT_DIR: out },
      timeoutMs: 240_000,
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain(`${FIXTURES}/unknown-theme/demands/2019-2610.yaml:8  demands[0].themes[1]: unknown theme "press-freedom"`);
    expect(result.output).toMatch(/build FAILED/);
    expect(leftovers(tmp)).toEqual([]);
  }, 240_000);
});
