/// <reference types="node" />
// The crawl: Chromium visits every page of a built site once per path it is served at and records
// what every page-level check needs; the checks then read the records (tests/browser/crawl.test.ts).
//
// Per page, on the loaded page (no second visit):
// - smoke: HTTP status, an <h1>, console errors, uncaught errors, failed requests, JSON-LD that
//   does not parse;
// - links: every URL the page points at (a, area, link, img/source src and srcset, script, iframe,
//   form action, media, object, svg use, meta refresh), as written and as the browser resolves it,
//   and every id (and a[name]) it offers as a fragment target;
// - CSP: the page's CSP <meta> read from the DOM, securitypolicyviolation events, and requests to
//   other origins (aborted, so a test never waits on the network);
// - with `full`: axe-core (WCAG 2.2 A and AA rules, at 1366 px) in the light scheme, its colour
//   rules again in the dark scheme (emulated on the same page), and the page's width at 1366 and
//   at 320 px (the same page resized).
// Redirect stubs (<meta http-equiv="refresh">, written by Astro's `redirects`) are not loaded: their
// status is fetched and their target checked as a link.
//
// To add a page-level check: record what it needs in `visit` (or compute it from the HTML in the
// test), and add a function from records to problems beside the others below.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AssetCache, measurePage, type PageWeight } from '../../scripts/tools/budgets.ts';
import { OFFICIAL_HOSTS } from '../../src/site/ep-links.ts';
import { openPage, urlPathOfFile, type OpenedPage, type RunningServer } from './harness.ts';

/** The two widths every page must fit (issue 12.5): the narrowest phone, and a laptop. */
export const WIDTHS = [1366, 320] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The axe rules whose outcome depends on colours, re-run in the dark scheme (every other rule is
 * scheme-independent and already ran in light): text contrast, and links told apart from the
 * surrounding text by colour alone.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Link {
  /** What holds it: `a[href]`, `img[srcset]`, `meta[refresh]`… */
  what: string;
  /** As written in the page. */
  raw: string;
  /** As the browser resolves it against the page ("" when it cannot). */
  url: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

export interface PageRecord {
  /** With `full`: the page weight of its HTML as served (scripts/tools/budgets.ts), rule by rule. */
  weight?: PageWeight;
  /** URL path it was visited at, e.g. `/mirror/x/procedures/2013-2600/`. */
  path: string;
  /** The HTML file, relative to the build folder. */
  file: string;
  status: number | null;
  /** A redirect stub: not loaded in Chromium. */
  redirect: boolean;
  hasH1: boolean;
  /** It runs scripts (which may fetch more once loaded). */
  scripted: boolean;
  /** Its `<base href>`, if any: links resolve against it. */
  baseHref: string | null;
  canonical: string | null;
  ids: string[];
  links: Link[];
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  cspViolations: string[];
  /** What is wrong with the page's CSP <meta>, read from the DOM. */
  cspMeta: string[];
  /** JSON-LD blocks (`<script type="application/ld+json">`) that do not parse as JSON. */
  jsonLd: string[];
  /** With `full`: axe violations per scheme. */
  axe?: { light: AxeViolation[]; dark: AxeViolation[] };
  /** With `full`: document width per viewport width. */
  widths?: Array<{ viewport: number; scrollWidth: number }>;
  /** Milliseconds spent: in all, loading and reading links and ids, in axe, measuring widths. */
  ms: { total: number; load?: number; axe?: number; widths?: number };
}

export interface Problem {
  page: string;
  message: string;
}

/** Runs axe on the page's current document in `scheme`: every WCAG 2.2 A/AA rule, or only `rules`. */
export async function runAxe(page: Page, scheme: 'light' | 'dark', rules?: string[]): Promise<AxeViolation[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Let the new scheme's styles apply before measuring contrast.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: pages are
  // tested with their real CSP on.
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, rules }: { tags: string[]; rules: string[] | null }) => {
      type AxeNode = { target: unknown[]; failureSummary?: string };
      type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeResult[] }> } }).axe;
      const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
      const results = await axe.run(document, { runOnly, resultTypes: ['violations'], iframes: false });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
      }));
    },
    { tags: WCAG_TAGS, rules: rules ?? null },
  );
}

/** Links, ids, the <h1>, the canonical link and the CSP <meta>'s problems of the loaded page. */
function readPage(page: Page) {
  return page.evaluate(() => {
    const links: Array<{ what: string; raw: string; url: string }> = [];
    const resolve = (raw: string) => {
      try {
        return new URL(raw, document.baseURI).href;
      } catch {
        return '';
      }
    };
    const ATTRS: Array<[string, string]> = [
      ['a', 'href'], ['area', 'href'], ['link', 'href'], ['img', 'src'], ['img', 'srcset'], ['source', 'src'], ['source', 'srcset'],
      ['script', 'src'], ['iframe', 'src'], ['form', 'action'], ['video', 'src'], ['video', 'poster'], ['audio', 'src'],
      ['track', 'src'], ['embed', 'src'], ['object', 'data'], ['use', 'href'],
    ];
    for (const [tag, attr] of ATTRS) {
      for (const el of document.querySelectorAll(`${tag}[${attr}]`)) {
        const raw = el.getAttribute(attr)!;
        const candidates = attr === 'srcset' ? raw.split(/,(?=\s*\S)/).map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean) : [raw];
        for (const c of candidates) links.push({ what: `${tag}[${attr}]`, raw: c, url: resolve(c) });
      }
    }
    // A form without action submits to its own page: nothing to check.
    const checked = links.filter((l) => !(l.what === 'form[action]' && l.raw.trim() === ''));

    const problems: string[] = [];
    const metas = [...document.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
    if (metas.length !== 1) problems.push(metas.length ? `${metas.length} CSP <meta> elements (expected one)` : 'no CSP <meta http-equiv="content-security-policy">');
    else {
      const meta = metas[0]!;
      if (!document.head.contains(meta)) problems.push('the CSP <meta> is not in <head>');
      const runs = (s: Element) => {
        const type = (s.getAttribute('type') ?? '').toLowerCase();
        return !type || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
      };
      const first = [...document.querySelectorAll('script, style, link[rel~="stylesheet"]')].find((e) => e.tagName !== 'SCRIPT' || runs(e));
      if (first && meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING) problems.push(`<${first.tagName.toLowerCase()}> comes before the CSP <meta>, so the policy does not cover it`);
      const policy = new Map(
        (meta.getAttribute('content') ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
      );
      for (const d of ['script-src', 'style-src']) {
        const sources = policy.get(d);
        if (!sources) problems.push(`no ${d} directive`);
        else if (!sources.some((s) => /^'sha(256|384|512)-/.test(s))) problems.push(`${d} has no hash sources`);
      }
      for (const [d, sources] of policy) for (const bad of ["'unsafe-inline'", "'unsafe-eval'"]) if (sources.includes(bad)) problems.push(`${d} allows ${bad}`);
    }
    const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap((script, i) => {
      try {
        return JSON.parse(script.textContent ?? '') ? [] : [`JSON-LD block ${i + 1} is empty`];
      } catch (error) {
        return [`JSON-LD block ${i + 1} does not parse: ${(error as Error).message}`];
      }
    });
    const styled = document.querySelectorAll('[style]').length;
    if (styled) problems.push(`${styled} style="" attribute(s): blocked by style-src without 'unsafe-inline' (use a class)`);
    const handlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on[a-z]+$/.test(a.name))).length;
    if (handlers) problems.push(`${handlers} element(s) with an inline event handler (on…=""): blocked by the CSP (use a script)`);

    return {
      links: checked,
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id).concat([...document.querySelectorAll('a[name]')].map((a) => a.getAttribute('name')!)),
      hasH1: !!document.querySelector('h1'),
      // The offline script (src/browser/offline.ts) is on every page and does the same on each: a
      // page counts as scripted for what else it runs. (The mirror pass loads the home page anyway.)
      scripted: [...document.querySelectorAll('script[src], script[type="module"]')].some((s) => !s.textContent?.includes('serviceWorker.register')),
      baseHref: document.querySelector('base[href]')?.getAttribute('href') ?? null,
      scrollWidth: document.documentElement.scrollWidth,
      canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? null,
      cspMeta: problems,
      jsonLd,
    };
  });
}

/** The target of a redirect stub's `<meta http-equiv="refresh">`, or undefined for a page. */
export function refreshTarget(html: string): string | undefined {
  const meta = /<meta\b[^>]*http-equiv=["']?refresh["']?[^>]*>/i.exec(html)?.[0];
  return meta ? /url\s*=\s*['"]?([^'">\s]+)/i.exec(meta)?.[1] : undefined;
}

/** Requests in flight per page, and when that last changed (see networkQuiet). */
const traffic = new WeakMap<Page, { inFlight: number; changed: number }>();

/** Starts counting the page's requests in flight; once per page, before its first navigation. */
function trackTraffic(page: Page): void {
  const t = { inFlight: 0, changed: Date.now() };
  traffic.set(page, t);
  const ended = () => {
    t.inFlight = Math.max(0, t.inFlight - 1);
    t.changed = Date.now();
  };
  page.on('request', () => {
    t.inFlight++;
    t.changed = Date.now();
  });
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

/**
 * Resolves once the page has had no request in flight for `quietMs` (at most `timeoutMs`). Like
 * Playwright's 'networkidle' (500 ms, fixed), with a window fit for a local server: a page's
 * scripts start their fetches at once, so 150 ms of silence means they are done.
 */
async function networkQuiet(page: Page, quietMs = 150, timeoutMs = 5_000): Promise<void> {
  const t = traffic.get(page)!;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && (t.inFlight > 0 || Date.now() - t.changed < quietMs)) await new Promise((r) => setTimeout(r, 25));
}

/** One cache of stylesheets, scripts and fonts per built folder: each asset is read and parsed once. */
const weightCaches = new Map<string, AssetCache>();
const weightCache = (dir: string) => weightCaches.get(dir) ?? weightCaches.set(dir, new AssetCache()).get(dir)!;

/** Visits one page (the collectors of `opened` keep filling: take what this visit added). */
async function visit(opened: OpenedPage, server: RunningServer, file: string, full: boolean): Promise<PageRecord> {
  const started = Date.now();
  const pagePath = urlPathOfFile(file, server.base);
  const mark = { c: opened.consoleErrors.length, p: opened.pageErrors.length, f: opened.failedRequests.length, e: opened.externalRequests.length, v: opened.cspViolations.length };
  const record: PageRecord = {
    path: pagePath, file, status: null, redirect: false, hasH1: false, scripted: false, baseHref: null, canonical: null, ids: [], links: [],
    consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], cspViolations: [], cspMeta: [], jsonLd: [], ms: { total: 0 },
  };
  const html = readFileSync(path.join(server.dir, file), 'utf8');
  if (full) record.weight = measurePage(html, { page: urlPathOfFile(file, '/'), dir: server.dir, file, cache: weightCache(server.dir) });
  const target = refreshTarget(html);
  if (target !== undefined) {
    record.redirect = true;
    record.status = (await fetch(server.origin + pagePath, { method: 'HEAD', redirect: 'manual' })).status;
    record.links = [{ what: 'meta[refresh]', raw: target, url: new URL(target, server.origin + pagePath).href }];
    record.ms.total = Date.now() - started;
    return record;
  }
  const { page } = opened;
  let lap = Date.now();
  const phase = (name: 'load' | 'axe' | 'widths') => {
    record.ms[name] = Date.now() - lap;
    lap = Date.now();
  };
  const response = await opened.goto(server.origin + pagePath);
  record.status = response?.status() ?? null;
  let { scrollWidth, ...read } = await readPage(page);
  if (read.scripted) {
    // Let late requests (module imports, fetches) and events happen, and read what they added.
    await networkQuiet(page);
    ({ scrollWidth, ...read } = await readPage(page));
  }
  Object.assign(record, read);
  phase('load');
  if (full) {
    // The page is measured at the width it loaded at (the last one the previous page had), then
    // resized once to the other; axe runs at the desktop width. One resize per page.
    const loadedAt = page.viewportSize()?.width ?? WIDTHS[0];
    const other = loadedAt === WIDTHS[0] ? WIDTHS[1] : WIDTHS[0];
    const resize = async () => {
      await page.setViewportSize({ width: other, height: 900 });
      record.widths!.push({ viewport: other, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) });
    };
    record.widths = [{ viewport: loadedAt, scrollWidth }];
    if (loadedAt !== WIDTHS[0]) await resize();
    record.axe = { light: await runAxe(page, 'light'), dark: await runAxe(page, 'dark', COLOUR_RULES) };
    await page.emulateMedia({ colorScheme: 'light' });
    phase('axe');
    if (loadedAt === WIDTHS[0]) await resize();
    record.widths.sort((a, b) => b.viewport - a.viewport);
    phase('widths');
  }
  record.consoleErrors = opened.consoleErrors.slice(mark.c);
  record.pageErrors = opened.pageErrors.slice(mark.p);
  // A request the previous page left running is cancelled by this navigation: not a failure.
  record.failedRequests = opened.failedRequests.slice(mark.f).filter((f) => !f.endsWith('net::ERR_ABORTED'));
  record.externalRequests = opened.externalRequests.slice(mark.e);
  record.cspViolations = opened.cspViolations.slice(mark.v).map((v) => `${v.effectiveDirective} blocked ${v.blockedURI || 'inline'} (${v.sourceFile}:${v.lineNumber})`);
  record.ms.total = Date.now() - started;
  return record;
}

/**
 * Visits every page (`files`: HTML files of the served folder) of `server` once, `concurrency`
 * pages at a time, each worker in a fresh context of `browser`. `full` adds axe and the widths.
 */
export async function crawl(browser: Browser, server: RunningServer, files: string[], options: { full: boolean; concurrency?: number }): Promise<PageRecord[]> {
  const records = new Map<string, PageRecord>();
  const queue = [...files];
  const worker = async () => {
    const opened = await openPage(browser, 'about:blank', { origin: server.origin, viewport: { width: WIDTHS[0], height: 900 }, serviceWorkers: 'allow' });
    trackTraffic(opened.page);
    // axe in every document this worker loads, put there by Chromium itself: no 0.5 MB sent over
    // the DevTools connection per page (runAxe injects it only where it is missing).
    if (options.full) await opened.context.addInitScript({ content: AXE_SOURCE });
    try {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) records.set(file, await visit(opened, server, file, options.full));
    } finally {
      await opened.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, files.length) }, worker));
  return files.map((f) => records.get(f)!);
}

/**
 * The records of the same pages served by `mirror` (the same folder at another path), without
 * loading them again: the HTML is the same bytes, so each page's links as written are resolved
 * against its address on the mirror, as the browser would, and the page itself is requested there.
 * What only running the page shows (requests its scripts make) needs a visit: `crawl` the
 * `scripted` pages on the mirror and put those records in place of these.
 */
export async function onMirror(records: PageRecord[], from: RunningServer, mirror: RunningServer): Promise<PageRecord[]> {
  return Promise.all(
    records.map(async (r) => {
      const path = mirror.base + r.path.slice(from.base.length);
      const pageUrl = new URL(path, mirror.origin);
      const base = r.baseHref ? new URL(r.baseHref, pageUrl) : pageUrl;
      const resolve = (raw: string) => {
        try {
          return new URL(raw, base).href;
        } catch {
          return '';
        }
      };
      const status = (await fetch(pageUrl, { method: 'HEAD', redirect: 'manual' })).status;
      return { ...r, path, status, links: r.links.map((l) => ({ ...l, url: resolve(l.raw) })), consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], cspViolations: [], ms: { total: 0 } };
    }),
  );
}

// ── Checks: records → problems ─────────────────────────────────────────────────────────────────

/** Smoke: 200, an <h1> (redirect stubs excepted), no console errors, uncaught errors or failed requests. */
export function smokeProblems(records: PageRecord[]): Problem[] {
  return records.flatMap((r) => [
    ...(r.status !== 200 ? [`HTTP ${r.status}`] : []),
    ...(!r.redirect && !r.hasH1 ? ['no <h1>'] : []),
    ...r.consoleErrors.map((e) => `console error: ${e}`),
    ...r.pageErrors.map((e) => `uncaught: ${e.split('\n')[0]}`),
    ...r.failedRequests.map((e) => `failed request: ${e}`),
    ...r.jsonLd,
  ].map((message) => ({ page: r.path, message })));
}

/** CSP: a sound <meta> on every loaded page, no violation event, no request to another origin. */
export function cspProblems(records: PageRecord[]): Problem[] {
  return records.filter((r) => !r.redirect).flatMap((r) => [
    ...r.cspMeta,
    ...r.cspViolations.map((v) => `CSP violation: ${v}`),
    ...r.externalRequests.map((e) => `request to another origin: ${e}`),
  ].map((message) => ({ page: r.path, message })));
}

/** axe, WCAG 2.2 AA: every violation, per scheme, with its first few elements. */
export function axeProblems(records: PageRecord[]): Problem[] {
  return records.flatMap((r) =>
    (['light', 'dark'] as const).flatMap((scheme) =>
      (r.axe?.[scheme] ?? []).map((v) => ({
        page: r.path,
        message: `[${scheme}] ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 3).map((n) => `      ${n.target}  ${n.summary}`).join('\n')}${v.nodes.length > 3 ? `\n      … ${v.nodes.length - 3} more` : ''}`,
      })),
    ),
  );
}

/**
 * Page weight: what paints first within the first 14 KB gzip, the whole page within 50 KB,
 * JavaScript within 5 KB outside /search/, fonts, images and assets (scripts/tools/budgets.ts).
 */
export function weightProblems(records: PageRecord[]): Problem[] {
  return records.flatMap((r) => (r.weight?.violations ?? []).map((v) => ({ page: r.path, message: `${v.rule}: ${v.message}` })));
}

/** Overflow: the document no wider than the viewport (`scrollWidth ≤ innerWidth`) at every width. */
export function overflowProblems(records: PageRecord[]): Problem[] {
  return records.flatMap((r) => (r.widths ?? []).filter((w) => w.scrollWidth > w.viewport).map((w) => ({ page: r.path, message: `${w.scrollWidth} px wide at ${w.viewport} px` })));
}

/**
 * Links and fragments: every internal URL is under the path the site is served at and answers 200
 * (a folder without its slash answers 301: reported), every fragment names an id of its target
 * page, external links go to an official host (OFFICIAL_HOSTS of src/site/ep-links.ts) over https;
 * data: and mailto: are fine, other schemes are not, and a bare "#" is not a link target.
 * Absolute links to the site's own URL (SITE_URL, known from the home page's canonical link) are
 * internal.
 */
export async function linkProblems(records: PageRecord[], server: RunningServer, options: { siteUrl?: string } = {}): Promise<Problem[]> {
  const byPath = new Map(records.map((r) => [r.path, r]));
  const home = byPath.get(server.base);
  const siteUrl = options.siteUrl ?? process.env.SITE_URL ?? home?.canonical ?? undefined;
  const site = siteUrl ? new URL(siteUrl) : undefined;
  const internal = (u: URL): URL | undefined => {
    if (u.origin === server.origin) return u;
    if (site && u.origin === site.origin && u.pathname.startsWith(site.pathname)) return new URL(server.base + u.pathname.slice(site.pathname.length) + u.search + u.hash, server.origin);
    return undefined;
  };
  const status = new Map<string, Promise<number>>();
  const statusOf = (pathname: string) => {
    if (!status.has(pathname)) status.set(pathname, fetch(server.origin + pathname, { method: 'HEAD', redirect: 'manual' }).then((r) => r.status));
    return status.get(pathname)!;
  };
  const problems: Problem[] = [];
  for (const r of records) {
    for (const link of r.links) {
      const report = (why: string) => problems.push({ page: r.path, message: `${link.what} ${link.raw}: ${why}` });
      if (link.raw.trim() === '') { report('empty URL'); continue; }
      if (link.raw.trim() === '#') { report('empty fragment "#": link to a real target, or use a <button>'); continue; }
      if (!link.url) { report('not a valid URL'); continue; }
      const url = new URL(link.url);
      if (url.protocol === 'data:' || url.protocol === 'mailto:') continue;
      if (url.protocol !== 'http:' && url.protocol !== 'https:') { report(`scheme "${url.protocol}" is not allowed`); continue; }
      const target = internal(url);
      if (!target) {
        if (!(OFFICIAL_HOSTS as readonly string[]).includes(url.hostname)) report(`external host ${url.hostname} is not on the allow-list (${OFFICIAL_HOSTS.join(', ')})`);
        else if (url.protocol !== 'https:') report('official links must use https://');
        continue;
      }
      if (!target.pathname.startsWith(server.base)) { report(`outside ${server.base}, where the site is served (a root-relative link?)`); continue; }
      const page = byPath.get(target.pathname);
      const code = page ? page.status : await statusOf(target.pathname);
      if (code === 301 && !target.pathname.endsWith('/')) { report(`a folder without its trailing slash: link to ${target.pathname}/`); continue; }
      if (code !== 200) { report(`HTTP ${code}`); continue; }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (page && !page.redirect && fragment && fragment !== 'top' && !fragment.startsWith(':~:') && !page.ids.includes(fragment)) {
        report(`no element with id="${fragment}" in ${target.pathname}`);
      }
    }
  }
  return problems;
}

/** Problems grouped by page, for a failure message a maintainer can act on. */
export function describeProblems(problems: Problem[]): string {
  const byPage = new Map<string, string[]>();
  for (const p of problems) byPage.set(p.page, [...(byPage.get(p.page) ?? []), p.message]);
  return `${problems.length} problem(s) on ${byPage.size} page(s):\n${[...byPage].map(([page, list]) => `  ${page}\n${list.map((m) => `    ${m}`).join('\n')}`).join('\n')}`;
}
