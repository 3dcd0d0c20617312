/// <reference types="node" />
// The timeline pages of the BUILT site in a real browser. Builds nothing: run `npm run build`
// first. Tests `dist` at `/` by default; to test a sub-path build, pass the same variables the
// build took: `BASE_PATH=/kz/ OUT_DIR=dist-kz vitest run tests/browser/timeline.test.ts`.
//
// What a reader must be able to do: from /timeline/, reach every event and every resolution by
// plain links (no JavaScript), page through the years in order, land on an event's anchor, and
// filter by kind or theme. Which events and resolutions exist comes from the downloads
// (data/timeline.json, data/procedures.json), not from the pages under test.
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDates } from '../../src/content/model/dates.ts';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { eventOnTimeline, landmarkOnTimeline } from '../../src/site/timeline/plan.ts';
import { launchBrowser, openPage, ROOT, serveDist, type OpenedPage } from './harness';

const DIR = process.env.OUT_DIR || 'dist';
const BASE = process.env.BASE_PATH || '/';

interface CrawledEntry {
  id: string;
  date: string;
  kind: string | undefined;
  landmark: boolean;
  /** The year of the section it is listed in. */
  year: number;
  themes: string[];
  /** Events: whether it links to the place that states it. */
  sourced: boolean;
}
interface CrawledPage {
  pathname: string;
  title: string;
  h1: string;
  entries: CrawledEntry[];
  prev: string | undefined;
  next: string | undefined;
  sourceLinks: string[];
  /** Filter links marked as the current page. */
  currentFilters: string[];
}

/**
 * Every page reachable by plain links from `start` (JavaScript off) whose path `within` accepts,
 * in the order first reached, with what each lists.
 */
async function crawl(context: BrowserContext, origin: string, start: string, within: (pathname: string) => boolean): Promise<{ pages: Map<string, CrawledPage>; problems: string[] }> {
  const page = await context.newPage();
  const pages = new Map<string, CrawledPage>();
  const problems: string[] = [];
  const queue = [start];
  try {
    while (queue.length) {
      const pathname = queue.shift()!;
      if (pages.has(pathname)) continue;
      const res = await page.goto(origin + pathname);
      if (res?.status() !== 200) problems.push(`${pathname}: HTTP ${res?.status()}`);
      const found = await page.evaluate(() => ({
        title: document.title,
        h1: document.querySelector('h1')?.textContent?.trim() ?? '',
        entries: [...document.querySelectorAll('section.year li.event, section.year li.landmark')].map((li) => ({
          id: li.id,
          date: (li as HTMLElement).dataset.date!,
          kind: (li as HTMLElement).dataset.kind,
          landmark: li.classList.contains('landmark'),
          year: Number(li.closest('section')!.querySelector('h2')!.id.slice(1)),
          themes: [...li.querySelectorAll('a')].filter((a) => a.closest('.themes')).map((a) => a.pathname),
          sourced: !!li.querySelector('a.source-link'),
        })),
        prev: document.querySelector<HTMLAnchorElement>('a[rel="prev"]')?.pathname ?? undefined,
        next: document.querySelector<HTMLAnchorElement>('a[rel="next"]')?.pathname ?? undefined,
        sourceLinks: [...document.querySelectorAll<HTMLAnchorElement>('li.event a.source-link, li.event a.also-link')].map((a) => a.pathname + a.hash),
        currentFilters: [...document.querySelectorAll<HTMLAnchorElement>('nav.filters a[aria-current="page"]')].map((a) => a.pathname),
        links: [...document.querySelectorAll('main a[href]')].map((a) => (a as HTMLAnchorElement).href),
      }));
      pages.set(pathname, { pathname, ...found });
      for (const href of found.links) {
        const url = new URL(href);
        if (url.origin === origin && within(url.pathname) && !pages.has(url.pathname)) queue.push(url.pathname);
      }
    }
  } finally {
    await page.close();
  }
  return { pages, problems };
}

describe(`timeline: ${DIR} (base ${BASE})`, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let opened: OpenedPage;
  let events: Array<{ id: string; date: string; kind: string; themes: string[] }>;
  let resolutions: string[];
  /** The unfiltered timeline: /timeline/ and every page reached from it that is not a filter. */
  let timeline: Awaited<ReturnType<typeof crawl>>;
  const isTimelinePage = (pathname: string) => pathname.startsWith(`${BASE}timeline/`) && /^(\d{4}\/(\d+\/)?)?$/.test(pathname.slice(`${BASE}timeline/`.length));

  beforeAll(async () => {
    server = await serveDist(DIR, BASE);
    browser = await launchBrowser();
    opened = await openPage(browser, `${server.url}timeline/`);
    events = await (await fetch(`${server.url}data/timeline.json`)).json();
    resolutions = ((await (await fetch(`${server.url}data/procedures.json`)).json()) as Array<{ slug: string }>).map((p) => p.slug);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      timeline = await crawl(context, server.origin, `${BASE}timeline/`, isTimelinePage);
    } finally {
      await context.close();
    }
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
  /** The year pages in reading order: the first year page, then rel="next" to the end. */
  const readingOrder = () => {
    const years = [...timeline.pages.values()].filter((p) => p.pathname !== `${BASE}timeline/`);
    const first = years.find((p) => !p.prev);
    const order: CrawledPage[] = [];
    for (let p = first; p; p = p.next ? timeline.pages.get(new URL(p.next, server.origin).pathname) : undefined) order.push(p);
    return order;
  };

  it('loads cleanly, with the timeline current in the main navigation', async () => {
    expect(opened.response?.status()).toBe(200);
    expectClean(opened);
    expect(await opened.page.locator('h1').innerText()).toMatch(/^Timeline \d{4}–\d{4}$/);
    expect(await opened.page.locator('nav[aria-label="Main"] a[aria-current="page"]').evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`${BASE}timeline/`);
  });

  it('reaches every event and every resolution from /timeline/ by plain links, each on one page', () => {
    expect(timeline.problems).toEqual([]);
    const ids = [...timeline.pages.values()].flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(ids).size, 'an entry listed twice').toBe(ids.length);
    expect([...ids].sort()).toEqual([...events.map((e) => `event-${e.id}`), ...resolutions.map((s) => `resolution-${s}`)].sort());
  });

  it('is an index of years: each year with entries links to its page, with its counts', async () => {
    const page = opened.page;
    expect(await page.locator('li.event, li.landmark').count(), 'no entries on the index').toBe(0);
    const rows = await page.locator('.overview-alt tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        year: Number((tr as HTMLElement).dataset.year),
        href: tr.querySelector<HTMLAnchorElement>('th a')?.pathname,
        facts: Number(tr.querySelectorAll('td')[0]!.textContent),
        steps: Number(tr.querySelectorAll('td')[1]!.textContent),
        resolutions: [...tr.querySelectorAll('td')[2]!.querySelectorAll('a')].map((a) => a.pathname),
      })),
    );
    const crawled = [...timeline.pages.values()];
    const byYear = (year: number) => crawled.filter((p) => p.entries.some((e) => e.year === year)).flatMap((p) => p.entries);
    const withEntries = [...new Set(crawled.flatMap((p) => p.entries.map((e) => e.year)))].sort();
    expect(rows.filter((r) => r.href).map((r) => r.year)).toEqual(withEntries);
    for (const r of rows) {
      const listed = byYear(r.year);
      if (r.href) expect(r.href).toBe(`${BASE}timeline/${r.year}/`);
      expect(r.facts + r.steps, `${r.year}: events on its pages`).toBe(listed.filter((e) => !e.landmark).length);
      expect(r.resolutions, `${r.year}: resolutions`).toEqual(listed.filter((e) => e.landmark).map((e) => `${BASE}procedures/${e.id.slice('resolution-'.length)}/`));
    }
    // An old link to a year of the one-page timeline still lands on that year.
    expect(await page.locator(`#y${withEntries[0]} a`).evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`${BASE}timeline/${withEntries[0]}/`);
  });

  it('lists entries in date order across the year pages, grouped by year, with the four resolutions as landmarks', () => {
    const order = readingOrder();
    expect(order.length).toBe(timeline.pages.size - 1);
    const entries = order.flatMap((p) => p.entries);
    for (let i = 1; i < entries.length; i++) {
      expect(compareDates(entries[i - 1]!.date, entries[i]!.date), `${entries[i - 1]!.date} before ${entries[i]!.date}`).toBeLessThanOrEqual(0);
    }
    for (const p of order) {
      const year = Number(p.pathname.slice(`${BASE}timeline/`.length, `${BASE}timeline/`.length + 4));
      for (const e of p.entries) {
        expect(e.year, p.pathname).toBe(year);
        expect(Number(e.date.slice(0, 4)), e.id).toBe(year);
      }
    }
    // A month-only date sorts before the days of that month (the Zhanaozen violence, December 2011).
    const dates = entries.map((e) => e.date);
    expect(dates.indexOf('2011-12')).toBeGreaterThanOrEqual(0);
    expect(dates.indexOf('2011-12')).toBeLessThan(dates.indexOf('2011-12-15'));
    const landmarks = entries.filter((e) => e.landmark);
    expect(landmarks).toHaveLength(4);
    expect(landmarks[0]!.date).toBe('2013');
  });

  it('pages through the years with previous/next links, each page titled with its year', async () => {
    const order = readingOrder();
    for (let i = 0; i < order.length; i++) {
      const p = order[i]!;
      expect(p.prev && new URL(p.prev, server.origin).pathname, `${p.pathname} prev`).toBe(order[i - 1]?.pathname);
      expect(p.next && new URL(p.next, server.origin).pathname, `${p.pathname} next`).toBe(order[i + 1]?.pathname);
      const year = p.pathname.slice(`${BASE}timeline/`.length, `${BASE}timeline/`.length + 4);
      expect(p.h1).toMatch(new RegExp(`^Timeline ${year}(, part \\d+ of \\d+)?$`));
      expect(p.title).toContain(`Timeline ${year}`);
    }
    expect(new Set(order.map((p) => p.title)).size).toBe(order.length);

    const page = await openPage(browser, server.origin + order[1]!.pathname);
    try {
      expectClean(page);
      expect(await page.page.locator('main p.meta a').first().evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`${BASE}timeline/`);
      expect(await page.page.locator('nav[aria-label="Years"] a[aria-current="page"]').evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(order[1]!.pathname);
      await Promise.all([page.page.waitForURL(`**${order[2]!.pathname}`), page.page.locator('a[rel="next"]').click()]);
      await Promise.all([page.page.waitForURL(`**${order[1]!.pathname}`), page.page.locator('a[rel="prev"]').click()]);
    } finally {
      await page.close();
    }
  });

  it('opens an event at its anchor on its year page, where eventOnTimeline says it is', async () => {
    const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
    expect(issues).toEqual([]);
    const site = buildSite(input);
    const idsAt = (url: string) => timeline.pages.get(`${BASE}${url.split('#')[0]}`)?.entries.map((e) => e.id) ?? [];
    for (const e of events) expect(idsAt(eventOnTimeline(site, e.id)!), e.id).toContain(`event-${e.id}`);
    for (const slug of resolutions) expect(idsAt(landmarkOnTimeline(site, slug)!), slug).toContain(`resolution-${slug}`);

    const event = events.find((e) => e.date.startsWith('2012-'))!;
    const target = await openPage(browser, `${server.url}${eventOnTimeline(site, event.id)}`);
    try {
      expectClean(target);
      const where = await target.page.evaluate(() => ({ id: document.querySelector(':target')?.id, top: document.querySelector(':target')?.getBoundingClientRect().top }));
      expect(where.id).toBe(`event-${event.id}`);
      expect(where.top).toBeLessThan(200);
    } finally {
      await target.close();
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
    const kinds = await opened.page.locator('nav.filters a[data-kind]').evaluateAll((as) => as.map((a) => ({ kind: (a as HTMLElement).dataset.kind!, href: (a as HTMLAnchorElement).pathname })));
    expect(kinds.length).toBeGreaterThan(3);
    const court = kinds.find((k) => k.kind === 'court') ?? kinds[0]!;
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}timeline/`);
      await Promise.all([page.waitForURL(`**${court.href}`), page.locator(`nav.filters a[data-kind="${court.kind}"]`).click()]);
      const shown = await page.locator('li.event').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.kind));
      expect(shown).toHaveLength(events.filter((e) => e.kind === court.kind).length);
      expect(new Set(shown)).toEqual(new Set([court.kind]));
      expect(await page.locator('nav.filters a[aria-current="page"]').getAttribute('data-kind')).toBe(court.kind);
      expect(await page.locator('nav.filters a', { hasText: 'Show all' }).evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`${BASE}timeline/`);
      expect(await page.locator('li.landmark').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('every filter shows all and only its kind or theme, and works without JavaScript', async () => {
    const links = await opened.page.locator('nav.filters a[data-kind], nav.filters a[data-theme]').evaluateAll((as) =>
      as.map((a) => ({ kind: (a as HTMLElement).dataset.kind, theme: (a as HTMLElement).dataset.theme, href: (a as HTMLAnchorElement).pathname })),
    );
    const context = await browser.newContext({ javaScriptEnabled: false });
    const problems: string[] = [];
    try {
      for (const l of links) {
        // The filter's page, and its year pages if it has any.
        const { pages, problems: p } = await crawl(context, server.origin, l.href, (pathname) => pathname.startsWith(l.href) && /^(\d{4}\/(\d+\/)?)?$/.test(pathname.slice(l.href.length)));
        problems.push(...p);
        const shown = [...pages.values()].flatMap((pg) => pg.entries.filter((e) => !e.landmark));
        const expected = events.filter((e) => (l.kind ? e.kind === l.kind : e.themes.includes(l.theme!)));
        if (shown.map((e) => e.id).sort().join() !== expected.map((e) => `event-${e.id}`).sort().join()) problems.push(`${l.href}: shows ${shown.length} events, ${expected.length} expected`);
        for (const e of shown) {
          if (l.kind && e.kind !== l.kind) problems.push(`${l.href}: an event of kind ${e.kind}`);
          if (l.theme && !e.themes.some((h) => h.endsWith(`/themes/${l.theme}/`))) problems.push(`${l.href}: an event without the theme`);
        }
        const current = pages.get(l.href)?.currentFilters ?? [];
        if (current.length !== 1 || current[0] !== l.href) problems.push(`${l.href}: aria-current on ${current.join(', ')}`);
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it("every event's source link resolves to an element with that id on the target page", async () => {
    const crawled = [...timeline.pages.values()];
    const links = crawled.flatMap((p) => p.sourceLinks);
    const byPage = new Map<string, Set<string>>();
    for (const href of links) {
      const url = new URL(href, server.url);
      expect(url.hash, href).not.toBe('');
      expect(url.pathname.startsWith(BASE), href).toBe(true);
      const ids = byPage.get(url.pathname) ?? new Set<string>();
      ids.add(decodeURIComponent(url.hash.slice(1)));
      byPage.set(url.pathname, ids);
    }
    const unsourced = crawled.flatMap((p) => p.entries.filter((e) => !e.landmark && !e.sourced).map((e) => e.id));
    expect(unsourced, 'events without a source link').toEqual([]);
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
