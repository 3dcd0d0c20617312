/// <reference types="node" />
// Smoke test of the built site in a real browser. Builds nothing: run `npm run build` first
// (`npm test` does, via test:build).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAllUrls, distPath, launchBrowser, openPage, serveDist } from './harness';

// The root build and the sub-path build (BASE_PATH=/kz/), both made by npm run test:build.
const TARGETS = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-kz', base: '/kz/' },
];

/** True for a page that is only a `<meta http-equiv="refresh">` redirect. */
function isRedirectStub(dir: string, base: string, urlPath: string): boolean {
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const file = path.join(distPath(dir), rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
  return /<meta[^>]+http-equiv=["']?refresh/i.test(readFileSync(file, 'utf8'));
}

describe.each(TARGETS)('smoke: $dir (base $base)', ({ dir, base }) => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    if (!existsSync(path.join(distPath(dir), 'index.html'))) {
      throw new Error(`${dir}/index.html is missing: run npm run build first`);
    }
    server = await serveDist(dir, base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('home page loads cleanly', async () => {
    const opened = await openPage(browser, server.url);
    try {
      expect(opened.response?.status()).toBe(200);
      expect((await opened.page.title()).trim()).not.toBe('');
      expect(opened.consoleErrors, 'console errors').toEqual([]);
      expect(opened.pageErrors, 'page errors').toEqual([]);
      expect(opened.cspViolations, 'CSP violations').toEqual([]);
      expect(opened.externalRequests, 'third-party requests').toEqual([]);
      expect(opened.failedRequests, 'failed requests').toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('every page returns 200 and has an <h1>', async () => {
    const urls = collectAllUrls(dir, base);
    expect(urls.length).toBeGreaterThan(0);
    const opened = await openPage(browser, server.url);
    const problems: string[] = [];
    try {
      for (const urlPath of urls) {
        const response = await opened.goto(server.origin + urlPath);
        if (response?.status() !== 200) problems.push(`${urlPath}: HTTP ${response?.status()}`);
        // Meta-refresh redirect stubs (Astro `redirects`) have no content of their own.
        if (isRedirectStub(dir, base, urlPath)) continue;
        if ((await opened.page.locator('h1').count()) === 0) problems.push(`${urlPath}: no <h1>`);
      }
    } finally {
      await opened.close();
    }
    expect(problems).toEqual([]);
  });

  it('a missing nested URL returns 404 with the 404 page', async () => {
    const notFoundFile = path.join(distPath(dir), '404.html');
    expect(existsSync(notFoundFile), `${dir}/404.html should exist`).toBe(true);
    const expected = readFileSync(notFoundFile, 'utf8');

    const opened = await openPage(browser, `${server.url}nope/deeper/`);
    try {
      expect(opened.response?.status()).toBe(404);
      expect(await opened.response?.text()).toBe(expected);
      const expectedTitle = await opened.page.evaluate(
        (html) => new DOMParser().parseFromString(html, 'text/html').title,
        expected,
      );
      expect(await opened.page.title()).toBe(expectedTitle);
      // Assets must resolve from a nested URL too (no relative links that break at depth).
      expect(opened.failedRequests, 'failed requests').toEqual([]);
      expect(opened.pageErrors, 'page errors').toEqual([]);
      expect(opened.externalRequests, 'third-party requests').toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
