/// <reference types="node" />
// scripts/build.mjs: builds into a temporary folder and swaps it in only on success, so a failed
// build (bad content, or astro itself failing) leaves the previous build byte-for-byte intact.
// Builds the small valid content fixture into a temporary folder (never touches dist/).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree, leftovers, ROOT, runNode, tempDir, withBuildLock } from './gate-helpers';

const BUILD = path.join(ROOT, 'scripts/build.mjs');
const VALID = 'tests/fixtures/content-errors/valid';
const BROKEN = 'tests/fixtures/content-errors/unknown-theme';

describe('scripts/build.mjs', () => {
  const tmp = tempDir('build-script');
  const out = path.join(tmp, 'site');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const build = (env: Record<string, string | undefined>) =>
    withBuildLock(() => runNode([BUILD], { env: { OUT_DIR: out, BASE_PATH: undefined, SITE_URL: undefined, ...env }, timeoutMs: 300_000 }));

  it('builds into OUT_DIR and leaves no temporary folder', async () => {
    const result = await build({ CONTENT_DIR: VALID });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/^content OK: 1 procedure/m);
    expect(result.stdout).toMatch(/build OK: .*site\/ replaced/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'procedures/2019-2610/index.html'))).toBe(true);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);

  it('broken content: fails before building, names file and field, previous build untouched', async () => {
    writeFileSync(path.join(out, 'previous-build-marker.txt'), 'from the previous build\n');
    const before = hashTree(out);
    const result = await build({ CONTENT_DIR: BROKEN });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${BROKEN}/demands/2019-2610.yaml:8  demands[0].themes[1]: unknown theme "press-freedom"`);
    expect(result.stderr).toMatch(/build FAILED: the content has problems/);
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);

  it("astro build failing: exits non-zero with astro's error visible, previous build untouched", async () => {
    const before = hashTree(out);
    // An invalid `site` passes the content check and makes astro itself fail.
    const result = await build({ CONTENT_DIR: VALID, SITE_URL: 'not a url' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Invalid URL/);
    expect(result.stderr).toMatch(/build FAILED: astro build exited with code \d+ \(its output is above\)/);
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);

  it('a successful build replaces the previous one entirely', async () => {
    const result = await build({ CONTENT_DIR: VALID });
    expect(result.code, result.output).toBe(0);
    expect(existsSync(path.join(out, 'previous-build-marker.txt'))).toBe(false);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<html lang="en"/);
    expect(leftovers(tmp)).toEqual([]);
  }, 300_000);
});
