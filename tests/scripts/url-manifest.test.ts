/// <reference types="node" />
// Stable URLs: every path in tests/url-manifest.json must still be published by the build, as a
// page or as a redirect page (<meta http-equiv="refresh">) to an existing page. New URLs are fine:
// they are printed as a reminder to regenerate the manifest:
//   npm run build && node scripts/check-links.mjs --write-manifest
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifest, listPublishedPaths, readManifest } from '../../scripts/tools/check-links.mjs';
import { BUILDS, requireBuild, ROOT } from './gate-helpers';

const REGENERATE = 'npm run build && node scripts/check-links.mjs --write-manifest';

describe('URL manifest', () => {
  const manifest = readManifest();

  it('is a sorted list of unique root-relative paths', () => {
    expect(manifest.length).toBeGreaterThan(0);
    expect(new Set(manifest).size).toBe(manifest.length);
    expect([...manifest].sort()).toEqual(manifest);
    for (const p of manifest) expect(p).toMatch(/^\//);
    expect(manifest).toContain('/');
  });

  it.each(BUILDS)('every published URL is still served by $dir (or redirects)', ({ dir, base, build }) => {
    const abs = requireBuild(dir, build);
    const { missing, added } = checkManifest(abs, manifest, base);
    if (added.length) {
      console.log(`${dir}: ${added.length} URL(s) not in tests/url-manifest.json yet (fine; add them with: ${REGENERATE}):\n  ${added.join('\n  ')}`);
    }
    expect(missing, `URLs that were published and are gone (add a redirect page, or restore them):\n${missing.join('\n')}`).toEqual([]);
  });
});

describe('URL manifest check on a broken site', () => {
  const broken = path.join(ROOT, 'tests/fixtures/broken-site');

  it('fails for a vanished URL and for a redirect to nowhere; accepts a working redirect', () => {
    const { missing, added } = checkManifest(broken, ['/', '/about/', '/gone/', '/moved/', '/moved-bad/', '/data/sample.json', '/data/gone.json'], '/');
    expect(missing).toEqual([
      '/gone/: missing from the build and no redirect page at that path',
      '/moved-bad/: a redirect page, but its target /nowhere/ is not a page of the build',
      '/data/gone.json: missing from the build and no redirect page at that path',
    ]);
    expect(added).toEqual(['/404.html', '/a11y/', '/invalid/', '/security/']);
  });

  it('lists HTML pages and data files as published paths', () => {
    expect(listPublishedPaths(broken)).toEqual(['/', '/404.html', '/a11y/', '/about/', '/data/sample.json', '/invalid/', '/moved-bad/', '/moved/', '/security/']);
  });
});
