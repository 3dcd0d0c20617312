/**
 * After the pages are written: the service worker (`sw.js` at the site's root, from sw.js here) and
 * the whole site as one archive (`data/site.zip`), so that anyone can mirror the site by copying a
 * folder and readers keep what they opened when the network goes (issue of blocking and shutdowns).
 * Both are written by an Astro integration that runs last, once every other file is final.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import { ARCHIVE_PATH, SEARCH_INDEX_PATH, SERVICE_WORKER_PATH } from '../../site/paths.ts';

/** The search index is saved whole when the worker installs while it is at most this large. */
export const PRECACHE_SEARCH_MAX_BYTES = 2_000_000;
/** The folder the archive unpacks into. */
export const ARCHIVE_FOLDER = 'ep-demands-kazakhstan';
/**
 * An entry deflated by Node's zlib (native code) instead of fflate's JavaScript deflate: 2.6 times
 * faster (a 200-procedure site's 108 MB: 1.0 s against 2.7 s). fflate writes the archive around it
 * and keeps the size and CRC of what is pushed (the way its documentation extends ZipPassThrough).
 * Each file is pushed whole, once.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }
  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 6 }), final);
  }
}

/** Files already compressed, stored in the archive as they are. */
const COMPRESSED = /\.(png|jpe?g|gif|webp|avif|woff2?|zip|gz|br)$/i;
/** Every entry of the archive carries this time, so two builds of the same site give the same bytes. */
const ARCHIVE_TIME = new Date(2000, 0, 1);

/** Every file of a built site, as site paths (`/` separators), sorted. */
export function siteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

/** The files the worker's version leaves out: what is written from it. */
const isOwnOutput = (p: string) => p === SERVICE_WORKER_PATH || p === ARCHIVE_PATH;

/**
 * A short hash of every file's path and bytes and of the worker's own code: a build that changes
 * anything gets a new version, so readers' saved copies are replaced.
 */
export function siteVersion(dir: string, workerTemplate: string, files = siteFiles(dir)): string {
  const hash = createHash('sha256').update(workerTemplate).update('\0');
  for (const p of files.filter((f) => !isOwnOutput(f))) hash.update(p).update('\0').update(createHash('sha256').update(readFileSync(path.join(dir, p))).digest()).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/**
 * What the worker saves when it installs: the search page, its scripts, and its index files while
 * the index is small enough (else only its manifest; the files a search fetches are saved as it
 * fetches them).
 */
export function precacheList(dir: string, files = siteFiles(dir)): string[] {
  const index = files.filter((p) => p.startsWith(SEARCH_INDEX_PATH) && p !== `${SEARCH_INDEX_PATH}index.html`);
  const indexBytes = index.reduce((n, p) => n + statSync(path.join(dir, p)).size, 0);
  const scripts = files.filter((p) => p.startsWith('_astro/') && p.endsWith('.js'));
  return [
    SEARCH_INDEX_PATH,
    ...scripts,
    ...(indexBytes <= PRECACHE_SEARCH_MAX_BYTES ? index : index.filter((p) => p.endsWith('manifest.json'))),
    ...files.filter((p) => p === 'favicon.svg'),
  ];
}

/** The worker's source with this build's version and list filled in. */
export function serviceWorkerSource(template: string, version: string, precache: string[]): string {
  const json = JSON.stringify(precache).replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return template.replace("'__VERSION__'", JSON.stringify(version)).replace("'__PRECACHE__'", `'${json}'`);
}

/** Writes the archive of `files` (site paths under `dir`, but the archive) to `target`, one file in memory at a time. */
export function writeArchive(dir: string, files: string[], target: string): void {
  const fd = openSync(target, 'w');
  let failure: Error | null = null;
  try {
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else writeSync(fd, chunk);
    });
    for (const p of files.filter((f) => f !== ARCHIVE_PATH)) {
      // Images and other compressed files are stored as they are: deflating them again costs time
      // (most of the archive's, at 2,000 procedures) and saves nothing.
      const name = `${ARCHIVE_FOLDER}/${p}`;
      const entry = COMPRESSED.test(p) ? new ZipPassThrough(name) : new NativeDeflate(name);
      entry.mtime = ARCHIVE_TIME;
      zip.add(entry);
      entry.push(readFileSync(path.join(dir, p)), true);
    }
    zip.end();
  } finally {
    closeSync(fd);
  }
  if (failure) throw failure;
}

/** The Astro integration: list it last, after every integration that writes or changes files. */
export function offlineCopy(): AstroIntegration {
  /** sw.js of this folder, found from the project root (the config is bundled elsewhere). */
  let template: URL;
  return {
    name: 'kz:offline-copy',
    hooks: {
      'astro:config:done': ({ config }) => {
        template = new URL('src/publish/offline/sw.js', config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files = siteFiles(root);
        const workerTemplate = readFileSync(template, 'utf8');
        const version = siteVersion(root, workerTemplate, files);
        const source = serviceWorkerSource(workerTemplate, version, precacheList(root, files));
        writeFileSync(path.join(root, SERVICE_WORKER_PATH), source);
        const zipping = performance.now();
        writeArchive(root, siteFiles(root), path.join(root, ARCHIVE_PATH));
        const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        logger.info(`service worker ${version} (${s(zipping - started)}); ${ARCHIVE_PATH}: ${(statSync(path.join(root, ARCHIVE_PATH)).size / 1e6).toFixed(1)} MB (${s(performance.now() - zipping)})`);
      },
    },
  };
}
