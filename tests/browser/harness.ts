/// <reference types="node" />
// Helpers for browser tests: playwright-core driving the system Chromium against the BUILT site
// (never the dev server), served by scripts/serve.mjs exactly as `npm run preview` serves it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { normalizeBase, startServer, type RunningServer } from '../../scripts/tools/serve.mjs';
import { CHROMIUM_FLAGS } from '../../scripts/tools/chromium-flags.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = CHROMIUM_FLAGS;

/**
 * Launch the system Chromium. Playwright gives every launch a fresh temporary
 * --user-data-dir (deleted on close), so no profile state leaks between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run "node scripts/ensure-chromium.mjs" or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/** Absolute path of a build output folder (relative paths are relative to the repo root). */
export function distPath(dir = 'dist'): string {
  return path.resolve(ROOT, dir);
}

/**
 * Serve a built folder on a random free port. Throws a clear error when it hasn't been built.
 * `url` ends with the base ("http://127.0.0.1:PORT/kz/"); `origin` has no path.
 */
export async function serveDist(dir = 'dist', base = '/'): Promise<RunningServer> {
  const abs = distPath(dir);
  if (!existsSync(path.join(abs, 'index.html'))) {
    throw new Error(`${path.relative(ROOT, abs) || abs}/index.html is missing: run npm run build first`);
  }
  return startServer({ dir: abs, base, port: 0, host: '127.0.0.1' });
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
 * `url`'s are aborted so tests never wait on the network, and listed in `externalRequests`.
 */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const origin = new URL(url).origin;
  const context = await browser.newContext();
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
    const w = window as unknown as Record<string, unknown> & { __cspViolations?: unknown[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = {
        violatedDirective: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
        disposition: e.disposition,
        documentURL: e.documentURI,
      };
      w.__cspViolations!.push(v);
      const report = w[binding];
      if (typeof report === 'function') void report(v);
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
  return {
    page,
    context,
    response,
    consoleErrors,
    pageErrors,
    failedRequests,
    externalRequests,
    cspViolations,
    goto,
    close: () => context.close(),
  };
}

/**
 * Every HTML page in a build folder as a URL path under `base`: `index.html` → "/",
 * `a/b/index.html` → "/a/b/", `404.html` → "/404.html". Sorted.
 */
export function collectAllUrls(distDir = 'dist', base = '/'): string[] {
  const root = distPath(distDir);
  const prefix = normalizeBase(base);
  const urls: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        const rel = path.relative(root, abs).split(path.sep).join('/');
        const urlPath = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        urls.push(prefix + urlPath.split('/').map(encodeURIComponent).join('/'));
      }
    }
  };
  walk(root);
  return urls.sort();
}

/**
 * Serves a built folder and launches Chromium for the enclosing describe block, closing both
 * after it. Read `site.server` and `site.browser` inside tests.
 */
export function useBuiltSite(dir = 'dist', base = '/'): { server: RunningServer; browser: Browser } {
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
