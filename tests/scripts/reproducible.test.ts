/// <reference types="node" />
// Reproducible builds: two builds of the working tree, into two different temporary folders, are
// byte-identical (sha256 of every file). The first starts from an empty content cache
// (`astro build --force`), the second reuses the cache the first left, so neither the output
// folder's name nor the cache state may leak into the site. Builds into temporary folders only.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffTrees, hashTree, ROOT, runNode, tempDir, withBuildLock } from './gate-helpers';

const BUILD = path.join(ROOT, 'scripts/build.mjs');

describe('reproducible build', () => {
  const tmp = tempDir('reproducible');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('two clean builds of the working tree are byte-identical', async () => {
    const a = path.join(tmp, 'first');
    const b = path.join(tmp, 'second-build');
    const env = { BASE_PATH: undefined, SITE_URL: undefined, CONTENT_DIR: undefined };
    const first = await withBuildLock(() => runNode([BUILD, '--force'], { env: { ...env, OUT_DIR: a }, timeoutMs: 600_000 }));
    expect(first.code, first.output).toBe(0);
    const second = await withBuildLock(() => runNode([BUILD], { env: { ...env, OUT_DIR: b }, timeoutMs: 600_000 }));
    expect(second.code, second.output).toBe(0);
    console.log(`reproducible: builds took ${(first.ms / 1000).toFixed(1)} s (cold cache) and ${(second.ms / 1000).toFixed(1)} s (warm cache)`);

    const files = hashTree(a);
    expect(files.size).toBeGreaterThan(10);
    const differences = diffTrees(a, b);
    expect(differences, `the two builds differ:\n${differences.join('\n')}`).toEqual([]);
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
