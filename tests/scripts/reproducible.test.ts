/// <reference types="node" />
// Reproducible builds: a second build of the working tree, into a temporary folder, is
// byte-identical (sha256 of every file) to the dist/ that `npm test` built just before. The two
// differ in output folder (each build runs in its own `.build-tmp-<pid>-…`) and, on a fresh clone,
// in content cache (dist/ from an empty cache, this one from the cache dist/ left), so neither may
// leak into the site. One extra build, not two: it is the slowest unit test.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS, diffTrees, hashTree, requireBuild, ROOT, runNode, tempDir, withBuildLock } from './gate-helpers.ts';

const BUILD = path.join(ROOT, 'scripts/build.mjs');
const { dir, build } = BUILDS[0];

describe('reproducible build', () => {
  const tmp = tempDir('reproducible');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(`a second build of the working tree is byte-identical to ${dir}/`, async () => {
    const built = requireBuild(dir, build);
    const again = path.join(tmp, 'again');
    const result = await withBuildLock(() => runNode([BUILD], { env: { BASE_PATH: undefined, SITE_URL: undefined, CONTENT_DIR: undefined, OUT_DIR: again }, timeoutMs: 600_000 }));
    expect(result.code, result.output).toBe(0);
    console.log(`reproducible: the second build took ${(result.ms / 1000).toFixed(1)} s`);
    expect(hashTree(again).size).toBeGreaterThan(10);
    const differences = diffTrees(built, again);
    expect(differences, `${dir}/ and a second build differ (if the code changed since ${dir}/ was built, run ${build} again):\n${differences.join('\n')}`).toEqual([]);
  }, 900_000);

  it('the comparison catches a difference (changed, missing and extra files)', () => {
    const x = path.join(tmp, 'x');
    const y = path.join(tmp, 'y');
    for (const d of [x, y]) mkdirSync(path.join(d, 'sub'), { recursive: true });
    writeFileSync(path.join(x, 'same.txt'), 'same');
    writeFileSync(path.join(y, 'same.txt'), 'same');
    writeFileSync(path.join(x, 'sub/page.html'), '<p>built at 10:00</p>');
    writeFileSync(path.join(y, 'sub/page.html'), '<p>built at 10:01</p>');
    writeFileSync(path.join(x, 'only-x.txt'), 'x');
    writeFileSync(path.join(y, 'only-y.txt'), 'y');
    expect(diffTrees(x, y)).toEqual([
      'only-x.txt: only in the first build',
      'sub/page.html: differs at byte 16: "<p>built at 10:00</p>" vs "<p>built at 10:01</p>"',
      'only-y.txt: only in the second build',
    ]);
    expect(diffTrees(x, x)).toEqual([]);
  });
});
