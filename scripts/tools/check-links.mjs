#!/usr/bin/env node
// Link gate for a BUILT site (no server, no network):
//
//   node scripts/check-links.mjs [dir] [base]          e.g. dist /   or   dist-kz /kz/
//   node scripts/check-links.mjs --write-manifest [dir]   regenerate tests/url-manifest.json
//
// Checks, in every HTML file of <dir> (default $OUT_DIR or dist; base default $BASE_PATH or /):
// (absolute links to the site's own origin, $SITE_URL or the home page's canonical origin, are
// internal links and checked as such)
// - every internal URL in a[href], area[href], link[href], img[src|srcset], source[src|srcset],
//   script[src], iframe[src], form[action], video/audio[src|poster], meta refresh, and url(…) in
//   inline CSS resolves to a file of the build, under the base path;
// - every #fragment, on the same page or another, is an id (or a[name]) in the target page;
// - every external URL is https:// on an allow-listed official host (OFFICIAL_HOSTS of
//   src/site/ep-links.ts); other schemes are refused except data: (images) and mailto:.
// Prints every problem as `page  link  why` and exits 1 on any.
//
// Also exported for the tests: checkLinks(), listPublishedPaths(), checkManifest().

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFICIAL_HOSTS } from '../../src/site/ep-links.ts';
import { isMain } from './lib/is-main.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MANIFEST_FILE = path.join(ROOT, 'tests', 'url-manifest.json');

/** Normalise a base path to "/" or "/a/b/". @param {string | undefined} base */
export function normalizeBase(base) {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// ---- a small HTML tokenizer: start tags with attributes, and the text of <style> ----------------

const NAMED_ENTITIES = /** @type {Record<string, string>} */ ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' });

/** @param {string} s */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    const lower = String(e).toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return NAMED_ENTITIES[lower] ?? m;
  });
}

/**
 * @typedef {{ name: string, attrs: Map<string, string>, line: number }} Tag
 * @typedef {{ tags: Tag[], styles: Array<{ text: string, line: number }> }} ParsedHtml
 */

/**
 * Start tags (lower-cased names, decoded attribute values) and the contents of <style> elements.
 * Skips comments, doctype and the raw text of <script>, <style>, <textarea> and <title>.
 * @param {string} html
 * @returns {ParsedHtml}
 */
export function parseHtml(html) {
  /** @type {Tag[]} */
  const tags = [];
  /** @type {Array<{ text: string, line: number }>} */
  const styles = [];
  const lower = html.toLowerCase();
  let i = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (/** @type {number} */ pos) => {
    for (; counted < pos; counted++) if (html.charCodeAt(counted) === 10) line++;
    return line;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = (nameMatch[1] ?? '').toLowerCase();
    let j = lt + nameMatch[0].length;
    /** @type {Map<string, string>} */
    const attrs = new Map();
    while (j < html.length) {
      while (j < html.length && /[\s/]/.test(html.charAt(j))) j++;
      if (j >= html.length || html[j] === '>') break;
      const an = /^[^\s"'>\/=]+/.exec(html.slice(j, j + 256));
      if (!an) {
        j++;
        continue;
      }
      const attrName = an[0].toLowerCase();
      j += an[0].length;
      while (j < html.length && /\s/.test(html.charAt(j))) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html.charAt(j))) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          const m = /^[^\s>]*/.exec(html.slice(j));
          value = m ? m[0] : '';
          j += value.length;
        }
      }
      if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
    }
    const tagLine = lineAt(lt);
    tags.push({ name, attrs, line: tagLine });
    i = j + 1;
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      const close = lower.indexOf(`</${name}`, i);
      const end = close < 0 ? html.length : close;
      if (name === 'style') styles.push({ text: html.slice(i, end), line: lineAt(i) });
      i = end;
    }
  }
  return { tags, styles };
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

/** Ids and a[name]s of an HTML file, cached. @type {Map<string, Set<string>>} */
const anchorCache = new Map();
/** @param {string} abs */
function anchorsOf(abs) {
  let set = anchorCache.get(abs);
  if (!set) {
    set = new Set();
    for (const t of parseHtml(readFileSync(abs, 'utf8')).tags) {
      const id = t.attrs.get('id');
      if (id) set.add(id);
      const name = t.attrs.get('name');
      if (t.name === 'a' && name) set.add(name);
    }
    anchorCache.set(abs, set);
  }
  return set;
}

/** @typedef {{ page: string, line: number, link: string, why: string }} LinkProblem */

/**
 * The site's own origin, when the build was made with SITE_URL: the home page's canonical link
 * points to the base path on it. Absolute links to that origin are internal links.
 * @param {string} root
 * @param {string} prefix
 * @returns {string | undefined}
 */
function siteFromCanonical(root, prefix) {
  const home = parseHtml(readFileSync(path.join(root, 'index.html'), 'utf8')).tags.find(
    (t) => t.name === 'link' && (t.attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const href = home?.attrs.get('href');
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.pathname === prefix ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Which attributes of which elements hold URLs. */
const URL_ATTRS = /** @type {Record<string, string[]>} */ ({
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  form: ['action'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  use: ['href'],
});

/** @param {string} srcset */
const srcsetUrls = (srcset) =>
  srcset
    .split(/,(?=\s*\S)/)
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/**
 * Checks every link of every HTML page of a build.
 * @param {string} dir build folder
 * @param {string} [base] base path the build is served under
 * @param {{ allowedHosts?: readonly string[], siteUrl?: string }} [options]
 * @returns {{ pages: number, links: number, problems: LinkProblem[] }}
 */
export function checkLinks(dir, base = '/', options = {}) {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build the site first (npm run build)`);
  }
  anchorCache.clear();
  const prefix = normalizeBase(base);
  const allowed = new Set(options.allowedHosts ?? OFFICIAL_HOSTS);
  const siteUrl = options.siteUrl ?? process.env['SITE_URL'] ?? siteFromCanonical(root, prefix);
  const site = siteUrl ? new URL(siteUrl) : undefined;
  const origin = 'http://site.invalid';
  /** @type {LinkProblem[]} */
  const problems = [];
  let links = 0;
  const files = listFiles(root);
  const pages = files.filter(isHtml);
  /** @typedef {{ raw: string, line: number, what: string }} FoundUrl */
  /** @type {Array<{ page: string, pageUrl: URL, found: FoundUrl[] }>} */
  const sources = [];

  for (const pageRel of pages) {
    const pageUrl = new URL(prefix + urlPathOf(pageRel), origin);
    const page = prefix + urlPathOf(pageRel);
    const { tags, styles } = parseHtml(readFileSync(path.join(root, pageRel), 'utf8'));
    /** @type {FoundUrl[]} */
    const found = [];
    for (const t of tags) {
      for (const attr of URL_ATTRS[t.name] ?? []) {
        const v = t.attrs.get(attr);
        if (v === undefined) continue;
        if (attr === 'srcset') for (const u of srcsetUrls(v)) found.push({ raw: u, line: t.line, what: `${t.name}[srcset]` });
        else found.push({ raw: v, line: t.line, what: `${t.name}[${attr}]` });
      }
      if (t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
        const m = /url\s*=\s*['"]?([^'"]+)/i.exec(t.attrs.get('content') ?? '');
        if (m?.[1]) found.push({ raw: m[1].trim(), line: t.line, what: 'meta[refresh]' });
      }
      const style = t.attrs.get('style');
      if (style) for (const m of style.matchAll(/url\(\s*['"]?([^'")]+)/g)) found.push({ raw: m[1] ?? '', line: t.line, what: 'style url()' });
    }
    for (const s of styles) for (const m of s.text.matchAll(/url\(\s*['"]?([^'")]+)/g)) found.push({ raw: m[1] ?? '', line: s.line, what: '<style> url()' });
    sources.push({ page, pageUrl, found });
  }
  // The sitemap (written only when the build has SITE_URL) must list pages that exist.
  if (files.includes('sitemap.xml')) {
    const xml = readFileSync(path.join(root, 'sitemap.xml'), 'utf8');
    /** @type {FoundUrl[]} */
    const found = [];
    for (const m of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) found.push({ raw: decodeEntities(m[1] ?? ''), line: xml.slice(0, m.index).split('\n').length, what: 'sitemap <loc>' });
    sources.push({ page: `${prefix}sitemap.xml`, pageUrl: new URL(`${prefix}sitemap.xml`, origin), found });
  }

  for (const { page, pageUrl, found } of sources) {
    for (const { raw, line, what } of found) {
      links++;
      const report = (/** @type {string} */ why) => problems.push({ page, line, link: raw, why: `${what}: ${why}` });
      const value = raw.trim();
      if (value === '') {
        if (what !== 'form[action]') report('empty URL');
        continue;
      }
      if (value === '#') {
        report('empty fragment "#": link to a real target, or use a <button>');
        continue;
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      if (scheme === 'data' || scheme === 'mailto') continue;
      if (scheme && scheme !== 'http' && scheme !== 'https') {
        report(`scheme "${scheme}:" is not allowed`);
        continue;
      }
      let url;
      try {
        url = new URL(value, pageUrl);
      } catch {
        report('not a valid URL');
        continue;
      }
      let internalPath;
      if (url.origin === origin) internalPath = url.pathname;
      else if (site && url.origin === site.origin) internalPath = url.pathname;
      if (internalPath === undefined) {
        if (what === 'sitemap <loc>') report(`not on the site's own origin (${site?.origin ?? 'unknown: no canonical link on the home page, and no SITE_URL'})`);
        else if (!allowed.has(url.hostname)) report(`external host ${url.hostname} is not on the allow-list (${[...allowed].join(', ')})`);
        else if (url.protocol !== 'https:') report('official links must use https://');
        continue;
      }
      if (!internalPath.startsWith(prefix)) {
        report(`outside the base path ${prefix} (a link built without withBase()?)`);
        continue;
      }
      let rel;
      try {
        rel = decodeURIComponent(internalPath.slice(prefix.length));
      } catch {
        report('malformed percent-encoding');
        continue;
      }
      const target = fileFor(root, rel);
      if ('error' in target) {
        report(target.error);
        continue;
      }
      if (url.hash && url.hash !== '#' && isHtml(target.file)) {
        let frag;
        try {
          frag = decodeURIComponent(url.hash.slice(1));
        } catch {
          report('malformed percent-encoding in the fragment');
          continue;
        }
        if (frag === 'top' || frag.startsWith(':~:')) continue;
        if (!anchorsOf(path.join(root, target.file)).has(frag)) {
          report(`no element with id="${frag}" (or <a name>) in ${prefix}${urlPathOf(target.file)}`);
        }
      }
    }
  }
  return { pages: pages.length, links, problems };
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
  for (const t of parseHtml(html).tags) {
    if (t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(t.attrs.get('content') ?? '');
      return m?.[1]?.trim();
    }
  }
  return undefined;
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
  if (args[0] === '--write-manifest') {
    const dir = path.resolve(ROOT, args[1] ?? 'dist');
    if (!existsSync(path.join(dir, 'index.html'))) {
      console.error(`${path.relative(ROOT, dir) || dir}/index.html is missing: build the site first (npm run build)`);
      return 1;
    }
    const n = writeManifest(dir);
    console.log(`wrote ${path.relative(ROOT, MANIFEST_FILE)}: ${n} URL paths from ${path.relative(ROOT, dir) || dir}/`);
    return 0;
  }
  const dir = args[0] ?? process.env['OUT_DIR'] ?? 'dist';
  const base = normalizeBase(args[1] ?? process.env['BASE_PATH'] ?? '/');
  const started = Date.now();
  let result;
  try {
    result = checkLinks(path.resolve(dir), base);
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    return 1;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!result.problems.length) {
    console.log(`links OK: ${result.links} links on ${result.pages} pages of ${dir}/ (base ${base}) in ${secs} s`);
    return 0;
  }
  // The same bad link on many pages (a navigation entry, say) is one fix: list it once, with
  // every page it is on.
  /** @type {Map<string, { link: string, why: string, pages: string[] }>} */
  const groups = new Map();
  for (const p of result.problems) {
    const key = `${p.link}\0${p.why}`;
    const g = groups.get(key) ?? { link: p.link, why: p.why, pages: [] };
    const where = `${p.page}:${p.line}`;
    if (!g.pages.includes(where)) g.pages.push(where);
    groups.set(key, g);
  }
  console.error(
    `link check FAILED: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} (${groups.size} distinct) in ${dir}/ (base ${base}):\n`,
  );
  for (const g of groups.values()) {
    console.error(`  ${g.link}\n      ${g.why}\n      on ${g.pages.length === 1 ? 'page' : `${g.pages.length} pages`}: ${g.pages.join(', ')}`);
  }
  return 1;
}

if (isMain(import.meta.url)) {
  process.exitCode = main();
}
