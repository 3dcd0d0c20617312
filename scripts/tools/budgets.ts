#!/usr/bin/env node
/**
 * Page weight of the BUILT site, measured on the files in dist/ (no browser, no server): the
 * project's weight rule, exactly.
 *
 *   npm run budgets [-- --dir dist] [--base /] [--json]
 *
 * For every page (every *.html file):
 * - **First paint ≤ 14 KB.** What paints first — the head with its inline CSS, the header, the h1
 *   and the start of the first section of main content — arrives within the first 14 KB (gzip) of
 *   the page's HTML, roughly TCP's initial congestion window of 10 segments. Measured as the gzip
 *   size of the HTML from its first byte up to the *first-paint end*: the first `<section>`,
 *   `<article>` or `<h2>` inside `<main>` (or, when main has none, the end of the h1) plus the
 *   next `firstSectionText` characters of its visible text (whitespace runs count as one), never
 *   before the end of the h1 and never past the end of main. Render-blocking stylesheets
 *   (`<link rel=stylesheet>`, not media=print, and their @imports) and the web fonts any CSS
 *   declares count on top, as they must arrive before anything paints; fonts at their file size
 *   (woff/woff2 are compressed already).
 * - **Whole page ≤ 50 KB**: the gzip size of the whole HTML.
 * - **JavaScript ≤ 5 KB** (gzip) on every page but the search page: inline `<script>` (not data
 *   blocks such as application/ld+json), event-handler attributes, `javascript:` links, external
 *   `<script src>` and `<link rel=modulepreload>`, and every module those import (static and
 *   dynamic, followed transitively), each counted once per page.
 * - **Images**: every `<img>` has width and height, and loading="lazy" unless it paints first
 *   (one of the page's first `aboveFoldImages` images, starting before the first-paint end).
 * - **Assets**: every local asset a page references exists; no stylesheet, font or script from
 *   another origin.
 *
 * Gzip is zlib's default level (6). The gzip of a prefix is what a server streaming the page
 * has sent by that point, within a few bytes (the final block and trailer).
 *
 * Parsing is done by maintained parsers, not regexes: htmlparser2 for HTML (its streaming parser,
 * no DOM: it reports every tag and text run with its source offsets, and is the project's one HTML
 * parser, see src/publish/relative-links.ts), postcss for CSS, es-module-lexer for module imports.
 *
 * API (tests/scripts/budgets.test.ts; bench-build; the browser crawl calls measurePage per page):
 * - `measurePage(html, { page, dir, base?, budgets? }): PageWeight` — one page's weights and its
 *   violations. `page` is the path without the base ("/search/"); `dir` the built site, where the
 *   page's stylesheets, fonts and scripts are read.
 * - `measureSite(dir, { base?, ...budgets }): SiteWeight` — every page of a built site.
 * - `formatTable(site)`, `formatViolations(site)` — what the CLI prints.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { initSync as initModuleLexer, parse as parseModule } from 'es-module-lexer';
import { Parser } from 'htmlparser2';
import postcss from 'postcss';
import { normalizeBase, SEARCH_PATH } from '../../src/site/paths.ts';
import { isMain } from './lib/is-main.mjs';

export const KB = 1024;

export interface Budgets {
  /** What paints first (HTML up to the first-paint end, + blocking CSS and fonts), gzip. */
  firstPaintBytes: number;
  /** The whole HTML of a page, gzip. */
  pageBytes: number;
  /** Client JavaScript of a page, gzip. */
  jsBytes: number;
  /** Pages (paths without the base; `*` = one path segment) whose JavaScript has no cap. */
  uncappedJs: readonly string[];
  /** Characters of the first section's text that must paint first, after its start. */
  firstSectionText: number;
  /** Images that may load eagerly: at most this many, and only before the first-paint end. */
  aboveFoldImages: number;
  /** zlib gzip level (6 = zlib's default). */
  gzipLevel: number;
}

export const DEFAULTS: Readonly<Budgets> = Object.freeze({
  firstPaintBytes: 14 * KB,
  pageBytes: 50 * KB,
  jsBytes: 5 * KB,
  uncappedJs: [`/${SEARCH_PATH}`], // the search engine: fetches index shards, ranks, renders results
  firstSectionText: 200,
  aboveFoldImages: 2,
  gzipLevel: 6,
});

export interface Asset {
  url: string;
  /** As counted against the budget: gzip for text, file size for fonts. */
  bytes: number;
  kind: 'inline' | 'handler' | 'file';
}

export type Rule = 'first-paint' | 'page' | 'js' | 'font' | 'image' | 'asset';

export interface Violation {
  page: string;
  rule: Rule;
  message: string;
}

export interface PageWeight {
  page: string;
  file: string;
  /** The whole HTML: bytes, and gzip. */
  htmlBytes: number;
  htmlGzip: number;
  firstPaint: {
    /** Where the first-paint range ends: "<h2 id=facts> + 200 characters", "end of <main>", … */
    endsAt: string;
    /** Bytes of HTML up to the first-paint end, raw and gzip. */
    htmlBytes: number;
    htmlGzip: number;
    /** Render-blocking stylesheets and the fonts any CSS of the page declares. */
    css: Asset[];
    fonts: Asset[];
    /** htmlGzip + css + fonts. */
    total: number;
  };
  /** @font-face rules in the page's CSS. */
  fontFaces: number;
  js: Asset[];
  jsGzip: number;
  images: number;
  unsizedImages: string[];
  /** Images that do not paint first and are not loading="lazy". */
  eagerImages: string[];
  /** Local assets referenced but absent. */
  missing: string[];
  /** Stylesheets, fonts and scripts from another origin. */
  external: string[];
  /** Assets that could not be read (CSS or JavaScript that does not parse). */
  unreadable: string[];
  violations: Violation[];
}

export interface PageOptions {
  /** Path of the page without the base, e.g. "/search/". */
  page: string;
  /** The built site's folder, where the page's stylesheets, fonts and scripts are read. */
  dir: string;
  /** The base path the site was built with ("/" or "/kz/"); default "/". */
  base?: string;
  budgets?: Partial<Budgets>;
  /** The page's file, for the report. */
  file?: string;
  /** Shared between the pages of one site, so each asset is read and parsed once. */
  cache?: AssetCache;
}

export interface SiteWeight {
  dir: string;
  base: string;
  budgets: Budgets;
  rows: PageWeight[];
  violations: Violation[];
}

/** Assets of one built site, each read and parsed once. */
export class AssetCache {
  readonly files = new Map<string, { body: Buffer; gzip: number } | null>();
  read(file: string, level: number) {
    if (!this.files.has(file)) {
      const body = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;
      this.files.set(file, body ? { body, gzip: gz(body, level) } : null);
    }
    return this.files.get(file) ?? null;
  }
}

const gz = (data: string | Buffer, level: number) => gzipSync(data, { level }).length;

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript']);
/** Elements whose text never paints as text. */
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript', 'title']);
/** Elements that start a section of main content. */
const SECTION_START = new Set(['section', 'article', 'h2']);

/** An element of the page, with source offsets (UTF-16 units; ends exclusive). */
interface HtmlElement {
  kind: 'element';
  /** Lower case, as the HTML parser gives it. */
  tag: string;
  /** Attribute values with entities decoded; the first of a repeated name wins. */
  attrs: Record<string, string>;
  start: number;
  /** Where the start tag ends. */
  startTagEnd: number;
  /** After the end tag; where the element is closed implicitly, the start of what closed it. */
  end: number;
  /** The text of a <script> or <style> (its content, which is not markup). */
  text: string;
}
/** A run of text, with source offsets (entities not decoded), and whether it is inside a no-text element. */
interface HtmlText {
  kind: 'text';
  start: number;
  end: number;
  hidden: boolean;
}
type HtmlNode = HtmlElement | HtmlText;

const isElement = (n: HtmlNode): n is HtmlElement => n.kind === 'element';
const isText = (n: HtmlNode): n is HtmlText => n.kind === 'text';
const attr = (el: HtmlElement, name: string) => (Object.hasOwn(el.attrs, name) ? el.attrs[name] : undefined);
const startOf = (n: HtmlNode) => n.start;
const endOf = (n: HtmlNode) => n.end;

/** Elements whose content the WHATWG parser does not read as the page's markup: a template's
 * content lives apart from the document, and a noscript is text where scripts run. */
const INERT = new Set(['template', 'noscript']);
/** Elements that drop a newline right after their start tag (WHATWG: pre, listing, textarea). */
const LEADING_NEWLINE = new Set(['pre', 'listing', 'textarea']);

/**
 * The elements and text runs of a page in document order, each with its source offsets, read
 * with htmlparser2's streaming parser (no DOM is built): what first paint needs, as a browser's
 * parser places it (on the built site, the same nodes and offsets a parse5 tree gave). Nothing
 * inside a <template> or a <noscript> is listed, as a browser's parser does not put it in the
 * document either.
 */
function readHtml(html: string): HtmlNode[] {
  const nodes: HtmlNode[] = [];
  /** Open elements, innermost last; `el` is absent for those inside a template or noscript. */
  const open: Array<{ el?: HtmlElement; hidden: boolean; inert: boolean }> = [];
  const parser: Parser = new Parser({
    onopentag(tag, attrs) {
      const parent = open.at(-1);
      if (parent?.inert) return void open.push({ hidden: true, inert: true });
      // The parser's indices are inclusive: startIndex is the "<", endIndex the ">".
      const el: HtmlElement = { kind: 'element', tag, attrs, start: parser.startIndex, startTagEnd: parser.endIndex + 1, end: -1, text: '' };
      nodes.push(el);
      open.push({ el, hidden: !!parent?.hidden || NO_TEXT.has(tag), inert: INERT.has(tag) });
    },
    onclosetag(_tag, isImplied) {
      const el = open.pop()?.el;
      if (!el) return;
      if (!isImplied) el.end = html.indexOf('>', parser.endIndex) + 1; // the end tag's ">"
      // Closed at its own start tag: a void element (<img>) or a self-closing one in SVG.
      else if (parser.startIndex <= el.start) el.end = el.startTagEnd;
      else el.end = parser.startIndex; // closed by the next tag, or by the end of the document
    },
    ontext(data) {
      const parent = open.at(-1);
      if (parent?.inert) return;
      if (parent?.el && (parent.el.tag === 'script' || parent.el.tag === 'style'))
        parent.el.text += data.replace(/\r\n?/g, '\n'); // as a browser normalises line ends
      let start = parser.startIndex;
      const end = parser.endIndex + 1;
      const last = nodes.at(-1);
      // The parser reports text in pieces (entities apart); one run of source text is one node.
      if (last && isText(last) && last.end === start) return void (last.end = end);
      if (parent?.el && LEADING_NEWLINE.has(parent.el.tag) && start === parent.el.startTagEnd)
        start += /^\r?\n/.exec(html.slice(start, start + 2))?.[0].length ?? 0;
      if (start < end) nodes.push({ kind: 'text', start, end, hidden: !!parent?.hidden });
    },
  });
  parser.end(html);
  return nodes;
}

/**
 * Offset in `raw` (a text node's source) after `need` more visible characters, counting a
 * whitespace run as one and an entity as one; `after` says whether the text before ended in
 * whitespace (or nothing has been counted yet). Returns the offset, or the count it reached.
 */
function offsetAfterChars(raw: string, need: number, after: { space: boolean }): { offset?: number; counted: number } {
  let counted = 0;
  let i = 0;
  while (i < raw.length) {
    const entity = raw[i] === '&' ? /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.exec(raw.slice(i, i + 40)) : null;
    const width = entity ? entity[0].length : 1;
    const space = !entity && /\s/.test(raw[i]!);
    if (!space || !after.space) counted++;
    after.space = space;
    i += width;
    if (counted >= need) return { offset: i, counted };
  }
  return { counted };
}

function resolveRef(ref: string, fromUrlPath: string, dir: string, base: string): { file?: string; url: string; external?: boolean } {
  if (/^data:/i.test(ref)) return { url: `${ref.slice(0, 40)}…` };
  const u = new URL(ref, `http://site.invalid${fromUrlPath}`);
  if (u.origin !== 'http://site.invalid') return { url: u.href, external: true };
  const pathname = decodeURIComponent(u.pathname);
  // A path outside the base is outside this build: look for it where it would be, and miss it.
  const rel = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  let file = path.join(dir, rel);
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  return { file, url: pathname };
}

/** The @import targets, @font-face src url()s and @font-face count of a stylesheet. */
function cssRefs(css: string): { imports: string[]; fonts: string[]; fontFaces: number } {
  const root = postcss.parse(css);
  const imports: string[] = [];
  const fonts: string[] = [];
  let fontFaces = 0;
  const urls = (value: string) => [...value.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  root.walkAtRules((rule) => {
    const name = rule.name.toLowerCase();
    if (name === 'import') {
      const target = urls(rule.params)[0] ?? /^\s*(?:"([^"]*)"|'([^']*)')/.exec(rule.params)?.slice(1).find((x) => x !== undefined);
      if (target) imports.push(target);
    } else if (name === 'font-face') {
      fontFaces++;
      rule.walkDecls(/^src$/i, (decl) => void fonts.push(...urls(decl.value)));
    }
  });
  return { imports, fonts, fontFaces };
}

/** URL-like module specifiers a module imports (static, re-exported, dynamic with a literal). */
export function moduleImports(source: string): string[] {
  initModuleLexer();
  const [imports] = parseModule(source);
  const specs = new Set(imports.map((i) => i.n).filter((n): n is string => !!n));
  // Only URL-like specifiers load anything in a browser without an import map.
  return [...specs].filter((s) => /^(\.{0,2}\/|https?:)/.test(s));
}

/** Whether a page path matches one of the patterns: exact paths, `*` standing for one path segment. */
export function matchesAny(page: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
    return re.test(page);
  });
}

const describeElement = (el: HtmlElement) => `<${el.tag}${attr(el, 'id') ? ` id=${attr(el, 'id')}` : ''}>`;

/** Where what paints first ends, as an offset into `html` (UTF-16 units), and how it was found. */
function firstPaintEnd(html: string, nodes: HtmlNode[], firstSectionText: number): { end: number; endsAt: string; problem?: string } {
  const elements = nodes.filter(isElement);
  const main = elements.find((el) => el.tag === 'main');
  const h1 = elements.find((el) => el.tag === 'h1');
  if (!main) return { end: h1 ? endOf(h1) : 0, endsAt: 'no <main>', problem: 'no <main>: where main content starts cannot be told' };
  const mainStart = startOf(main);
  const mainEnd = endOf(main);
  const inMain = nodes.filter((node) => startOf(node) > mainStart && endOf(node) <= mainEnd);
  const section = inMain.filter(isElement).find((el) => SECTION_START.has(el.tag));
  const h1End = h1 ? endOf(h1) : 0;
  const sectionStart = section ? startOf(section) : h1 && startOf(h1) > mainStart ? h1End : main.startTagEnd;
  const startLabel = section ? describeElement(section) : 'the end of the <h1>';
  let need = firstSectionText;
  let end: number | undefined;
  const after = { space: true };
  for (const node of inMain) {
    if (!isText(node) || node.hidden || startOf(node) < sectionStart) continue;
    const reached = offsetAfterChars(html.slice(node.start, node.end), need, after);
    if (reached.offset !== undefined) {
      end = node.start + reached.offset;
      break;
    }
    need -= reached.counted;
  }
  const problem = h1 ? undefined : 'no <h1>';
  if (end === undefined) return { end: Math.max(mainEnd, h1End), endsAt: `end of <main> (under ${firstSectionText} characters after ${startLabel})`, ...(problem ? { problem } : {}) };
  return { end: Math.max(end, h1End), endsAt: `${startLabel} + ${firstSectionText} characters`, ...(problem ? { problem } : {}) };
}

/** Measures one page and checks it against the budgets (fills `violations`). */
export function measurePage(html: string, options: PageOptions): PageWeight {
  const budgets: Budgets = { ...DEFAULTS, ...options.budgets };
  const level = budgets.gzipLevel;
  const base = normalizeBase(options.base ?? '/');
  const dir = path.resolve(options.dir);
  const cache = options.cache ?? new AssetCache();
  const page = options.page;
  const urlPath = base + page.replace(/^\//, '');

  const nodes = readHtml(html);
  const elements = nodes.filter(isElement);

  const missing: string[] = [];
  const external: string[] = [];
  const unreadable: string[] = [];
  const css = new Map<string, Asset>();
  const fonts = new Map<string, Asset>();
  const jsFiles = new Map<string, Asset>();
  const jsInline: Asset[] = [];
  let fontFaces = 0;

  /** A referenced local file, read once per site; undefined (and recorded) when external or missing, or already counted. */
  const load = (ref: string, from: string, kind: 'font' | 'stylesheet' | 'script', counted: Map<string, Asset>) => {
    const r = resolveRef(ref, from, dir, base);
    if (r.external) return void external.push(`${kind} ${r.url}`);
    if (!r.file || counted.has(r.url)) return undefined; // no file: a data: URL, counted where it is written
    const file = cache.read(r.file, level);
    if (!file) return void missing.push(r.url);
    return { url: r.url, ...file };
  };
  const addFont = (ref: string, from: string) => {
    const font = load(ref, from, 'font', fonts);
    if (font) fonts.set(font.url, { url: font.url, bytes: font.body.length, kind: 'file' });
  };
  const scanCss = (text: string, from: string) => {
    let refs: ReturnType<typeof cssRefs>;
    try {
      refs = cssRefs(text);
    } catch (error) {
      return void unreadable.push(`CSS in ${from}: ${error instanceof Error ? error.message : error}`);
    }
    fontFaces += refs.fontFaces;
    for (const f of refs.fonts) addFont(f, from);
    for (const i of refs.imports) addStylesheet(i, from);
  };
  function addStylesheet(ref: string, from: string) {
    const sheet = load(ref, from, 'stylesheet', css);
    if (!sheet) return;
    css.set(sheet.url, { url: sheet.url, bytes: sheet.gzip, kind: 'file' });
    scanCss(sheet.body.toString('utf8'), sheet.url);
  }
  function addModule(ref: string, from: string) {
    const module = load(ref, from, 'script', jsFiles);
    if (!module) return;
    jsFiles.set(module.url, { url: module.url, bytes: module.gzip, kind: 'file' });
    let imports: string[] = [];
    try {
      imports = moduleImports(module.body.toString('utf8'));
    } catch (error) {
      unreadable.push(`module ${module.url}: ${error instanceof Error ? error.message : error}`);
    }
    for (const spec of imports) addModule(spec, module.url);
  }

  const handlers: string[] = [];
  for (const el of elements) {
    const tag = el.tag;
    if (tag === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(el, 'href');
      const as = (attr(el, 'as') ?? '').toLowerCase();
      if (!href) continue;
      if (rel.includes('stylesheet') && (attr(el, 'media') ?? '').trim().toLowerCase() !== 'print') addStylesheet(href, urlPath);
      if (rel.includes('preload') && as === 'font') addFont(href, urlPath);
      if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) addModule(href, urlPath);
    } else if (tag === 'style') {
      scanCss(el.text, urlPath);
    } else if (tag === 'script') {
      const type = (attr(el, 'type') ?? '').trim().toLowerCase();
      if (!JS_TYPES.has(type)) continue; // data blocks (ld+json, json, importmap)
      const src = attr(el, 'src');
      const body = el.text;
      if (src !== undefined) addModule(src, urlPath);
      else if (body.trim()) jsInline.push({ url: `inline #${jsInline.length + 1}`, bytes: gz(body, level), kind: 'inline' });
    }
    // Event-handler attributes and javascript: links are scripts too.
    for (const [name, value] of Object.entries(el.attrs))
      if (/^on[a-z]+$/.test(name) && value.trim()) handlers.push(value);
    const href = tag === 'a' ? attr(el, 'href') : undefined;
    if (href && /^\s*javascript:/i.test(href)) jsInline.push({ url: 'javascript: link', bytes: gz(href, level), kind: 'handler' });
  }
  if (handlers.length) jsInline.push({ url: `${handlers.length} on…= attribute(s)`, bytes: gz(handlers.join(';'), level), kind: 'handler' });

  const paint = firstPaintEnd(html, nodes, budgets.firstSectionText);
  const prefix = html.slice(0, paint.end);

  const unsizedImages: string[] = [];
  const eagerImages: string[] = [];
  const imgs = elements.filter((el) => el.tag === 'img');
  imgs.forEach((img, i) => {
    const label = attr(img, 'src') ?? describeElement(img);
    const sized = /^\d+(\.\d+)?$/.test(attr(img, 'width') ?? '') && /^\d+(\.\d+)?$/.test(attr(img, 'height') ?? '');
    if (!sized) unsizedImages.push(label);
    const lazy = (attr(img, 'loading') ?? '').toLowerCase() === 'lazy';
    const paintsFirst = i < budgets.aboveFoldImages && startOf(img) < paint.end;
    if (!lazy && !paintsFirst) eagerImages.push(label);
  });

  const sum = (list: Asset[]) => list.reduce((n, a) => n + a.bytes, 0);
  const cssList = [...css.values()];
  const fontList = [...fonts.values()];
  const prefixGzip = gz(prefix, level);
  const js = [...jsInline, ...jsFiles.values()];
  const row: PageWeight = {
    page,
    file: options.file ?? '',
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gz(html, level),
    firstPaint: {
      endsAt: paint.endsAt,
      htmlBytes: Buffer.byteLength(prefix),
      htmlGzip: prefixGzip,
      css: cssList,
      fonts: fontList,
      total: prefixGzip + sum(cssList) + sum(fontList),
    },
    fontFaces,
    js,
    jsGzip: sum(js),
    images: imgs.length,
    unsizedImages,
    eagerImages,
    missing,
    external,
    unreadable,
    violations: [],
  };
  row.violations = check(row, budgets, paint.problem);
  return row;
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

function check(row: PageWeight, budgets: Budgets, paintProblem: string | undefined): Violation[] {
  const v: Violation[] = [];
  const add = (rule: Rule, message: string) => v.push({ page: row.page, rule, message });
  const fp = row.firstPaint;
  if (paintProblem) add('first-paint', paintProblem);
  if (fp.total > budgets.firstPaintBytes) {
    const parts = [`HTML up to ${fp.endsAt}: ${kb(fp.htmlGzip)}`];
    if (fp.css.length) parts.push(`blocking CSS ${kb(fp.css.reduce((n, a) => n + a.bytes, 0))}`);
    if (fp.fonts.length) parts.push(`fonts ${kb(fp.fonts.reduce((n, a) => n + a.bytes, 0))}`);
    add('first-paint', `what paints first is ${kb(fp.total)} gzip > ${kb(budgets.firstPaintBytes)} (${parts.join(' + ')})`);
    // Fonts are in the first-paint total already; this names them so the failure says why.
    if (fp.fonts.length || row.fontFaces) add('font', `web fonts (${fp.fonts.map((f) => f.url).join(', ') || `${row.fontFaces} @font-face`}) do not fit the first paint; use the system font stack`);
  }
  if (row.htmlGzip > budgets.pageBytes) add('page', `whole page ${kb(row.htmlGzip)} gzip > ${kb(budgets.pageBytes)}`);
  if (!matchesAny(row.page, budgets.uncappedJs) && row.jsGzip > budgets.jsBytes) {
    add('js', `client JavaScript ${kb(row.jsGzip)} gzip > ${kb(budgets.jsBytes)}: ${row.js.map((j) => `${j.url} (${kb(j.bytes)})`).join(', ')}`);
  }
  for (const img of row.unsizedImages) add('image', `image without width and height attributes: ${img}`);
  for (const img of row.eagerImages) add('image', `image below the first paint without loading="lazy": ${img}`);
  for (const m of row.missing) add('asset', `references a missing file: ${m}`);
  for (const e of row.external) add('asset', `loads from another origin: ${e}`);
  for (const u of row.unreadable) add('asset', `cannot be parsed: ${u}`);
  return v;
}

/** Every *.html file under dir, with its page path without the base. */
export function listPages(dir: string): Array<{ file: string; page: string }> {
  const out: Array<{ file: string; page: string }> = [];
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.html')) continue;
    const full = path.join(dir, rel);
    if (!statSync(full).isFile()) continue;
    const p = rel.split(path.sep).join('/');
    const page = '/' + (p === 'index.html' ? '' : p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p);
    out.push({ file: full, page });
  }
  return out.sort((a, b) => a.page.localeCompare(b.page));
}

/** Measures and checks every page of a built site. */
export function measureSite(dir: string, options: Partial<Budgets> & { base?: string } = {}): SiteWeight {
  const { base: baseOption, ...overrides } = options;
  const budgets: Budgets = { ...DEFAULTS, ...overrides };
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`no built site at ${root} (run "npm run build" first)`);
  const base = normalizeBase(baseOption ?? '/');
  const cache = new AssetCache();
  const rows = listPages(root).map(({ file, page }) => measurePage(readFileSync(file, 'utf8'), { page, dir: root, base, budgets, file, cache }));
  return { dir: root, base, budgets, rows, violations: rows.flatMap((r) => r.violations) };
}

/** One row per page: what paints first, the whole page, JavaScript, and the verdict. */
export function formatTable(result: SiteWeight): string {
  const { rows, budgets } = result;
  const k = (n: number) => (n / KB).toFixed(1);
  const pct = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
  const head = ['page', 'first paint', `of ${k(budgets.firstPaintBytes)}`, 'whole page', `of ${k(budgets.pageBytes)}`, 'JS', 'first paint ends at', 'verdict'];
  const body = rows.map((r) => [
    r.page,
    k(r.firstPaint.total),
    pct(r.firstPaint.total, budgets.firstPaintBytes),
    k(r.htmlGzip),
    pct(r.htmlGzip, budgets.pageBytes),
    k(r.jsGzip),
    r.firstPaint.endsAt,
    r.violations.length ? `FAIL (${[...new Set(r.violations.map((v) => v.rule))].join(', ')})` : 'ok',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const textColumns = new Set([0, head.length - 2, head.length - 1]);
  const line = (cells: string[]) => cells.map((c, i) => (textColumns.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const largest = (by: (r: PageWeight) => number, among = rows) => among.reduce<PageWeight | undefined>((m, r) => (!m || by(r) > by(m) ? r : m), undefined);
  const fp = largest((r) => r.firstPaint.total);
  const whole = largest((r) => r.htmlGzip);
  const js = largest((r) => r.jsGzip, rows.filter((r) => !matchesAny(r.page, budgets.uncappedJs)));
  return [
    `Page weight, KB gzip (level ${budgets.gzipLevel}; 1 KB = 1024 bytes): first paint (HTML up to the first section of <main> + ${budgets.firstSectionText} characters of its text, + blocking CSS and fonts) ≤ ${k(budgets.firstPaintBytes)}; whole page ≤ ${k(budgets.pageBytes)}; JavaScript ≤ ${k(budgets.jsBytes)} except on ${budgets.uncappedJs.join(', ')}.`,
    line(head),
    ...body.map(line),
    `${rows.length} pages, ${rows.filter((r) => r.violations.length).length} over budget. Largest first paint: ${fp ? `${fp.page} ${k(fp.firstPaint.total)} KB` : '—'}; largest page: ${whole ? `${whole.page} ${k(whole.htmlGzip)} KB` : '—'}; most JavaScript outside ${budgets.uncappedJs.join(', ')}: ${js ? `${js.page} ${k(js.jsGzip)} KB` : '—'}.`,
  ].join('\n');
}

export function formatViolations(result: SiteWeight): string {
  return result.violations.map((v) => `  ${v.page} [${v.rule}] ${v.message}`).join('\n');
}

function main(): number {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      base: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run budgets -- [--dir dist] [--base /] [--json]\nDefaults: --dir $OUT_DIR or dist, --base $BASE_PATH or /');
    return 0;
  }
  const result = measureSite(values.dir ?? process.env['OUT_DIR'] ?? 'dist', { base: values.base ?? process.env['BASE_PATH'] });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(formatTable(result));
    if (result.violations.length) console.log(`\nOver budget:\n${formatViolations(result)}`);
  }
  return result.violations.length ? 1 : 0;
}

if (isMain(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`budgets: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  }
}
