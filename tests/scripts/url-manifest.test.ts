/// <reference types="node" />
// A published link never changes what it points to. tests/url-manifest.json records every
// published page and every permalink into the texts with a fingerprint of its words:
// - the content still gives every recorded permalink the same words, and nothing is unrecorded;
// - both builds still serve every recorded page and fragment (or a note saying where it went);
// - `npm run urls:manifest` records a correction only when asked (--accept <id>), and new
//   permalinks with --accept-new.
// Changed and removed permalinks failing check:content and the build: tests/fixtures/content-errors/cases.yaml.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { comparePermalinks, manifestFile, permalinksOf, readManifest, type Manifest } from '../../src/content/permalinks.ts';
import { checkBuild } from '../../scripts/tools/url-manifest.ts';
import { makeCase, readCases } from './content-cases';
import { BUILDS, requireBuild, ROOT, runNode, tempDir } from './gate-helpers';

const RECORD = 'npm run urls:manifest -- --accept-new';
const manifest = readManifest(manifestFile(ROOT), ROOT).manifest as Manifest;

describe('tests/url-manifest.json', () => {
  it('lists pages and permalinks once each, sorted, each permalink with its address and fingerprint', () => {
    expect(manifest.pages).toContain('/');
    expect([...new Set(manifest.pages)].sort()).toEqual(manifest.pages);
    const ids = manifest.permalinks.map((e) => e.id);
    expect([...new Set(ids)].sort()).toEqual(ids);
    for (const e of manifest.permalinks) {
      expect(e.id).toMatch(/^(demand|item|event|person):/);
      expect(e.url).toMatch(/^[a-z0-9][^#\s]*\/(#[a-z0-9-]+)?$/);
      expect(e.words).toMatch(/^[0-9a-f]{12}$/);
      expect(e.excerpt.length).toBeGreaterThan(0);
    }
  });

  it('records every permalink of the content, each still pointing to the same words', () => {
    const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
    expect(issues).toEqual([]);
    const site = buildSite(input);
    const compared = comparePermalinks(permalinksOf(site, input), manifest, site.moved, { file: 'tests/url-manifest.json' });
    expect(compared.issues.map((i) => `${i.field}: ${i.message}`)).toEqual([]);
    expect(compared.added.map((p) => p.id), `not recorded yet: ${RECORD}`).toEqual([]);
  });

  it.each(BUILDS)('$dir serves every recorded page and fragment, and records every page it has', ({ dir, base, build }) => {
    const { problems, unrecorded } = checkBuild(requireBuild(dir, build), manifest, base);
    expect(problems).toEqual([]);
    expect(unrecorded, `pages not recorded yet: ${RECORD}`).toEqual([]);
  });
});

describe('checkBuild', () => {
  const site = tempDir('manifest-site');
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const page = (p: string, html: string) => {
    mkdirSync(path.join(site, p), { recursive: true });
    writeFileSync(path.join(site, p, 'index.html'), html);
  };

  it('names a vanished page, a vanished fragment and an unrecorded page', () => {
    page('', '<main id="main"></main>');
    page('procedures/2013-2600/', '<li id="para-3"></li><aside><p id="demand-2013-2600-para-3-9">moved</p></aside>');
    page('extra/', '<p></p>');
    const m: Manifest = {
      pages: ['/', '/gone/', '/procedures/2013-2600/'],
      permalinks: [
        { id: 'item:2013-2600#para-3', url: 'procedures/2013-2600/#para-3', words: '0'.repeat(12), excerpt: 'x' },
        { id: 'item:2013-2600#para-4', url: 'procedures/2013-2600/#para-4', words: '0'.repeat(12), excerpt: 'x' },
        { id: 'demand:2013-2600-para-3-9', url: 'procedures/2013-2600/#demand-2013-2600-para-3-9', words: '0'.repeat(12), excerpt: 'x' },
        { id: 'person:nobody', url: 'people/nobody/', words: '0'.repeat(12), excerpt: 'x' },
      ],
    };
    expect(checkBuild(site, m, '/kz/')).toEqual({
      problems: [
        '/kz/gone/: published, and missing from the build (list it in content/moved.yaml, or restore it)',
        'item:2013-2600#para-4: /kz/procedures/2013-2600/#para-4 has no element with id="para-4" (list it in content/moved.yaml, or restore it)',
        'person:nobody: its page /kz/people/nobody/ is missing from the build',
      ],
      unrecorded: ['/extra/'],
    });
  });
});

describe('npm run urls:manifest', () => {
  const tmp = tempDir('url-manifest');
  const copy = path.join(tmp, 'url-manifest.json');
  const changed = makeCase(readCases().find((c) => c.name === 'changed-words')!);
  afterAll(() => {
    changed.remove();
    rmSync(tmp, { recursive: true, force: true });
  });
  const run = (args: string[], env: Record<string, string>) =>
    runNode([path.join(ROOT, 'scripts/url-manifest.mjs'), '--manifest', copy, '--dist', path.join(tmp, 'no-build'), ...args], { env, timeoutMs: 60_000 });
  const check = (env: Record<string, string>) => runNode([path.join(ROOT, 'scripts/check-content.mjs')], { env: { ...env, URL_MANIFEST: copy }, timeoutMs: 60_000 });

  it('reports a changed permalink and exits 1; --accept <id> records the new words, and only them', async () => {
    copyFileSync(manifestFile(ROOT), copy);
    const env = { CONTENT_DIR: changed.dir };
    const report = await run([], env);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/^ {2}- recital-c: item:2013-2600#recital-c \(procedures\/2013-2600\/#recital-c\) now points to other words/m);
    expect((await check(env)).code).toBe(1);

    const accepted = await run(['--accept', 'item:2013-2600#recital-c'], env);
    expect(accepted.code, accepted.output).toBe(0);
    expect(accepted.stdout).toMatch(/^item:2013-2600#recital-c: now recorded for "whereas Kazakhstan is a major international actor/m);
    const before = readFileSync(manifestFile(ROOT), 'utf8').split('\n');
    const after = readFileSync(copy, 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual([expect.stringContaining('"id": "item:2013-2600#recital-c"')]);
    const checked = await check(env);
    expect(checked.stdout, checked.output).toMatch(/^content OK: /);
  }, 120_000);

  it('refuses to --accept what is not a recorded permalink', async () => {
    copyFileSync(manifestFile(ROOT), copy);
    const result = await run(['--accept', 'item:2013-2600#para-999'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('urls:manifest: --accept item:2013-2600#para-999: not a permalink of');
  }, 60_000);

  it('notes a new permalink without failing; --accept-new records it with its address', async () => {
    const m = JSON.parse(readFileSync(manifestFile(ROOT), 'utf8')) as Manifest;
    writeFileSync(copy, JSON.stringify({ ...m, permalinks: m.permalinks.filter((e) => e.id !== 'person:vladimir-kozlov') }));
    const checked = await check({});
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^ {2}1 new permalink not in the URL manifest yet \(person:vladimir-kozlov\); record it when published: npm run urls:manifest -- --accept-new$/m);
    const recorded = await run(['--accept-new'], {});
    expect(recorded.code, recorded.output).toBe(0);
    expect(readFileSync(copy, 'utf8')).toContain('{ "id": "person:vladimir-kozlov", "url": "people/vladimir-kozlov/", "words": ');
  }, 120_000);
});
