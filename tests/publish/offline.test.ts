// The offline copy written after the build (src/publish/offline/): the service worker's version and
// list, and the archive of the whole site. The worker itself is tested in Chromium
// (tests/browser/offline.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FOLDER, PRECACHE_SEARCH_MAX_BYTES, precacheList, serviceWorkerSource, siteFiles, siteVersion, writeArchive } from '../../src/publish/offline/index.ts';

const dirs: string[] = [];
/** The signature that opens each file's header in a ZIP archive. */
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A small built site: a page, the search page with its index, a script, a download. */
function site(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kz-offline-'));
  dirs.push(dir);
  const all = {
    'index.html': '<!doctype html><title>Home</title>',
    'search/index.html': '<!doctype html><title>Search</title>',
    'search/manifest.json': '{}',
    'search/post/0.json': '[]',
    '_astro/search.js': 'console.log(1)',
    'data/demands.json': '[]',
    'favicon.svg': '<svg/>',
    ...files,
  };
  for (const [p, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

describe('service worker', () => {
  it('is versioned by every file and its own code, and not by its own output', () => {
    const a = site();
    const b = site();
    expect(siteVersion(a, 'worker')).toBe(siteVersion(b, 'worker'));
    expect(siteVersion(a, 'worker v2')).not.toBe(siteVersion(a, 'worker'));
    writeFileSync(path.join(b, 'sw.js'), 'anything');
    writeFileSync(path.join(b, 'data/site.zip'), 'anything');
    expect(siteVersion(b, 'worker')).toBe(siteVersion(a, 'worker'));
    writeFileSync(path.join(b, 'index.html'), '<!doctype html><title>Home, changed</title>');
    expect(siteVersion(b, 'worker')).not.toBe(siteVersion(a, 'worker'));
  });

  it('saves the search page, its scripts and its whole index when it is small, never the downloads', () => {
    expect(precacheList(site())).toEqual(['search/', '_astro/search.js', 'search/manifest.json', 'search/post/0.json', 'favicon.svg']);
  });

  it('saves only the index manifest when the index is large (the rest as searches fetch it)', () => {
    const big = site({ 'search/post/1.json': 'x'.repeat(PRECACHE_SEARCH_MAX_BYTES) });
    expect(precacheList(big)).toEqual(['search/', '_astro/search.js', 'search/manifest.json', 'favicon.svg']);
  });

  it('fills the version and the list into the worker', () => {
    const source = serviceWorkerSource("const VERSION = '__VERSION__';\nconst PRECACHE = JSON.parse('__PRECACHE__');", 'abc123', ["it's/"]);
    expect(source).toBe(`const VERSION = "abc123";\nconst PRECACHE = JSON.parse('["it\\'s/"]');`);
    // eslint-disable-next-line no-new-func
    expect(new Function(`${source}; return [VERSION, PRECACHE];`)()).toEqual(['abc123', ["it's/"]]);
  });
});

describe('archive', () => {
  it('holds every file of the site in one folder, byte for byte, and the same bytes each time', () => {
    const dir = site();
    writeFileSync(path.join(dir, 'sw.js'), 'worker');
    const one = path.join(dir, 'data/site.zip');
    writeArchive(dir, siteFiles(dir), one);
    const entries = unzipSync(readFileSync(one));
    expect(Object.keys(entries).sort()).toEqual(siteFiles(dir).filter((p) => p !== 'data/site.zip').map((p) => `${ARCHIVE_FOLDER}/${p}`));
    expect(strFromU8(entries[`${ARCHIVE_FOLDER}/index.html`]!)).toBe('<!doctype html><title>Home</title>');
    // Every entry carries the same time (1 January 2000, 00:00), not the time of the build.
    const bytes = readFileSync(one);
    const stamps = new Set<string>();
    for (let i = bytes.indexOf(LOCAL_HEADER); i >= 0; i = bytes.indexOf(LOCAL_HEADER, i + 4)) stamps.add(`${bytes.readUInt16LE(i + 10)}/${bytes.readUInt16LE(i + 12)}`);
    expect([...stamps]).toEqual([`0/${((2000 - 1980) << 9) | (1 << 5) | 1}`]);
    const two = path.join(dir, 'two.zip');
    writeArchive(dir, siteFiles(dir).filter((p) => p !== 'two.zip'), two);
    expect(readFileSync(two).equals(readFileSync(one))).toBe(true);
  });
});
