#!/usr/bin/env node
// Performance budgets of the BUILT site, measured on the files in dist/ (no browser, no server).
//
//   node scripts/budgets.mjs [--dir dist] [--base /] [--json]
//
// For every page (every *.html file):
// - critical path: the HTML plus every stylesheet it loads (<link rel=stylesheet>, their @imports)
//   plus every web font its CSS declares (@font-face url(), <link rel=preload as=font>), gzip,
//   within 14 KB (14 × 1024 bytes: roughly TCP's initial congestion window of 10 segments).
//   Inline <style> is part of the HTML. Fonts count at their file size (woff/woff2 are compressed
//   already): "no web fonts unless they fit the budget" falls out of this.
// - client JavaScript: inline <script> (not data blocks such as application/ld+json), event-handler
//   attributes (onclick=…), external <script src> and <link rel=modulepreload>, plus every module
//   those import (static and dynamic `import`, followed transitively), each counted gzip once per
//   page. Pages not in `needsJs` must have none; pages in it at most 5 KB, except the `uncappedJs`
//   ones (the search page, /search/).
// - images: every <img> has width and height attributes, and loading="lazy" unless above the fold,
//   defined statically as: one of the page's first two images AND before its first <h2>.
// - every local asset a page references exists; no stylesheet, font or script from another origin.
//
// Gzip is zlib's default level (6), what scripts/serve.mjs sends. Prints one table row per page and
// the violations; exits 1 when anything is over budget. tests/scripts/budgets.test.ts runs the same
// checks on dist/ and on a broken fixture.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { isMain } from './lib/is-main.mjs';

export const KB = 1024;
export const DEFAULTS = Object.freeze({
  /** HTML + CSS (+ fonts), gzip, per page. */
  criticalBytes: 14 * KB,
  /** Client JavaScript, gzip, on a page that needs some. */
  jsBytes: 5 * KB,
  /**
   * Pages (paths without the base; `*` = one path segment) allowed client JavaScript; every other
   * page must have none. Each entry says why the page needs it.
   */
  needsJs: [
    '/search/', // the search engine (fetches index shards, ranks, renders results)
    '/procedures/*/', // CiteBox "Copy" buttons (progressive enhancement, hidden without JS)
    '/procedures/*/cite/', // CiteBox "Copy" buttons
    '/data/', // CiteBox "Copy" buttons
    '/themes/*/', // the demand cards' "Cite" disclosure: Copy buttons
    '/themes/*/*/', // the same, on a theme's year pages
  ],
  /** Pages whose JavaScript has no cap (still listed in the table). */
  uncappedJs: ['/search/'],
  /** Images allowed without loading="lazy": at most this many, and only before the first <h2>. */
  aboveFoldImages: 2,
  /** zlib gzip level (6 = zlib's default, what scripts/serve.mjs sends). */
  gzipLevel: 6,
});

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript']);
const FONT_EXT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

/** @param {string | Buffer} data @param {number} level */
const gz = (data, level) => gzipSync(data, { level }).length;

/**
 * Attributes of a start tag's attribute text: `a="x" b='y' c=z d` → {a:'x', b:'y', c:'z', d:''}.
 * Names are lower-cased; the first occurrence wins, as in HTML.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseAttributes(text) {
  /** @type {Record<string, string>} */
  const out = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of text.matchAll(re)) {
    const name = m[1].toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** @param {string} s */
const decodeEntities = (s) =>
  s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e] ?? _);

/**
 * Start tags of one element name (void or not), with their attributes and offset.
 * @param {string} html
 * @param {string} name
 */
function tags(html, name) {
  const re = new RegExp(`<${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  return [...html.matchAll(re)].map((m) => ({ attrs: parseAttributes(m[1] ?? ''), index: m.index ?? 0, raw: m[0] }));
}

/** Every *.html file under dir, as [file, page path without the base]. @param {string} dir */
export function listPages(dir) {
  /** @type {Array<{ file: string, page: string }>} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith('.html')) {
        const rel = path.relative(dir, full).split(path.sep).join('/');
        const page = '/' + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
        out.push({ file: full, page });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.page.localeCompare(b.page));
}

/** @param {string} base */
function normalizeBase(base) {
  const t = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return t ? `/${t}/` : '/';
}

/**
 * Resolves a URL found in a page or asset to a file in dir.
 * @param {string} ref the href/src/url() as written
 * @param {string} fromUrlPath URL path of the referencing document (with the base), e.g. "/kz/search/"
 * @param {{ dir: string, base: string }} ctx
 * @returns {{ file?: string, url: string, external?: boolean, outsideBase?: boolean }}
 */
function resolveRef(ref, fromUrlPath, ctx) {
  if (/^data:/i.test(ref)) return { url: ref.slice(0, 40) + '…' };
  const u = new URL(ref, `http://site.invalid${fromUrlPath}`);
  if (u.origin !== 'http://site.invalid') return { url: u.href, external: true };
  const pathname = decodeURIComponent(u.pathname);
  if (!pathname.startsWith(ctx.base)) return { url: pathname, outsideBase: true };
  let file = path.join(ctx.dir, pathname.slice(ctx.base.length));
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  return { file, url: pathname };
}

/** Static and dynamic module specifiers of a JS module's source. @param {string} src */
export function moduleImports(src) {
  const specs = new Set();
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g, // import x from "…", import "…"
    /\bexport\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"']+)["']/g, // export … from "…"
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import("…")
  ];
  for (const re of patterns) for (const m of src.matchAll(re)) specs.add(m[1]);
  // Only URL-like specifiers load anything in a browser without an import map.
  return [...specs].filter((s) => /^(\.{0,2}\/|https?:)/.test(s));
}

/** CSS: @import targets and @font-face src url()s. @param {string} css */
function cssRefs(css) {
  const imports = [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?[^;]*;/gi)].map((m) => m[1]);
  const fonts = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/gi)) {
    for (const m of block[1].matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) fonts.push(m[1]);
  }
  return { imports, fonts, fontFaces: (css.match(/@font-face/gi) ?? []).length };
}

/**
 * @typedef {object} Asset
 * @property {string} url
 * @property {number} bytes    as counted against the budget (gzip for text, raw for fonts)
 * @property {string} [kind]   'inline' | 'handler' | 'file'
 */

/**
 * @typedef {object} PageRow
 * @property {string} page
 * @property {string} file
 * @property {number} htmlBytes
 * @property {number} htmlGzip
 * @property {Asset[]} css
 * @property {Asset[]} fonts
 * @property {number} fontFaces
 * @property {number} critical   htmlGzip + css + fonts
 * @property {Asset[]} js
 * @property {number} jsGzip
 * @property {number} images
 * @property {string[]} unsizedImages
 * @property {string[]} eagerImages   not lazy and not above the fold
 * @property {string[]} missing       local assets referenced but absent
 * @property {string[]} external      assets from another origin on the critical path or as script
 * @property {Violation[]} violations
 */

/**
 * @typedef {object} Violation
 * @property {string} page
 * @property {'critical' | 'js' | 'font' | 'image' | 'asset'} rule
 * @property {string} message
 */

/**
 * Measures one page.
 * @param {string} html
 * @param {string} page  path without the base, e.g. "/search/"
 * @param {{ dir: string, base: string, gzipLevel: number, aboveFoldImages: number, file?: string }} ctx
 * @returns {PageRow}
 */
export function measurePage(html, page, ctx) {
  const level = ctx.gzipLevel;
  const urlPath = ctx.base + page.replace(/^\//, '');
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  // Markup without script and style bodies, so "a<b" in code is never read as a tag.
  const markup = text.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2').replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
  /** @type {string[]} */
  const missing = [];
  /** @type {string[]} */
  const external = [];
  /** @type {Map<string, Asset>} */
  const css = new Map();
  /** @type {Map<string, Asset>} */
  const fonts = new Map();
  /** @type {Map<string, Asset>} */
  const jsFiles = new Map();
  /** @type {Asset[]} */
  const jsInline = [];
  let fontFaces = 0;

  /** @param {string} ref @param {string} from */
  const addFont = (ref, from) => {
    const r = resolveRef(ref, from, ctx);
    if (r.external) return void external.push(`font ${r.url}`);
    if (!r.file) return; // data: URL: already counted inside its stylesheet
    if (fonts.has(r.url)) return;
    if (!existsSync(r.file)) return void missing.push(r.url);
    fonts.set(r.url, { url: r.url, bytes: statSync(r.file).size, kind: 'file' });
  };
  /** @param {string} cssText @param {string} from */
  const scanCss = (cssText, from) => {
    const refs = cssRefs(cssText);
    fontFaces += refs.fontFaces;
    for (const f of refs.fonts) addFont(f, from);
    for (const i of refs.imports) addStylesheet(i, from);
  };
  /** @param {string} ref @param {string} from */
  function addStylesheet(ref, from) {
    const r = resolveRef(ref, from, ctx);
    if (r.external) return void external.push(`stylesheet ${r.url}`);
    if (!r.file || css.has(r.url)) return;
    if (!existsSync(r.file)) return void missing.push(r.url);
    const body = readFileSync(r.file);
    css.set(r.url, { url: r.url, bytes: gz(body, level), kind: 'file' });
    scanCss(body.toString('utf8'), r.url);
  }
  /** @param {string} ref @param {string} from */
  function addModule(ref, from) {
    const r = resolveRef(ref, from, ctx);
    if (r.external) return void external.push(`script ${r.url}`);
    if (!r.file || jsFiles.has(r.url)) return;
    if (!existsSync(r.file)) return void missing.push(r.url);
    const body = readFileSync(r.file);
    jsFiles.set(r.url, { url: r.url, bytes: gz(body, level), kind: 'file' });
    for (const spec of moduleImports(body.toString('utf8'))) addModule(spec, r.url);
  }

  for (const l of tags(markup, 'link')) {
    const rel = (l.attrs.rel ?? '').toLowerCase().split(/\s+/);
    const href = l.attrs.href;
    if (!href) continue;
    if (rel.includes('stylesheet') && !/^\s*print\s*$/i.test(l.attrs.media ?? '')) addStylesheet(href, urlPath);
    if (rel.includes('preload') && (l.attrs.as ?? '').toLowerCase() === 'font') addFont(href, urlPath);
    if (rel.includes('modulepreload')) addModule(href, urlPath);
    if (rel.includes('preload') && (l.attrs.as ?? '').toLowerCase() === 'script') addModule(href, urlPath);
  }
  for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) scanCss(m[1], urlPath);
  for (const m of text.matchAll(/<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = parseAttributes(m[1] ?? '');
    const type = (attrs.type ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // data blocks (ld+json, json, importmap, templates)
    if (attrs.src !== undefined) addModule(attrs.src, urlPath);
    else if (m[2].trim()) jsInline.push({ url: `inline #${jsInline.length + 1}`, bytes: gz(m[2], level), kind: 'inline' });
  }
  // Event-handler attributes are scripts too (and need 'unsafe-inline' or hashes under the CSP).
  const handlers = [];
  for (const m of markup.matchAll(/<[a-z][\w-]*\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    for (const [name, value] of Object.entries(parseAttributes(m[1] ?? ''))) {
      if (/^on[a-z]+$/.test(name) && value.trim()) handlers.push(value);
    }
  }
  if (handlers.length) jsInline.push({ url: `${handlers.length} on…= attribute(s)`, bytes: gz(handlers.join(';'), level), kind: 'handler' });
  for (const a of tags(markup, 'a')) {
    if (/^\s*javascript:/i.test(a.attrs.href ?? '')) jsInline.push({ url: 'javascript: link', bytes: gz(a.attrs.href, level), kind: 'handler' });
  }

  const firstH2 = markup.search(/<h2\b/i);
  const imgs = tags(markup, 'img');
  /** @type {string[]} */
  const unsizedImages = [];
  /** @type {string[]} */
  const eagerImages = [];
  imgs.forEach((img, i) => {
    const label = img.attrs.src ?? img.raw.slice(0, 60);
    const sized = /^\d+(\.\d+)?$/.test(img.attrs.width ?? '') && /^\d+(\.\d+)?$/.test(img.attrs.height ?? '');
    if (!sized) unsizedImages.push(label);
    const lazy = (img.attrs.loading ?? '').toLowerCase() === 'lazy';
    const aboveFold = i < ctx.aboveFoldImages && (firstH2 === -1 || img.index < firstH2);
    if (!lazy && !aboveFold) eagerImages.push(label);
  });

  const htmlGzip = gz(html, level);
  const cssList = [...css.values()];
  const fontList = [...fonts.values()];
  const js = [...jsInline, ...jsFiles.values()];
  const sum = (/** @type {Asset[]} */ l) => l.reduce((n, a) => n + a.bytes, 0);
  return {
    page,
    file: ctx.file ?? '',
    htmlBytes: Buffer.byteLength(html),
    htmlGzip,
    css: cssList,
    fonts: fontList,
    fontFaces,
    critical: htmlGzip + sum(cssList) + sum(fontList),
    js,
    jsGzip: sum(js),
    images: imgs.length,
    unsizedImages,
    eagerImages,
    missing,
    external,
    violations: [],
  };
}

/**
 * Whether a page path matches one of the patterns: exact paths, `*` standing for one path segment.
 * @param {string} page
 * @param {readonly string[]} patterns
 */
export function matchesAny(page, patterns) {
  return patterns.some((pattern) => {
    const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
    return re.test(page);
  });
}

/**
 * Applies the budgets to a measured page (fills row.violations and returns them).
 * @param {PageRow} row
 * @param {typeof DEFAULTS} budgets
 */
export function checkPage(row, budgets) {
  /** @type {Violation[]} */
  const v = [];
  const p = row.page;
  const kb = (/** @type {number} */ n) => `${(n / KB).toFixed(1)} KB`;
  if (row.critical > budgets.criticalBytes) {
    const parts = [`HTML ${kb(row.htmlGzip)}`];
    if (row.css.length) parts.push(`CSS ${kb(row.css.reduce((n, a) => n + a.bytes, 0))}`);
    if (row.fonts.length) parts.push(`fonts ${kb(row.fonts.reduce((n, a) => n + a.bytes, 0))}`);
    v.push({ page: p, rule: 'critical', message: `critical path ${kb(row.critical)} gzip > ${kb(budgets.criticalBytes)} (${parts.join(' + ')})` });
  }
  if (row.fonts.length || row.fontFaces) {
    // Fonts are in the critical total already; this names them so the failure says why.
    if (row.critical > budgets.criticalBytes) {
      v.push({ page: p, rule: 'font', message: `web fonts (${row.fonts.map((f) => f.url).join(', ') || `${row.fontFaces} @font-face`}) do not fit the budget; use the system font stack` });
    }
  }
  const needs = matchesAny(p, budgets.needsJs);
  const uncapped = matchesAny(p, budgets.uncappedJs);
  if (row.js.length && !needs) {
    v.push({ page: p, rule: 'js', message: `client JavaScript on a page that needs none: ${row.js.map((j) => `${j.url} (${kb(j.bytes)})`).join(', ')}` });
  } else if (needs && !uncapped && row.jsGzip > budgets.jsBytes) {
    v.push({ page: p, rule: 'js', message: `client JavaScript ${kb(row.jsGzip)} gzip > ${kb(budgets.jsBytes)}: ${row.js.map((j) => `${j.url} (${kb(j.bytes)})`).join(', ')}` });
  }
  for (const img of row.unsizedImages) v.push({ page: p, rule: 'image', message: `image without width and height attributes: ${img}` });
  for (const img of row.eagerImages) v.push({ page: p, rule: 'image', message: `image below the fold without loading="lazy": ${img}` });
  for (const m of row.missing) v.push({ page: p, rule: 'asset', message: `references a missing file: ${m}` });
  for (const e of row.external) v.push({ page: p, rule: 'asset', message: `loads from another origin: ${e}` });
  row.violations = v;
  return v;
}

/**
 * Measures and checks every page of a built site.
 * @param {string} dir
 * @param {Partial<typeof DEFAULTS> & { base?: string }} [options]
 */
export function measureSite(dir, options = {}) {
  const budgets = { ...DEFAULTS, ...options };
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`no built site at ${root} (run "npm run build" first)`);
  const base = normalizeBase(options.base ?? '/');
  const rows = listPages(root).map(({ file, page }) => {
    const row = measurePage(readFileSync(file, 'utf8'), page, { dir: root, base, gzipLevel: budgets.gzipLevel, aboveFoldImages: budgets.aboveFoldImages, file });
    checkPage(row, budgets);
    return row;
  });
  return { dir: root, base, budgets, rows, violations: rows.flatMap((r) => r.violations) };
}

/** @param {ReturnType<typeof measureSite>} result */
export function formatTable(result) {
  const { rows, budgets } = result;
  const kb = (/** @type {number} */ n) => (n / KB).toFixed(1);
  const head = ['page', 'HTML', 'HTML gz', 'CSS gz', 'fonts', 'critical', '% of 14K', 'JS gz', 'JS files', 'img', 'status'];
  const body = rows.map((r) => {
    const bad = r.violations.length ? `FAIL (${[...new Set(r.violations.map((v) => v.rule))].join(', ')})` : 'ok';
    return [
      r.page,
      kb(r.htmlBytes),
      kb(r.htmlGzip),
      kb(r.css.reduce((n, a) => n + a.bytes, 0)),
      kb(r.fonts.reduce((n, a) => n + a.bytes, 0)),
      kb(r.critical),
      `${Math.round((100 * r.critical) / budgets.criticalBytes)}%`,
      kb(r.jsGzip),
      String(r.js.length),
      r.images ? `${r.images}${r.unsizedImages.length + r.eagerImages.length ? '!' : ''}` : '0',
      bad,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (/** @type {string[]} */ c) => c.map((x, i) => (i === 0 || i === c.length - 1 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ').trimEnd();
  const worst = rows.reduce((m, r) => (r.critical > (m?.critical ?? -1) ? r : m), /** @type {PageRow | undefined} */ (undefined));
  return [
    `Budgets: critical path (HTML + CSS + fonts, gzip -${budgets.gzipLevel}) ≤ ${kb(budgets.criticalBytes)} KB; JS none except on ${budgets.needsJs.join(', ')} (≤ ${kb(budgets.jsBytes)} KB gzip, uncapped on ${budgets.uncappedJs.join(', ')}). Sizes in KB (1024 bytes).`,
    line(head),
    ...body.map(line),
    `${rows.length} pages, ${rows.filter((r) => r.violations.length).length} over budget; largest critical path ${worst ? `${worst.page} ${kb(worst.critical)} KB` : '—'}.`,
  ].join('\n');
}

/** @param {ReturnType<typeof measureSite>} result */
export function formatViolations(result) {
  return result.violations.map((v) => `  ${v.page} [${v.rule}] ${v.message}`).join('\n');
}

function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      base: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: node scripts/budgets.mjs [--dir dist] [--base /] [--json]\nDefaults: --dir $OUT_DIR or dist, --base $BASE_PATH or /');
    return 0;
  }
  const result = measureSite(values.dir ?? process.env.OUT_DIR ?? 'dist', { base: values.base ?? process.env.BASE_PATH });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(formatTable(result));
    if (result.violations.length) console.log(`\nOver budget:\n${formatViolations(result)}`);
  }
  return result.violations.length ? 1 : 0;
}

const invokedDirectly = isMain(import.meta.url);

if (invokedDirectly) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`budgets: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  }
}
