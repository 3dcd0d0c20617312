#!/usr/bin/env node
// The URL manifest (tests/url-manifest.json): which published paths must stay published.
//
//   node scripts/check-links.mjs --write-manifest [dir]   regenerate tests/url-manifest.json
//
// The link check that gave this file its name is now the browser crawl (tests/browser/crawl.ts,
// run by `npm run check:links`). Only the manifest functions remain here, for
// tests/scripts/url-manifest.test.ts and `npm run urls:manifest`, until scripts/tools/url-manifest.ts
// replaces them (issue 14.1): then delete this file and scripts/check-links.mjs.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain } from './lib/is-main.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MANIFEST_FILE = path.join(ROOT, 'tests', 'url-manifest.json');

/** Normalise a base path to "/" or "/a/b/". @param {string | undefined} base */
export function normalizeBase(base) {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// ---- the build's files ----------------------------------------------------------------------

/**
 * Every file of a build folder, as paths relative to it with "/" separators. Sorted.
 * @param {string} dir
 */
export function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) out.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** `a/index.html` → "a/", `index.html` → "", `404.html` → "404.html". @param {string} rel */
export function urlPathOf(rel) {
  if (rel === 'index.html') return '';
  if (rel.endsWith('/index.html')) return rel.slice(0, -'index.html'.length);
  return rel;
}

/** @param {string} p */
const isHtml = (p) => /\.html?$/i.test(p);

/**
 * A decoded path below the base ("procedures/x/") → the file serving it, or why none does.
 * @param {string} dir
 * @param {string} rel
 * @returns {{ file: string } | { error: string }}
 */
function fileFor(dir, rel) {
  if (rel.split('/').some((seg) => seg === '..')) return { error: 'climbs out of the site ("..")' };
  const candidate = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  const abs = path.join(dir, candidate);
  if (existsSync(abs) && statSync(abs).isFile()) return { file: candidate };
  if (!rel.endsWith('/') && existsSync(path.join(dir, rel, 'index.html'))) {
    return { error: `points to a folder without its trailing slash (the site uses trailingSlash: 'always'): link to ${rel}/` };
  }
  return { error: `no such file in the build (${candidate})` };
}

// ---- the URL manifest -----------------------------------------------------------------------

/**
 * The published URL paths of a build (relative to "/"): every HTML page, and every file under
 * data/ when there is one. Sorted.
 * @param {string} dir
 */
export function listPublishedPaths(dir) {
  return listFiles(path.resolve(dir))
    .filter((f) => isHtml(f) || f.startsWith('data/'))
    .map((f) => `/${isHtml(f) ? urlPathOf(f) : f}`)
    .sort();
}

/**
 * @param {string} html
 * @returns {string | undefined} the target of a <meta http-equiv="refresh">, if the page is one
 */
export function refreshTarget(html) {
  const meta = /<meta\b[^>]*http-equiv=["']?refresh["']?[^>]*>/i.exec(html)?.[0];
  return meta ? /url\s*=\s*['"]?([^'">\s]+)/i.exec(meta)?.[1]?.trim() : undefined;
}

/**
 * Compares the committed manifest with a build: every listed path must still be published, as
 * itself or as a redirect page (a meta refresh) pointing to a page that exists.
 * @param {string} dir
 * @param {string[]} manifest paths relative to "/"
 * @param {string} [base]
 * @returns {{ missing: string[], added: string[] }} `missing` with the reason; `added` = new paths
 */
export function checkManifest(dir, manifest, base = '/') {
  const root = path.resolve(dir);
  const prefix = normalizeBase(base);
  const published = new Set(listPublishedPaths(root));
  /** @type {string[]} */
  const missing = [];
  for (const p of manifest) {
    const rel = p.replace(/^\//, '');
    const target = fileFor(root, rel);
    if ('error' in target) {
      missing.push(`${prefix}${rel}: missing from the build and no redirect page at that path`);
      continue;
    }
    if (!isHtml(target.file)) continue;
    const to = refreshTarget(readFileSync(path.join(root, target.file), 'utf8'));
    if (to === undefined) continue;
    const url = new URL(to, new URL(prefix + rel, 'http://site.invalid'));
    const toRel = decodeURIComponent(url.pathname).startsWith(prefix) ? decodeURIComponent(url.pathname).slice(prefix.length) : undefined;
    const dest = toRel === undefined ? { error: 'outside the base path' } : fileFor(root, toRel);
    if (url.origin !== 'http://site.invalid' || 'error' in dest) {
      missing.push(`${prefix}${rel}: a redirect page, but its target ${to} is not a page of the build`);
    } else if (isHtml(dest.file) && refreshTarget(readFileSync(path.join(root, dest.file), 'utf8')) !== undefined) {
      missing.push(`${prefix}${rel}: redirects to ${to}, which is itself a redirect (point it at the final page)`);
    }
  }
  const listed = new Set(manifest);
  const added = [...published].filter((p) => !listed.has(p)).map((p) => prefix + p.replace(/^\//, ''));
  return { missing, added };
}

/** @param {string} [file] @returns {string[]} */
export function readManifest(file = MANIFEST_FILE) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data.urls)) throw new Error(`${file}: expected { "urls": [...] }`);
  return data.urls;
}

/** @param {string} dir @param {string} [file] */
export function writeManifest(dir, file = MANIFEST_FILE) {
  const urls = listPublishedPaths(dir);
  const data = {
    $comment:
      'Published URL paths (relative to the base path). tests/scripts/url-manifest.test.ts fails when one disappears without a redirect page. Regenerate after adding pages: npm run build && node scripts/check-links.mjs --write-manifest',
    urls,
  };
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return urls.length;
}

// ---- CLI ------------------------------------------------------------------------------------

function main() {
  const args = process.argv.slice(2);
  if (args[0] !== '--write-manifest') {
    console.error('Usage: node scripts/check-links.mjs --write-manifest [dir]  (the link check is now: npm run check:links)');
    return 1;
  }
  const dir = path.resolve(ROOT, args[1] ?? 'dist');
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`${path.relative(ROOT, dir) || dir}/index.html is missing: build the site first (npm run build)`);
    return 1;
  }
  const n = writeManifest(dir);
  console.log(`wrote ${path.relative(ROOT, MANIFEST_FILE)}: ${n} URL paths from ${path.relative(ROOT, dir) || dir}/`);
  return 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = main();
}
