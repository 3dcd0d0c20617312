/// <reference types="node" />
// Helpers for browser tests: playwright-core driving Debian's Chromium against the BUILT site
// (never the dev server), served by the preview server (scripts/tools/serve.ts).
//
// One build, one browser, one server per path, for the whole run: tests/browser/global-setup.ts
// serves dist/ at `/` and at `/mirror/x/` (MIRROR_BASE) and starts one Chromium. A test file reuses
// them with no set-up of its own:
//
//   const web = useBuiltSite();                  // dist/ at /   (useBuiltSite('dist', MIRROR_BASE) for the mirror)
//   it('…', async () => {
//     const o = await openPage(web.browser, `${web.server.url}search/`);   // a fresh context
//     try { … } finally { await o.close(); }
//   });
//
// `launchBrowser()` and `serveDist()` give the same shared objects (closing them only lets go of
// them); `serveDist` starts a server of its own only for another folder (a fixture) or path.
// Page-level checks (status, console, links, axe, CSP, overflow) are the crawl's
// (tests/browser/crawl.test.ts): a feature test checks what a reader does on specific pages.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/tools/serve.ts';
import { CHROMIUM_FLAGS } from '../../scripts/tools/chromium-flags.mjs';
import { normalizeBase } from '../../src/site/paths.ts';
import { CHROMIUM_PATH, MIRROR_BASE, ROOT, SITE_DIR } from './global-setup.ts';

export { CHROMIUM_PATH, MIRROR_BASE, ROOT, SITE_DIR };
export type { RunningServer };

/** What global-setup provided, or undefined outside the browser project (then everything is started here). */
function shared() {
  try {
    return inject('sharedSite');
  } catch {
    return undefined;
  }
}

/** The shared Chromium (connected), or a Chromium of its own when there is none. Close it when done. */
export async function launchBrowser(): Promise<Browser> {
  const site = shared();
  if (site) return chromium.connect(site.wsEndpoint);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
}

/** Absolute path of a build output folder (relative paths are relative to the repo root). */
export function distPath(dir = SITE_DIR): string {
  return path.resolve(ROOT, dir);
}

/**
 * A server for a built folder at `base`: the shared one for the build under test at `/` or
 * MIRROR_BASE, else a new one on a free port. `url` ends with the base; `origin` has no path.
 */
export async function serveDist(dir = SITE_DIR, base = '/'): Promise<RunningServer> {
  const site = shared();
  const b = normalizeBase(base);
  const sharedUrl = site && distPath(dir) === site.dir ? (b === '/' ? site.rootUrl : b === MIRROR_BASE ? site.mirrorUrl : undefined) : undefined;
  if (sharedUrl) {
    const url = new URL(sharedUrl);
    return { url: sharedUrl, origin: url.origin, port: Number(url.port), base: b, dir: site!.dir, close: async () => undefined };
  }
  return startServer({ dir: distPath(dir), base: b });
}

export interface CspViolation {
  violatedDirective: string;
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  disposition: string;
  documentURL: string;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Main document response of the first navigation (null e.g. for about:blank). */
  response: Response | null;
  /** console.error messages (incl. Chromium's own "Failed to load resource…", CSP reports). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Network failures, plus HTTP >= 400 for anything other than a main-frame navigation. */
  failedRequests: string[];
  /** Requests to any origin other than the server's (they are aborted, and recorded here). */
  externalRequests: string[];
  /** securitypolicyviolation events, from every document loaded in this page. */
  cspViolations: CspViolation[];
  /** Navigate the same page elsewhere (same collectors) and let pending events settle. */
  goto(url: string): Promise<Response | null>;
  close(): Promise<void>;
}

const CSP_BINDING = '__recordCspViolation';

/**
 * Open `url` in a fresh context of `browser` and collect problems while it loads. The arrays keep
 * filling if you keep using the page (e.g. `opened.goto(next)`). Requests to other origins than
 * `url`'s (or `options.origin`, for a first `url` such as about:blank) are aborted so tests never
 * wait on the network, and listed in `externalRequests`.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { origin?: string; viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<OpenedPage> {
  const origin = options.origin ?? new URL(url).origin;
  // The offline worker is blocked unless asked for: each fresh context would install it and fetch
  // the ~40 search files it saves, work no feature test looks at. The crawl and the offline test
  // run it (every page registers it there).
  const context = await browser.newContext({ ...(options.viewport ? { viewport: options.viewport } : {}), serviceWorkers: options.serviceWorkers ?? 'block' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  const externalRequests: string[] = [];
  const cspViolations: CspViolation[] = [];

  await context.exposeBinding(CSP_BINDING, (_source, violation: CspViolation) => {
    cspViolations.push(violation);
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as Record<string, unknown>)[binding];
      if (typeof report === 'function') {
        void report({
          violatedDirective: e.violatedDirective,
          effectiveDirective: e.effectiveDirective,
          blockedURI: e.blockedURI,
          sourceFile: e.sourceFile,
          lineNumber: e.lineNumber,
          disposition: e.disposition,
          documentURL: e.documentURI,
        });
      }
    });
  }, CSP_BINDING);

  await context.route(
    (u) => /^(https?|wss?):$/.test(u.protocol) && u.origin !== origin,
    async (route) => {
      externalRequests.push(`${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    consoleErrors.push(loc.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack || error.message));
  const httpFailures = new WeakSet<Request>();
  page.on('requestfailed', (request) => {
    // External ones are already recorded; a 404'd stylesheet is also "aborted": report it once.
    if (new URL(request.url()).origin !== origin || httpFailures.has(request)) return;
    failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() < 400) return;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) return;
    httpFailures.add(request);
    failedRequests.push(`${request.method()} ${response.url()}: HTTP ${response.status()}`);
  });

  const goto = async (target: string) => {
    const response = await page.goto(target, { waitUntil: 'load' });
    // A kept address (<meta http-equiv="refresh">) sends the browser on at once: let that
    // navigation finish here, or it would interrupt the next goto.
    const body = response ? await response.text().catch(() => '') : '';
    if (/<meta[^>]+http-equiv=["']?refresh/i.test(body)) {
      await page.waitForURL((u) => u.href !== response!.url(), { waitUntil: 'load', timeout: 10_000 }).catch(() => undefined);
    }
    // CSP events and late console errors are dispatched as tasks: give them a moment.
    // (A timeout, not page.evaluate: the page may already be navigating, e.g. a meta refresh.)
    await page.waitForTimeout(50);
    return response;
  };

  const response = await goto(url);
  return { page, context, response, consoleErrors, pageErrors, failedRequests, externalRequests, cspViolations, goto, close: () => context.close() };
}

/** The URL path a build's HTML file is served at under `base`: `a/index.html` → `/base/a/`. */
export function urlPathOfFile(rel: string, base = '/'): string {
  const p = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return normalizeBase(base) + p.split('/').map(encodeURIComponent).join('/');
}

/** Every HTML file of a build folder, relative to it with "/" separators. Sorted. */
export function htmlFilesOf(dir = SITE_DIR): string[] {
  return readdirSync(distPath(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Every HTML page of a build as a URL path under `base` (`index.html` → "/", `404.html` → "/404.html"). Sorted. */
export function collectAllUrls(dir = SITE_DIR, base = '/'): string[] {
  return htmlFilesOf(dir)
    .map((f) => urlPathOfFile(f, base))
    .sort();
}

/**
 * The shared Chromium and the build under test served at `base`, for the enclosing describe block.
 * Read `site.server` and `site.browser` inside tests.
 */
export function useBuiltSite(dir = SITE_DIR, base = '/'): { server: RunningServer; browser: Browser } {
  const site = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveDist(dir, base);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
