/// <reference types="node" />
// Security gate, on the BUILT root and sub-path builds (builds nothing: `npm run test:build`):
// - every page carries Astro's CSP <meta> (security.csp): script-src and style-src with hashes,
//   no 'unsafe-inline', placed before any script or style, and covering every inline script and
//   style of the page (no inline style="" or on…="" attributes, which hashes can't allow);
// - in a real browser, no page raises a securitypolicyviolation event or asks another origin for
//   anything;
// - _headers sets frame-ancestors, nosniff and a referrer policy, and the server applies them;
// - the 404 page works at a nested missing URL under the sub-path, styled, with status 404.
// Every check is also run on a deliberately broken site, which it must fail.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, headersFor } from '../../scripts/tools/serve.mjs';
import { BUILDS, requireBuild } from '../scripts/gate-helpers';
import { collectAllUrls, distPath, launchBrowser, openPage, serveDist } from './harness';

const BROKEN = 'tests/fixtures/broken-site';
const KZ = BUILDS[1];

function htmlFiles(dir: string): string[] {
  const root = distPath(dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Parses a CSP into directive → sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const decodeAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A <script> with these attributes runs (no type, a JavaScript MIME type, or a module). */
function isExecutable(attrs: string): boolean {
  const type = /\btype=["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  return !type || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}

/** What is wrong with one page's CSP <meta>, statically. */
function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/gi)];
  if (metas.length !== 1) return [metas.length ? `${metas.length} CSP <meta> elements (expected one)` : 'no CSP <meta http-equiv="content-security-policy">'];
  const meta = metas[0]!;
  const content = /\bcontent=("([^"]*)"|'([^']*)')/i.exec(meta[0]);
  const policy = parseCsp(decodeAttr(content?.[2] ?? content?.[3] ?? ''));
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0 && meta.index! > headEnd) problems.push('the CSP <meta> is not in <head>');
  // Data blocks (<script type="application/ld+json">) never run, so the CSP doesn't govern them.
  const firstResource = [...html.matchAll(/<script\b([^>]*)>|<style\b|<link\b[^>]*rel=["']?stylesheet/gi)].find((m) => m[1] === undefined || isExecutable(m[1]));
  if (firstResource && firstResource.index! < meta.index!) problems.push(`${firstResource[0]} comes before the CSP <meta>, so the policy does not cover it`);
  for (const d of ['script-src', 'style-src']) {
    const sources = policy.get(d);
    if (!sources) problems.push(`no ${d} directive`);
    else if (!sources.some((s) => /^'sha(256|384|512)-/.test(s))) problems.push(`${d} has no hash sources`);
  }
  for (const [d, sources] of policy) {
    if (sources.includes("'unsafe-inline'")) problems.push(`${d} allows 'unsafe-inline'`);
    if (sources.includes("'unsafe-eval'")) problems.push(`${d} allows 'unsafe-eval'`);
  }
  const scriptSrc = policy.get('script-src') ?? [];
  const styleSrc = policy.get('style-src') ?? [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc=/i.test(attrs)) continue;
    if (!isExecutable(attrs)) continue; // data blocks (JSON, JSON-LD) don't run
    if (!scriptSrc.includes(sha256(m[2] ?? ''))) problems.push(`inline <script> not allowed by the CSP (its hash ${sha256(m[2] ?? '')} is not in script-src): ${(m[2] ?? '').slice(0, 60)}`);
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (!styleSrc.includes(sha256(m[1] ?? ''))) problems.push(`inline <style> not allowed by the CSP (its hash is not in style-src): ${(m[1] ?? '').slice(0, 60)}`);
  }
  const styleAttrs = [...html.matchAll(/<[a-z][\w-]*\b[^>]*\sstyle=["'][^"']*["']/gi)].length;
  if (styleAttrs) problems.push(`${styleAttrs} style="" attribute(s): blocked by style-src without 'unsafe-inline' (use a class)`);
  const handlers = [...html.matchAll(/<[a-z][\w-]*\b[^>]*\son[a-z]+=/gi)].length;
  if (handlers) problems.push(`${handlers} inline event handler attribute(s) (on…=""): blocked by the CSP (use a script)`);
  return problems;
}

const REFERRER_POLICIES = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'no-referrer-when-downgrade', 'origin', 'origin-when-cross-origin'];

/** What is missing from the headers a response to `urlPath` gets from `<dir>/_headers`. */
function headerProblems(dir: string, urlPath: string): string[] {
  const file = path.join(distPath(dir), '_headers');
  if (!existsSync(file)) return [`${dir}/_headers does not exist`];
  const { set } = headersFor(parseHeadersFile(readFileSync(file, 'utf8')), urlPath);
  const get = (name: string) => set.get(name.toLowerCase())?.value;
  return headerValueProblems(get, urlPath);
}

function headerValueProblems(get: (name: string) => string | undefined | null, where: string): string[] {
  const problems: string[] = [];
  const csp = get('content-security-policy');
  if (!csp || !/(^|;)\s*frame-ancestors\s+[^;]+/i.test(csp)) problems.push(`${where}: no Content-Security-Policy with frame-ancestors`);
  if (get('x-content-type-options')?.trim().toLowerCase() !== 'nosniff') problems.push(`${where}: X-Content-Type-Options is not nosniff`);
  const referrer = get('referrer-policy')?.trim().toLowerCase();
  if (!referrer || !referrer.split(/\s*,\s*/).every((p) => REFERRER_POLICIES.includes(p))) problems.push(`${where}: no valid Referrer-Policy (got ${referrer ?? 'none'})`);
  return problems;
}

describe.each(BUILDS)('security: $dir (base $base)', ({ dir, base, build }) => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    requireBuild(dir, build);
    server = await serveDist(dir, base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("every page has Astro's CSP <meta>: hashes for scripts and styles, no 'unsafe-inline'", () => {
    const files = htmlFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((f) => cspProblems(readFileSync(path.join(distPath(dir), f), 'utf8')).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('no page raises a CSP violation or requests another origin', async () => {
    const urls = collectAllUrls(dir, base);
    const opened = await openPage(browser, server.url);
    const problems: string[] = [];
    try {
      for (const u of urls) {
        const csp = opened.cspViolations.length;
        const ext = opened.externalRequests.length;
        await opened.goto(server.origin + u);
        // On pages with scripts, let late requests (module imports, fetches) and events happen.
        if (await opened.page.locator('script').count()) {
          await opened.page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        }
        for (const v of opened.cspViolations.slice(csp)) problems.push(`${u}: CSP violation: ${v.effectiveDirective} blocked ${v.blockedURI || 'inline'} (${v.sourceFile}:${v.lineNumber})`);
        for (const r of opened.externalRequests.slice(ext)) problems.push(`${u}: request to another origin: ${r}`);
      }
    } finally {
      await opened.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('_headers sets frame-ancestors, nosniff and a referrer policy, and the server sends them', async () => {
    expect(existsSync(path.join(distPath(dir), '_headers')), `${dir}/_headers should exist`).toBe(true);
    const paths = [base, `${base}procedures/`, `${base}nope/deeper/`, `${base}data/`];
    expect(paths.flatMap((p) => headerProblems(dir, p))).toEqual([]);
    const problems: string[] = [];
    for (const p of [base, `${base}nope/deeper/`]) {
      const res = await fetch(server.origin + p);
      problems.push(...headerValueProblems((n) => res.headers.get(n), `GET ${p} (HTTP ${res.status})`));
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

/** Loads `url` (a missing page) and says what is wrong with the 404 response. */
async function notFoundProblems(browser: Browser, url: string): Promise<string[]> {
  const problems: string[] = [];
  // The browser's own default, to tell a styled page from an unstyled one.
  const blank = await browser.newPage();
  await blank.setContent('<!doctype html><html><body>x</body></html>');
  const defaults = await blank.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, margin: getComputedStyle(document.body).margin }));
  await blank.close();

  const opened = await openPage(browser, url);
  try {
    const status = opened.response?.status();
    if (status !== 404) problems.push(`HTTP ${status}, expected 404`);
    const body = await opened.page.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, margin: getComputedStyle(document.body).margin, h1: document.querySelector('h1')?.textContent ?? '' }));
    if (!body.h1.trim()) problems.push('no <h1> on the 404 page');
    if (body.font === defaults.font) problems.push(`unstyled: body font-family is the browser default (${body.font})`);
    problems.push(...opened.failedRequests.map((r) => `failed request: ${r}`));
    problems.push(...opened.cspViolations.map((v) => `CSP violation: ${v.effectiveDirective} ${v.blockedURI}`));
  } finally {
    await opened.close();
  }
  return problems;
}

describe('404 under the sub-path', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    requireBuild(KZ.dir, KZ.build);
    server = await serveDist(KZ.dir, KZ.base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('/kz/nope/deeper/ answers 404 with the styled 404 page', async () => {
    expect(server.url.endsWith('/kz/')).toBe(true);
    expect(await notFoundProblems(browser, `${server.url}nope/deeper/`)).toEqual([]);
  }, 60_000);
});

describe('security checks on a broken site', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    server = await serveDist(BROKEN, '/kz/');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the CSP check flags a missing <meta>, unsafe-inline, an unhashed script and style attributes', () => {
    expect(cspProblems(readFileSync(path.join(distPath(BROKEN), 'index.html'), 'utf8'))).toEqual(['no CSP <meta http-equiv="content-security-policy">']);
    const problems = cspProblems(readFileSync(path.join(distPath(BROKEN), 'security/index.html'), 'utf8'));
    expect(problems).toEqual(
      expect.arrayContaining([
        "style-src has no hash sources",
        "script-src allows 'unsafe-inline'",
        expect.stringMatching(/^inline <script> not allowed by the CSP/),
        expect.stringMatching(/^inline <style> not allowed by the CSP/),
        expect.stringMatching(/^1 style="" attribute/),
      ]),
    );
  });

  it('the browser check records the CSP violations and the request to another origin', async () => {
    const opened = await openPage(browser, `${server.url}security/`);
    try {
      expect(opened.cspViolations.map((v) => v.effectiveDirective)).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem', 'style-src-attr']));
      expect(opened.externalRequests).toEqual(['GET https://tracker.example.com/pixel.gif']);
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('the headers check fails without _headers', () => {
    expect(headerProblems(BROKEN, '/kz/')).toEqual([`${BROKEN}/_headers does not exist`]);
  });

  it('the 404 check fails for a 404 page whose stylesheet breaks at depth', async () => {
    const problems = await notFoundProblems(browser, `${server.url}nope/deeper/`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^unstyled: body font-family is the browser default/), expect.stringMatching(/^failed request: GET .*\/kz\/nope\/deeper\/site\.css: HTTP 404/)]));
  }, 60_000);
});
