// The Content Security Policy, and the `_headers` file static hosts (Netlify, Cloudflare Pages;
// scripts/serve.mjs locally) read from the root of the published folder.
//
// The policy is enforced twice, and a browser applies both (a request must pass each):
// - per page, a <meta> Astro writes (astro.config.mjs `security.csp`): PAGE_CSP_DIRECTIVES plus
//   script-src and style-src listing the hashes of that page's inline scripts and styles;
// - for every response, the `Content-Security-Policy` header in `_headers`: the same directives,
//   script-src and style-src listing the hashes of ALL pages (a host file cannot vary per page
//   without one rule per page), and frame-ancestors, which a <meta> policy cannot carry.
// Neither allows 'unsafe-inline'. `_headers` is written after the build (`hostHeaders()`, an Astro
// integration), because only then are the pages' hashes known.
//
// Patterns in `_headers` are full request paths, so they include the base path: `/kz/_astro/*` for
// a BASE_PATH=/kz/ build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Tokenizer } from 'htmlparser2';
import { normalizeBase } from '../site/paths.ts';

/**
 * Page CSP directives besides script-src and style-src: nothing from another origin (fonts,
 * images, fetches, frames all fall back to default-src), no plugins, no <base> that would
 * redirect relative links, forms (the search box) submit only to this site.
 */
export const PAGE_CSP_DIRECTIVES = ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"] as const;

/** Who may frame the pages (nobody). Only as a header: browsers ignore it in a <meta> policy. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** Security headers for every response, besides the CSP. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
];

/** A policy as directive name → sources, in order. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * The header policy for a site whose pages carry `pagePolicies` (their <meta> CSPs): the page
 * directives, script-src and style-src with every page's sources ('self' first, then the hashes
 * sorted, so the same pages always give the same file), and frame-ancestors.
 */
export function headerCsp(pagePolicies: readonly string[]): string {
  const union = (directive: string) => {
    const sources = new Set<string>();
    for (const policy of pagePolicies) for (const s of parseCsp(policy).get(directive) ?? []) sources.add(s);
    sources.delete("'self'");
    return [`${directive} 'self'`, ...[...sources].sort()].join(' ');
  };
  return [PAGE_CSP_DIRECTIVES[0]!, union('script-src'), union('style-src'), ...PAGE_CSP_DIRECTIVES.slice(1), FRAME_ANCESTORS].join('; ');
}

/** `_headers` for a base path (`/` or `/kz/`) and the header policy. */
export function headersFile(base: string, csp: string): string {
  const b = normalizeBase(base);
  const block = (pattern: string, headers: ReadonlyArray<readonly [string, string]>, comment?: string) => [
    ...(comment ? [`# ${comment}`] : []),
    pattern,
    ...headers.map(([k, v]) => `  ${k}: ${v}`),
    '',
  ];
  return [
    '# Generated after the build by src/publish/headers.ts (hostHeaders); do not edit.',
    '',
    ...block(`${b}*`, [['Content-Security-Policy', csp], ...SECURITY_HEADERS], "Every response. The CSP allows the inline scripts and styles of every page by hash; each page's own <meta> CSP narrows that to its own."),
    ...block(`${b}_astro/*`, [['Cache-Control', 'public, max-age=31536000, immutable']], 'Build assets: file names carry a content hash, so they never change.'),
    ...block(`${b}data/*`, [['Access-Control-Allow-Origin', '*']], 'Open data: readable from any origin.'),
    ...block(`${b}feeds/*`, [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'application/atom+xml; charset=utf-8']], 'Atom feeds.'),
  ].join('\n');
}

/**
 * The <meta http-equiv="content-security-policy"> policies of an HTML document's head. Read with
 * htmlparser2's tokenizer (the project's HTML parser, see relative-links.ts), which stops at the
 * end of the head: the body is never read, so writing `_headers` costs little however many pages
 * the site has (≈ 0.05 ms a page). The tokenizer treats the text of <script>, <style> and <title> as text; a
 * <noscript> is text too where scripts run (as in a browser), so a <meta> inside one is not read.
 */
export function metaPolicies(html: string): string[] {
  const out: string[] = [];
  let tag = '';
  let attrs = new Map<string, string>();
  let name = '';
  let value = '';
  let inNoscript = false;
  const tagName = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const startTag = () => {
    if (tag === 'meta' && !inNoscript && attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') out.push(attrs.get('content') ?? '');
    else if (tag === 'noscript') inNoscript = true;
    else if (tag === 'body') tokenizer.pause();
  };
  const ignore = () => undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = tagName(start, end);
        attrs = new Map();
      },
      onattribname(start, end) {
        name = tagName(start, end);
        value = '';
      },
      onattribdata(start, end) {
        value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!attrs.has(name)) attrs.set(name, value); // the first of a repeated attribute wins
      },
      onopentagend: startTag,
      onselfclosingtag: startTag,
      onclosetag(start, end) {
        const closed = tagName(start, end);
        if (closed === 'noscript') inNoscript = false;
        else if (closed === 'head') tokenizer.pause();
      },
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  return out;
}

/** Writes `<dir>/_headers` from the pages built in `dir`. */
export function writeHeadersFile(dir: string, base: string): string {
  const policies = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .flatMap((f) => metaPolicies(readFileSync(path.join(dir, f), 'utf8')));
  const file = path.join(dir, '_headers');
  writeFileSync(file, headersFile(base, headerCsp(policies)));
  return file;
}

/** Astro integration: writes `_headers` once every page is built. */
export function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeHeadersFile(fileURLToPath(dir), base);
      },
    },
  };
}
