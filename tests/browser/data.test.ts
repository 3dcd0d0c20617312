/// <reference types="node" />
// The Data page, downloads, feeds, JSON-LD, citation boxes and host headers in Chromium, against
// the BUILT site. Run `npm run build` first; `npm test` does. (That every link of the Data page
// also resolves in a copy of dist/ at another path is the crawl's: tests/browser/crawl.test.ts.)
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, serveDist } from './harness';

// DATA_TEST_DIST=dir DATA_TEST_BASE=/kz/ adds another build, e.g. one made with SITE_URL.
const TARGETS = [
  { dir: 'dist', base: '/' },
  ...(process.env.DATA_TEST_DIST ? [{ dir: process.env.DATA_TEST_DIST, base: process.env.DATA_TEST_BASE ?? '/' }] : []),
];

/** The Data page's way of writing sizes. */
// As the page writes a size, with a no-break space so it stays on one line.
const human = (n: number) => (n < 1024 ? `${n}\u00a0B` : `${(n / 1024).toFixed(1)}\u00a0KB`);

describe.each(TARGETS)('data: $dir (base $base)', ({ dir, base }) => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    server = await serveDist(dir, base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the Data page loads cleanly: no CSP violation from its JSON-LD or its script', async () => {
    const opened = await openPage(browser, `${server.url}data/`);
    try {
      expect(opened.response?.status()).toBe(200);
      expect(await opened.page.locator('h1').textContent()).toBe('Open data');
      expect(opened.cspViolations, 'CSP violations').toEqual([]);
      expect(opened.consoleErrors, 'console errors').toEqual([]);
      expect(opened.pageErrors, 'page errors').toEqual([]);
      expect(opened.failedRequests, 'failed requests').toEqual([]);
      expect(opened.externalRequests, 'third-party requests').toEqual([]);
      const ld = await opened.page.$$eval('script[type="application/ld+json"]', (els) => els.map((e) => JSON.parse(e.textContent ?? '') as { '@type': string }));
      expect(ld.map((x) => x['@type'])).toContain('Dataset');
      // The CSP meta hashes inline scripts; the JSON-LD block is data, never executed, so it needs no hash.
      const csp = await opened.page.$eval('meta[http-equiv="content-security-policy"]', (m) => m.getAttribute('content') ?? '');
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toContain('unsafe-inline');
    } finally {
      await opened.close();
    }
  });

  it('every file the page lists downloads with the size the page states', async () => {
    const opened = await openPage(browser, `${server.url}data/`);
    try {
      const rows = await opened.page.$$eval('#files ~ .table-wrap tbody tr', (trs) =>
        trs.map((tr) => ({ href: tr.querySelector<HTMLAnchorElement>('th a')!.pathname, size: tr.querySelectorAll('td')[2]!.textContent!.trim(), schema: tr.querySelectorAll('td')[3]!.querySelector('a')?.pathname })),
      );
      expect(rows.length).toBeGreaterThanOrEqual(8);
      for (const r of rows) {
        expect(r.href.startsWith(`${base}data/`)).toBe(true);
        const res = await opened.page.request.get(server.origin + r.href);
        expect(res.status(), r.href).toBe(200);
        const body = await res.body();
        expect(human(body.length), r.href).toBe(r.size);
        if (r.href.endsWith('.json')) expect(() => JSON.parse(body.toString('utf8'))).not.toThrow();
        if (r.schema) {
          const schema = (await (await opened.page.request.get(server.origin + r.schema)).json()) as Record<string, unknown>;
          expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        }
      }
    } finally {
      await opened.close();
    }
  });

  it('feeds parse as XML in Chromium; there is no sitemap without SITE_URL', async () => {
    const opened = await openPage(browser, `${server.url}data/`);
    try {
      const themeFeeds = await opened.page.$$eval('#feeds ~ ul.tags a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      const feeds = [`${base}feeds/resolutions.xml`, ...themeFeeds];
      expect(themeFeeds.length).toBeGreaterThan(0);
      for (const href of feeds) {
        const res = await opened.page.request.get(server.origin + href);
        expect(res.status(), href).toBe(200);
        const text = await res.text();
        const result = await opened.page.evaluate((xml) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          return { error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, entries: doc.getElementsByTagName('entry').length };
        }, text);
        expect(result.error, href).toBeNull();
        expect(result.root).toBe('feed');
        expect(result.ns).toBe('http://www.w3.org/2005/Atom');
        expect(result.entries, href).toBeGreaterThan(0);
      }
      const robots = await opened.page.request.get(`${server.url}robots.txt`);
      expect(robots.status()).toBe(200);
      const hasSitemap = /Sitemap:/.test(await robots.text());
      const sitemap = await opened.page.request.get(`${server.url}sitemap.xml`);
      expect(sitemap.status()).toBe(hasSitemap ? 200 : 404);
    } finally {
      await opened.close();
    }
  });

  it('the citation box works with no JavaScript and copies with it', async () => {
    // Without JavaScript: the <details> opens, the text is there, no dead buttons are shown.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${server.url}data/`);
      const box = page.locator('details.cite-box').first();
      await box.locator('summary').click();
      await expect.poll(() => box.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await box.locator('pre').count()).toBe(4);
      expect(await box.locator('pre').first().textContent()).toMatch(/\S/);
      expect(await box.locator('button.cite-copy:visible').count()).toBe(0);
    } finally {
      await noJs.close();
    }
    // With JavaScript: buttons appear and copy the text.
    const opened = await openPage(browser, `${server.url}data/`);
    try {
      await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const box = opened.page.locator('details.cite-box').first();
      await box.locator('summary').click();
      const button = box.locator('button.cite-copy').nth(1);
      await expect.poll(() => button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => button.textContent()).toMatch(/^(Copied|Selected)$/);
      if ((await button.textContent()) === 'Copied') {
        const copied = await opened.page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toBe(await box.locator('pre').nth(1).textContent());
        expect(copied).toMatch(/^@misc\{/);
      }
      expect(opened.pageErrors).toEqual([]);
      expect(opened.cspViolations).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('copies citations with absolute URLs from a build without SITE_URL, and says the selectable text is a path', async () => {
    const path = `${new URL(server.url).pathname}procedures/2021-2544/#demand-2021-2544-summary-5-3-1`;
    // Without JavaScript: the text keeps the path, and a note says so (a build with SITE_URL has URLs already).
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${server.url}procedures/2021-2544/`);
      const card = page.locator('.demand-card[data-demand="2021-2544-summary-5-3-1"]');
      await card.locator('details.cite-box summary').click();
      const relative = (await page.locator('.cite-relative').count()) > 0;
      expect((await card.locator('pre').textContent())!).toMatch(relative ? new RegExp(` ${path}$`) : new RegExp(` https?://\\S+${path}$`));
      if (relative) expect(await page.locator('.demands > .cite-relative').isVisible()).toBe(true);
    } finally {
      await noJs.close();
    }
    // With JavaScript: the Copy button copies the URL completed from the page's own address.
    const opened = await openPage(browser, `${server.url}procedures/2021-2544/`);
    try {
      await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const card = opened.page.locator('.demand-card[data-demand="2021-2544-summary-5-3-1"]');
      await card.locator('details.cite-box summary').click();
      const button = card.locator('button.cite-copy');
      await expect.poll(() => button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => button.textContent()).toBe('Copied');
      const copied = await opened.page.evaluate(() => navigator.clipboard.readText());
      expect(copied.startsWith('European Parliament (11 February 2021). Resolution on the human rights situation in Kazakhstan. Text adopted T9-0056/2021')).toBe(true);
      expect(copied).toContain('“Parliament urged the Government of Kazakhstan to: immediately release and fully rehabilitate all political prisoners');
      expect(copied).toMatch(/ https?:\/\/\S+$/);
      if (await opened.page.locator('.cite-relative').count()) {
        expect(copied.endsWith(` ${server.origin}${path}`)).toBe(true);
        expect(await opened.page.locator('.demands > .cite-relative').isVisible()).toBe(false);
      } else expect(copied.endsWith(path)).toBe(true);
      // Every format of the resolution on its citation page, BibTeX's URL included.
      await opened.goto(`${server.url}procedures/2021-2544/cite/`);
      const pres = await opened.page.$$eval('#procedure ~ details pre', (ps) => ps.map((p) => p.textContent!));
      expect(pres).toHaveLength(4);
      for (const text of pres) expect(text).toMatch(new RegExp(`https?://[^\\s"}]+${new URL(server.url).pathname}procedures/2021-2544/`));
      expect(opened.pageErrors).toEqual([]);
      expect(opened.cspViolations).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('the host headers from _headers are served', async () => {
    const opened = await openPage(browser, `${server.url}data/`);
    try {
      const h = opened.response!.headers();
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      // The pages' policy (every page's hashes), plus what only a header can say.
      expect(h['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'$/);
      const feed = await opened.page.request.get(`${server.url}feeds/resolutions.xml`);
      expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
      const asset = await opened.page.evaluate(() => [...document.querySelectorAll('script[src], link[rel="stylesheet"][href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')).find((u) => u?.includes('/_astro/')));
      if (asset) {
        const res = await opened.page.request.get(new URL(asset, server.url).href);
        expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      }
    } finally {
      await opened.close();
    }
  });
});
