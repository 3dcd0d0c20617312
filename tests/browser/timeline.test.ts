/// <reference types="node" />
// The timeline pages of the BUILT site in a real browser. Builds nothing: run `npm run build`
// first. Tests `dist` at `/` by default; to test a sub-path build, pass the same variables the
// build took: `BASE_PATH=/kz/ OUT_DIR=dist-kz vitest run tests/browser/timeline.test.ts`.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDates } from '../../src/lib/model/dates.ts';
import { launchBrowser, openPage, serveDist, type OpenedPage } from './harness';

const DIR = process.env.OUT_DIR || 'dist';
const BASE = process.env.BASE_PATH || '/';

describe(`timeline: ${DIR} (base ${BASE})`, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let opened: OpenedPage;

  beforeAll(async () => {
    server = await serveDist(DIR, BASE);
    browser = await launchBrowser();
    opened = await openPage(browser, `${server.url}timeline/`);
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await server?.close();
  });

  const expectClean = (o: OpenedPage) => {
    expect(o.consoleErrors, 'console errors').toEqual([]);
    expect(o.pageErrors, 'page errors').toEqual([]);
    expect(o.cspViolations, 'CSP violations').toEqual([]);
    expect(o.failedRequests, 'failed requests').toEqual([]);
    expect(o.externalRequests, 'third-party requests').toEqual([]);
  };

  it('loads cleanly, with the timeline current in the main navigation', async () => {
    expect(opened.response?.status()).toBe(200);
    expectClean(opened);
    expect(await opened.page.locator('h1').innerText()).toMatch(/^Timeline \d{4}–\d{4}$/);
    expect(await opened.page.locator('nav[aria-label="Main"] a[aria-current="page"]').getAttribute('href')).toBe(`${BASE}timeline/`);
  });

  it('lists events in order, grouped by year, with the four resolutions as landmarks', async () => {
    const page = opened.page;
    const years = await page.locator('section.year > h2').evaluateAll((hs) => hs.map((h) => Number(h.id.slice(1))));
    expect(years.length).toBeGreaterThan(5);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const entries = await page.locator('section.year li.event, section.year li.landmark').evaluateAll((lis) =>
      lis.map((li) => ({ date: (li as HTMLElement).dataset.date!, year: Number(li.closest('section')!.querySelector('h2')!.id.slice(1)), landmark: li.classList.contains('landmark') })),
    );
    expect(entries.filter((e) => !e.landmark).length).toBeGreaterThan(30);
    for (let i = 1; i < entries.length; i++) {
      expect(compareDates(entries[i - 1]!.date, entries[i]!.date), `${entries[i - 1]!.date} before ${entries[i]!.date}`).toBeLessThanOrEqual(0);
    }
    for (const e of entries) expect(Number(e.date.slice(0, 4))).toBe(e.year);
    // A month-only date sorts before the days of that month (the Zhanaozen violence, December 2011).
    const dates = entries.map((e) => e.date);
    expect(dates.indexOf('2011-12')).toBeGreaterThanOrEqual(0);
    expect(dates.indexOf('2011-12')).toBeLessThan(dates.indexOf('2011-12-15'));

    const landmarks = page.locator('li.landmark');
    expect(await landmarks.count()).toBe(4);
    const first = landmarks.first();
    expect(await first.getAttribute('data-date')).toBe('2013');
    expect(await first.innerText()).toContain('adoption date not stated in the sources');
    for (const href of await landmarks.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(href).toMatch(new RegExp(`^${BASE}procedures/\\d{4}-\\d{4}/$`));
    }
  });

  it('draws the overview as an SVG image with a title, a description and a text alternative', async () => {
    const svg = opened.page.locator('figure.overview svg[role="img"]');
    expect(await svg.count()).toBe(1);
    const { title, desc, labelledBy } = await svg.evaluate((el) => ({
      title: el.querySelector(':scope > title')?.textContent ?? '',
      desc: el.querySelector(':scope > desc')?.textContent ?? '',
      labelledBy: (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
    }));
    expect(title).toMatch(/^Overview of the timeline, \d{4}–\d{4}$/);
    expect(desc).toContain('2013/2600(RSP)');
    expect(labelledBy).toEqual([title, desc]);
    expect(await svg.locator('.landmark').count()).toBe(4);
    expect(await svg.locator('rect.mark[data-date]').count()).toBeGreaterThan(20);
    const rows = await opened.page.locator('.overview-alt table tbody tr').count();
    expect(rows).toBe(2021 - 2009 + 1);
  });

  it('a kind filter link leads to a page with only that kind', async () => {
    const kinds = await opened.page.locator('nav.filters a[data-kind]').evaluateAll((as) => as.map((a) => ({ kind: (a as HTMLElement).dataset.kind!, href: a.getAttribute('href')! })));
    expect(kinds.length).toBeGreaterThan(3);
    const court = kinds.find((k) => k.kind === 'court') ?? kinds[0]!;
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}timeline/`);
      await Promise.all([page.waitForURL(`**${court.href}`), page.locator(`nav.filters a[data-kind="${court.kind}"]`).click()]);
      const shown = await page.locator('li.event').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.kind));
      expect(shown.length).toBeGreaterThan(0);
      expect(new Set(shown)).toEqual(new Set([court.kind]));
      expect(await page.locator('nav.filters a[aria-current="page"]').getAttribute('data-kind')).toBe(court.kind);
      expect(await page.locator('nav.filters a', { hasText: 'Show all' }).getAttribute('href')).toBe(`${BASE}timeline/`);
      expect(await page.locator('li.landmark').count()).toBe(4);
    } finally {
      await page.close();
    }
  });

  it('every filter page shows only its kind or theme, and works without JavaScript', async () => {
    const links = await opened.page.locator('nav.filters a[data-kind], nav.filters a[data-theme]').evaluateAll((as) =>
      as.map((a) => ({ kind: (a as HTMLElement).dataset.kind, theme: (a as HTMLElement).dataset.theme, href: a.getAttribute('href')! })),
    );
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      for (const l of links) {
        const res = await page.goto(server.origin + l.href);
        if (res?.status() !== 200) problems.push(`${l.href}: HTTP ${res?.status()}`);
        const events = await page.locator('li.event').evaluateAll((lis) =>
          lis.map((li) => ({ kind: (li as HTMLElement).dataset.kind, themes: [...li.querySelectorAll('.themes a')].map((a) => a.getAttribute('href')!) })),
        );
        if (!events.length) problems.push(`${l.href}: no events`);
        for (const e of events) {
          if (l.kind && e.kind !== l.kind) problems.push(`${l.href}: an event of kind ${e.kind}`);
          if (l.theme && !e.themes.some((h) => h.endsWith(`/themes/${l.theme}/`))) problems.push(`${l.href}: an event without the theme`);
        }
        const current = await page.locator('nav.filters a[aria-current="page"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        if (current.length !== 1 || current[0] !== l.href) problems.push(`${l.href}: aria-current on ${current.join(', ')}`);
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it("every event's source link resolves to an element with that id on the target page", async () => {
    const links = await opened.page.locator('li.event a.source-link, li.event a.also-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const events = await opened.page.locator('li.event').count();
    expect(await opened.page.locator('li.event a.source-link').count()).toBe(events);
    const byPage = new Map<string, Set<string>>();
    for (const href of links) {
      const url = new URL(href, server.url);
      expect(url.hash, href).not.toBe('');
      expect(url.pathname.startsWith(BASE), href).toBe(true);
      const ids = byPage.get(url.pathname) ?? new Set<string>();
      ids.add(decodeURIComponent(url.hash.slice(1)));
      byPage.set(url.pathname, ids);
    }
    const target = await openPage(browser, server.url);
    const missing: string[] = [];
    try {
      for (const [pathname, ids] of byPage) {
        const res = await target.goto(server.origin + pathname);
        expect(res?.status(), pathname).toBe(200);
        const found = await target.page.evaluate((list) => list.filter((id) => document.getElementById(id)), [...ids]);
        for (const id of ids) if (!found.includes(id)) missing.push(`${pathname}#${id}`);
      }
      // Only errors here: a favicon fetch cut short by the next navigation is not a failure.
      expect(target.consoleErrors, 'console errors').toEqual([]);
      expect(target.pageErrors, 'page errors').toEqual([]);
    } finally {
      await target.close();
    }
    expect(missing).toEqual([]);
  });
});
