/**
 * One build for every path: after `astro build`, every link, asset, form and site path held in a
 * `data-*` attribute of every built page is rewritten from root-relative (`/kz/procedures/x/`, as
 * `withBase` writes it) to page-relative (`../x/`), so the same `dist/` works at the root of a
 * host, under any sub-path (a mirror at `/mirror/x/`), and from a local folder through any static
 * server, without rebuilding.
 *
 * - Only the bytes of the attribute values that change are touched; everything else, including
 *   the inline scripts and styles whose hashes the CSP `<meta>` lists, stays byte for byte.
 *   The HTML is read with htmlparser2's tokenizer (maintained; it gives each attribute value's
 *   source offsets, and reads the site several times faster than a DOM parser, which matters at
 *   2,000 procedures).
 * - Rewritten: `href`, `src`, `action`, `formaction`, `poster`, `cite`, `data` (on `<object>`),
 *   `xlink:href`, `srcset`/`imagesrcset` candidates, the URL of a `<meta http-equiv="refresh">`,
 *   and any `data-*` attribute whose value is a path under the base (the search page's
 *   `data-index` and `data-root`: page scripts resolve them against `location`).
 * - Left as they are: absolute URLs (`SITE_URL`-based canonical and `og:*` links), fragments,
 *   relative URLs, and paths outside the base (a bug the link crawl reports).
 * - The 404 page (`404.html` at the top of the build) keeps base-absolute links: a host serves it
 *   at any depth (`/nope/deeper/`), where no page-relative link could resolve. Its CSS is inline,
 *   so it is styled anywhere; its links lead to `BASE_PATH` (the root unless built for a sub-path).
 *
 * `BASE_PATH` therefore no longer decides where the built pages work; it still decides the
 * absolute addresses built from `SITE_URL` (canonical, sitemap, feeds, citations).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Tokenizer } from 'htmlparser2';
import { normalizeBase } from '../site/paths.ts';

/** The page a host serves at any missing address: it keeps base-absolute links (see above). */
export const NOT_FOUND_PAGE = '404.html';

/** Attributes that hold one URL, on any element. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'xlink:href']);
/** Attributes that hold a list of image candidates (`url 2x, url 640w`). */
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);

/**
 * The URL path a built HTML file is served at, under `base`: `index.html` → `/kz/`,
 * `procedures/x/index.html` → `/kz/procedures/x/`, `a.html` → `/kz/a.html`.
 */
export function pagePathOf(file: string, base: string): string {
  const rel = file.split(path.sep).join('/');
  const dir = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return normalizeBase(base) + dir;
}

/**
 * `target` (a root-relative URL under `base`, with any query and fragment) as a URL relative to
 * the page at `pagePath`, or undefined when it is not under `base` (left for the link crawl).
 * Same page with a fragment → `#fragment`; same folder → `./`; a first segment with a colon gets
 * `./` so it cannot read as a scheme.
 */
export function relativeUrl(target: string, pagePath: string, base: string): string | undefined {
  const b = normalizeBase(base);
  const cut = target.search(/[?#]/);
  let targetPath = cut < 0 ? target : target.slice(0, cut);
  const rest = cut < 0 ? '' : target.slice(cut);
  if (targetPath === b.slice(0, -1)) targetPath = b; // `/kz` is the base itself
  if (!targetPath.startsWith(b) || targetPath.startsWith('//')) return undefined;

  const fromDir = pagePath.slice(0, pagePath.lastIndexOf('/') + 1).split('/').filter(Boolean);
  const toSlash = targetPath.lastIndexOf('/');
  const toDir = targetPath.slice(0, toSlash + 1).split('/').filter(Boolean);
  const toFile = targetPath.slice(toSlash + 1);
  let common = 0;
  while (common < fromDir.length && common < toDir.length && fromDir[common] === toDir[common]) common++;
  let rel = '../'.repeat(fromDir.length - common) + toDir.slice(common).map((s) => `${s}/`).join('') + toFile;

  if (rel === '') {
    if (targetPath === pagePath && rest.startsWith('#')) return rest; // a fragment of this page
    rel = './';
  } else if (/^[^/]*:/.test(rel)) {
    rel = `./${rel}`;
  }
  return rel + rest;
}

/** A `srcset` with each root-relative candidate URL made relative. */
function relativeSrcset(srcset: string, pagePath: string, base: string): string {
  return srcset.replace(/(^|,)(\s*)([^\s,]+)/g, (whole, comma: string, space: string, url: string) => {
    const rel = url.startsWith('/') ? relativeUrl(url, pagePath, base) : undefined;
    return rel === undefined ? whole : `${comma}${space}${rel}`;
  });
}

interface RawAttribute {
  name: string;
  /** The value as written in the source (entities not decoded). */
  raw: string;
  /** Offset of the first character of the value (after any quote). */
  start: number;
}

const noop = () => undefined;

/**
 * `html` (the page served at `pagePath`) with its root-relative URLs under `base` made
 * page-relative, as described at the top of this file. Returns the new HTML and how many
 * attribute values changed.
 */
export function relativizeHtml(html: string, pagePath: string, base: string): { html: string; rewritten: number } {
  const b = normalizeBase(base);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let tag = '';
  let attributes: RawAttribute[] = [];
  let name = '';
  let valueStart = -1;
  let valueEnd = -1;

  const endTag = () => {
    const isRefresh = tag === 'meta' && attributes.some((a) => a.name === 'http-equiv' && a.raw.trim().toLowerCase() === 'refresh');
    for (const a of attributes) {
      let text: string | undefined;
      if (URL_ATTRIBUTES.has(a.name) || (a.name === 'data' && tag === 'object') || (a.name.startsWith('data-') && a.raw.startsWith(b))) {
        if (a.raw.startsWith('/')) text = relativeUrl(a.raw, pagePath, b);
      } else if (SRCSET_ATTRIBUTES.has(a.name)) {
        text = relativeSrcset(a.raw, pagePath, b);
      } else if (isRefresh && a.name === 'content') {
        const m = /^(\s*\d*\s*[;,]\s*url\s*=\s*['"]?)(\/[^'"\s]*)/i.exec(a.raw);
        const rel = m ? relativeUrl(m[2]!, pagePath, b) : undefined;
        if (m && rel !== undefined) text = m[1] + rel + a.raw.slice(m[0].length);
      }
      if (text !== undefined && text !== a.raw) edits.push({ start: a.start, end: a.start + a.raw.length, text });
    }
    attributes = [];
  };

  // The tokenizer alone (no tree, no tag stack): it reports where every tag name and attribute
  // value starts and ends, and knows that <script>, <style>, <textarea> and <title> hold text.
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = [];
      },
      onattribname(start, end) {
        name = html.slice(start, end).toLowerCase();
        valueStart = valueEnd = -1;
      },
      onattribdata(start, end) {
        if (valueStart < 0) valueStart = start;
        valueEnd = end;
      },
      onattribend() {
        if (valueStart >= 0) attributes.push({ name, raw: html.slice(valueStart, valueEnd), start: valueStart });
      },
      onopentagend: endTag,
      onselfclosingtag: endTag,
      onattribentity: noop,
      oncdata: noop,
      onclosetag: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();

  // One pass over the page, edits in order (splicing one edit at a time copies the page per link:
  // 30 s for a 200-procedure site).
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits.sort((x, y) => x.start - y.start)) {
    pieces.push(html.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(html.slice(at));
  return { html: pieces.join(''), rewritten: edits.length };
}

/** Every `.html` file under `dir`, relative to it. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Rewrites every built page of `dir` (a build for `base`); returns pages and values changed. */
export async function relativizeBuild(dir: string, base: string): Promise<{ pages: number; rewritten: number }> {
  let pages = 0;
  let rewritten = 0;
  for (const file of await htmlFiles(dir)) {
    if (file === NOT_FOUND_PAGE) continue;
    const abs = path.join(dir, file);
    const before = await readFile(abs, 'utf8');
    const after = relativizeHtml(before, pagePathOf(file, base), base);
    pages++;
    rewritten += after.rewritten;
    if (after.rewritten) await writeFile(abs, after.html);
  }
  return { pages, rewritten };
}

/** The Astro integration (astro.config.mjs): runs `relativizeBuild` once the pages are written. */
export function relativeLinks(): AstroIntegration {
  let base = '/';
  return {
    name: 'relative-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, rewritten } = await relativizeBuild(fileURLToPath(dir), base);
        logger.info(`${rewritten} links on ${pages} pages made relative to their page (${NOT_FOUND_PAGE} keeps ${normalizeBase(base)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
