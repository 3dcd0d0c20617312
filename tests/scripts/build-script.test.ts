/// <reference types="node" />
// scripts/build.mjs: builds into a temporary folder and swaps it in only on success, so a failed
// build (bad content, or astro itself failing) leaves the previous build byte-for-byte intact. The
// content is judged inside the build by the code `npm run check:content` runs: a content problem
// stops it with the same list, without a stack trace, whichever way it is found (a file failing
// in the content collections' loader, or a cross-check or published permalink in getSite()).
// Builds into a temporary folder (never touches dist/), from patched copies of content/.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatVerdict } from '../../src/content/check.ts';
import { expectedProblems, makeCase, readCases, reportedProblems } from './content-cases';
import { hashTree, leftovers, ROOT, runNode, tempDir, withBuildLock } from './gate-helpers';

const BUILD = path.join(ROOT, 'scripts/build.mjs');
const caseNamed = (name: string) => readCases().find((c) => c.name === name)!;

describe('scripts/build.mjs', () => {
  const tmp = tempDir('build-script');
  const out = path.join(tmp, 'site');
  const cases = new Map(['removed-and-moved', 'title-as-date', 'changed-words'].map((name) => [name, makeCase(caseNamed(name))]));
  afterAll(() => {
    for (const c of cases.values()) c.remove();
    rmSync(tmp, { recursive: true, force: true });
  });

  const build = (env: Record<string, string | undefined>) =>
    withBuildLock(() => runNode([BUILD], { env: { OUT_DIR: out, BASE_PATH: undefined, SITE_URL: undefined, URL_MANIFEST: undefined, ...env }, timeoutMs: 300_000 }));

  it('builds into OUT_DIR, replacing what was there entirely; judges the content once; renders moved addresses', async () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'previous-build-marker.txt'), 'from the previous build\n');
    const result = await build({ CONTENT_DIR: cases.get('removed-and-moved')!.dir });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout.match(/^content OK: /gm), 'the model is built and judged once per build').toHaveLength(1);
    expect(result.stdout).toMatch(/build OK: .*site\/ replaced/);
    expect(existsSync(path.join(out, 'previous-build-marker.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'procedures/2019-2610/index.html'))).toBe(true);
    // A moved page: the old address says where it went.
    const page = readFileSync(path.join(out, 'people/v-kozlov/index.html'), 'utf8');
    expect(page).toMatch(/<h1>This page has moved<\/h1>/);
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=../vladimir-kozlov/">');
    expect(page).toContain('The person&#39;s id was corrected. <a href="../vladimir-kozlov/">Vladimir Kozlov</a>.');
    // A moved fragment: the old fragment lands on a note on its old page.
    const year = readFileSync(path.join(out, 'timeline/2012/index.html'), 'utf8');
    expect(year).toMatch(/<p id="event-hr-statement-parliamentary-elections-2012"><strong>Moved:<\/strong> what this link pointed to is now at <a href="..\/..\/procedures\/2013-2600\/#citation-3">2013\/2600\(RSP\), citation 3<\/a>\. The statement is cited in citation 3/);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);

  // One case per way the build finds a problem: a file failing in the loader, a published
  // permalink changed (found by getSite() once the collections are stored).
  it.each(['title-as-date', 'changed-words'])('broken content (%s): fails with the list check:content prints, no stack trace, previous build untouched', async (name) => {
    const before = hashTree(out);
    const { dir } = cases.get(name)!;
    const result = await build({ CONTENT_DIR: dir });
    expect(result.code).not.toBe(0);
    expect(reportedProblems(result.stderr)).toEqual(expectedProblems(caseNamed(name), dir));
    expect(result.stderr).toContain(formatVerdict(checkContent(dir, ROOT)).text);
    expect(result.output).not.toMatch(/Stack trace|^\s+at /m);
    expect(result.stderr).toMatch(/build FAILED: the content has problems \(listed above\)/);
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);

  it("astro build failing: exits non-zero with astro's error visible, previous build untouched", async () => {
    const before = hashTree(out);
    // An invalid `site` passes the content check and makes astro itself fail.
    const result = await build({ CONTENT_DIR: undefined, SITE_URL: 'not a url' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Invalid URL/);
    expect(result.stderr).toMatch(/build FAILED: astro build exited with code \d+ \(its output is above\)/);
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);
});
