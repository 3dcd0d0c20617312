/// <reference types="node" />
// The search page through Chromium against the built site: relevance, URL state, facets,
// keyboard, hostile input, and the page without JavaScript.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, useBuiltSite } from './harness';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { toSearchDocs } from '../../src/search/docs.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import type { SearchDoc } from '../../src/search/types.ts';

const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/search-queries.json'), 'utf8')) as {
  queries: Array<{ q: string; mustFind: string[] }>;
};

/** Waits until the status region reports on the current query, then returns the result ids. */
async function resultIds(page: Page): Promise<string[]> {
  await page.waitForFunction(() => /result|No results/.test(document.getElementById('status')?.textContent ?? ''));
  await page.waitForTimeout(50);
  return page.$$eval('#results li a[href*="#demand-"]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.split('#demand-')[1]!)));
}

describe('search page', () => {
  const web = useBuiltSite('dist', '/');

  it('finds every labelled demand through the real page, from a shared link', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/`);
    const misses: string[] = [];
    try {
      for (const { q, mustFind } of queries) {
        await o.goto(`${web.server.url}search/?q=${encodeURIComponent(q)}`);
        expect(await o.page.inputValue('#q')).toBe(q);
        const ids = await resultIds(o.page);
        for (const id of mustFind) if (!ids.includes(id)) misses.push(`${q} → ${id}`);
      }
      expect(misses).toEqual([]);
      expect(o.consoleErrors).toEqual([]);
      expect(o.cspViolations).toEqual([]);
      expect(o.externalRequests).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('updates results and the URL while typing, without a page load, keeping focus in the box', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/`);
    try {
      const page = o.page;
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      const status = page.locator('[role="status"]');
      expect(await status.count()).toBe(1);
      await page.locator('#q').click();
      await page.keyboard.type('tortur', { delay: 20 });
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'tortur');
      const ids = await resultIds(page);
      expect(ids).toContain('2019-2610-summary-6-5-1');
      expect(await status.innerText()).toMatch(/^\d+ results? for “tortur”/);
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
      // Matched words are <mark> elements.
      expect(await page.locator('#results mark').first().innerText()).toMatch(/tortur/i);
      // Keyboard: Tab from the box walks the controls, then reaches every result link.
      const links = await page.locator('#results a').count();
      const reached = new Set<string>();
      for (let i = 0; i < 12 + links; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.closest('#results') ? (document.activeElement as HTMLAnchorElement).getAttribute('href') : null);
        if (href) reached.add(href);
      }
      expect(reached.size).toBe(await page.$$eval('#results a', (as) => new Set(as.map((a) => a.getAttribute('href'))).size));
    } finally {
      await o.close();
    }
  });

  it('keeps facets in the URL, counts that follow the query, and back/forward', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=Kozlov`);
    try {
      const page = o.page;
      await resultIds(page);
      const yearOptions = await page.$$eval('select[name="year"] option', (os) => os.map((x) => x.textContent));
      expect(yearOptions).toContain('2016 (2)');
      expect(yearOptions).toContain('2021 (0)');
      await page.selectOption('select[name="year"]', '2016');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2016');
      const ids = await resultIds(page);
      expect(ids.sort()).toEqual(['2016-2607-motion-para-4-1', '2016-2607-summary-5-1-1']);
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
      expect(await page.inputValue('select[name="year"]')).toBe('');
      await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 4);
      await page.goForward();
      await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 2);
      expect(await page.inputValue('select[name="year"]')).toBe('2016');
      // Reload reproduces the state.
      await page.reload();
      expect(await page.inputValue('#q')).toBe('Kozlov');
      expect((await resultIds(page)).length).toBe(2);
    } finally {
      await o.close();
    }
  });

  it('says "No results" with a way on when nothing matches', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=${encodeURIComponent('zzqxv')}`);
    try {
      expect(await resultIds(o.page)).toEqual([]);
      expect(await o.page.locator('#status').innerText()).toMatch(/^No results for “zzqxv”/);
      expect(await o.page.locator('#status a').evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe('/demands/');
    } finally {
      await o.close();
    }
  });

  it('treats hostile queries as text: nothing runs, nothing renders as markup', async () => {
    const hostile = ['<img src=x onerror="window.__pwned=1">', '"><svg onload="window.__pwned=1">', "';window.__pwned=1;//"];
    const o = await openPage(web.browser, `${web.server.url}search/`);
    try {
      for (const q of hostile) {
        await o.goto(`${web.server.url}search/?q=${encodeURIComponent(q)}`);
        await resultIds(o.page);
        expect(await o.page.inputValue('#q')).toBe(q);
        expect(await o.page.locator('#status').innerText()).toContain(q.trim());
        expect(await o.page.locator('main img, main svg, #status *:not(a)').count()).toBe(0);
        expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      }
      expect(o.pageErrors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('shows a hostile record as text', async () => {
    // The real page, fed an index built by the real builder from the real demands plus one hostile record.
    const site = buildSite(loadContent(path.join(ROOT, 'content'), ROOT).input);
    const docs = toSearchDocs(site);
    const evil: SearchDoc = {
      ...docs[0]!,
      id: '2013-2600-para-3-9',
      text: 'Calls for <img src=x onerror="window.__pwned=1"> and "><svg onload="window.__pwned=2"> xylophonic',
      people: ['<b onmouseover="window.__pwned=3">Evil</b>'],
      url: 'procedures/2013-2600/#demand-2013-2600-para-3-9',
    };
    const files = buildSearchIndex([...docs, evil]);
    const o = await openPage(web.browser, `${web.server.url}search/`);
    try {
      await o.page.route('**/search/*/**', (route) => {
        const rel = new URL(route.request().url()).pathname.replace(/^\/search\//, '');
        const body = files.get(rel);
        return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ status: 200, contentType: 'application/json', body });
      });
      await o.page.route('**/search/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: files.get('manifest.json')! }));
      await o.goto(`${web.server.url}search/?q=xylophonic`);
      expect(await resultIds(o.page)).toEqual(['2013-2600-para-3-9']);
      const row = o.page.locator('#results > li').first();
      expect(await row.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await o.page.locator('#results img, #results svg, #results b').count()).toBe(0);
      await row.hover();
      expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await o.close();
    }
  });

  it('still serves without JavaScript: a GET form and a way through the demands', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${web.server.url}search/`);
      const form = page.locator('form[role="search"]');
      expect(await form.getAttribute('method')).toBe('get');
      expect(await page.locator('label[for="q"]').innerText()).not.toBe('');
      expect(await page.locator('#no-js').isVisible()).toBe(true);
      const hrefs = await page.$$eval('#no-js a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(hrefs).toContain('/demands/');
      expect(hrefs.filter((h) => h?.startsWith('/themes/')).length).toBeGreaterThan(10);
      await page.fill('#q', 'torture');
      await page.selectOption('select[name="year"]', '2019');
      await Promise.all([page.waitForURL('**/search/?**'), page.press('#q', 'Enter')]);
      const u = new URL(page.url());
      expect(u.pathname).toBe('/search/');
      expect(u.searchParams.get('q')).toBe('torture');
      expect(u.searchParams.get('year')).toBe('2019');
      await page.goto(`${web.server.url}demands/`);
      // The fallback lists demands, each once (tests/browser/listings.test.ts walks to all of them).
      const cards = await page.$$eval('.demand-card', (cs) => cs.map((c) => c.getAttribute('data-demand')));
      expect(cards.length).toBeGreaterThan(0);
      expect(new Set(cards).size).toBe(cards.length);
    } finally {
      await context.close();
    }
  });
});
