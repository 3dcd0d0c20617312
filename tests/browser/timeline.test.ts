/// <reference types="node" />
// The timeline pages of the BUILT site in a real browser. Builds nothing: run `npm run build`
// first. Tests `dist` at `/` by default; to test a sub-path build, pass the same variables the
// build took: `BASE_PATH=/kz/ OUT_DIR=dist-kz vitest run tests/browser/timeline.test.ts`.
//
// What a reader must be able to do: read every event and every resolution on /timeline/ (one page
// while it fits the weight rule), follow the overview's marks to their entries, open a resolution's
// folded procedure steps, land on an event's anchor, follow an old year address to its year, and
// filter by kind or theme, all without JavaScript. Which events and resolutions exist comes from the
// downloads (data/timeline.json, data/procedures.json), not from the pages under test.
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDates } from '../../src/content/model/dates.ts';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { eventOnTimeline, landmarkOnTimeline } from '../../src/site/timeline/plan.ts';
import { launchBrowser, openPage, ROOT, serveDist, useBuiltSite, type OpenedPage } from './harness';

const DIR = process.env.OUT_DIR || 'dist';
const BASE = process.env.BASE_PATH || '/';

interface CrawledEntry {
  id: string;
  date: string;
  kind: string | undefined;
  landmark: boolean;
  /** A procedure step folded under its resolution's landmark. */
  folded: boolean;
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
          folded: !!li.parentElement!.closest('li.landmark'),
          year: Number(li.closest('section')!.querySelector('h2')!.id.slice(1)),
          themes: [...li.querySelectorAll('.themes a')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length)),
          sourced: !!li.querySelector('a.source-link'),
        })),
        prev: ((a) => (a ? new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length) : undefined))(document.querySelector('a[rel="prev"]')),
        next: ((a) => (a ? new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length) : undefined))(document.querySelector('a[rel="next"]')),
        sourceLinks: [...document.querySelectorAll('li.event a.source-link, li.event a.also-link')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length)),
        currentFilters: [...document.querySelectorAll('nav.filters a[aria-current="page"]')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length)),
        links: [...document.querySelectorAll('main a[href]')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href),
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
  let events: Array<{ id: string; date: string; kind: string; themes: string[]; title: string }>;
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
  it('loads cleanly, with the timeline current in the main navigation', async () => {
    expect(opened.response?.status()).toBe(200);
    expectClean(opened);
    expect(await opened.page.locator('h1').innerText()).toMatch(/^Timeline \d{4}–\d{4}$/);
    expect(await opened.page.locator('nav[aria-label="Main"] a[aria-current="page"]').evaluate((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length))).toBe(`${BASE}timeline/`);
  });

  it('reaches every event and every resolution from /timeline/ by plain links, each on one page', () => {
    expect(timeline.problems).toEqual([]);
    const ids = [...timeline.pages.values()].flatMap((p) => p.entries.map((e) => e.id));
    expect(new Set(ids).size, 'an entry listed twice').toBe(ids.length);
    expect([...ids].sort()).toEqual([...events.map((e) => `event-${e.id}`), ...resolutions.map((s) => `resolution-${s}`)].sort());
  });

  it('is one page holding every entry, by year; the table of years links each year’s section, with its counts', async () => {
    const page = opened.page;
    expect([...timeline.pages.keys()]).toEqual([`${BASE}timeline/`]);
    const crawled = timeline.pages.get(`${BASE}timeline/`)!;
    expect(crawled.entries.length).toBe(events.length + resolutions.length);
    const rows = await page.locator('.overview-alt tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        year: Number((tr as HTMLElement).dataset.year),
        href: ((a) => (a ? new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length) : undefined))(tr.querySelector('th a')),
        facts: Number(tr.querySelectorAll('td')[0]!.textContent),
        steps: Number(tr.querySelectorAll('td')[1]!.textContent),
        resolutions: [...tr.querySelectorAll('td')[2]!.querySelectorAll('a')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length)),
      })),
    );
    const withEntries = [...new Set(crawled.entries.map((e) => e.year))].sort();
    expect(rows.filter((r) => r.href).map((r) => r.year)).toEqual(withEntries);
    for (const r of rows) {
      const listed = crawled.entries.filter((e) => e.year === r.year);
      if (r.href) {
        expect(r.href).toBe(`${BASE}timeline/#y${r.year}`);
        expect(await page.locator(`section.year h2#y${r.year}`).count(), `${r.year}: its section`).toBe(1);
      }
      expect(r.facts + r.steps, `${r.year}: events in its section`).toBe(listed.filter((e) => !e.landmark).length);
      expect(r.resolutions, `${r.year}: resolutions`).toEqual(listed.filter((e) => e.landmark).map((e) => `${BASE}procedures/${e.id.slice('resolution-'.length)}/`));
    }
  });

  it('lists entries in date order, grouped by year, with the four resolutions as landmarks and their procedure steps folded under them', async () => {
    const entries = timeline.pages.get(`${BASE}timeline/`)!.entries;
    const top = entries.filter((e) => !e.folded);
    for (let i = 1; i < top.length; i++) {
      expect(compareDates(top[i - 1]!.date, top[i]!.date), `${top[i - 1]!.date} before ${top[i]!.date}`).toBeLessThanOrEqual(0);
    }
    for (const e of entries) expect(Number(e.date.slice(0, 4)), e.id).toBe(e.year);
    // A month-only date sorts before the days of that month (the Zhanaozen violence, December 2011).
    const dates = top.map((e) => e.date);
    expect(dates.indexOf('2011-12')).toBeGreaterThanOrEqual(0);
    expect(dates.indexOf('2011-12')).toBeLessThan(dates.indexOf('2011-12-15'));
    const landmarks = entries.filter((e) => e.landmark);
    expect(landmarks).toHaveLength(4);
    expect(landmarks[0]!.date).toBe('2013');
    // The procedure steps (key events, documents) fold under their landmark, closed: 2016 reads as one resolution and one event.
    const steps = events.filter((e) => ['key-event', 'document', 'adoption'].includes(e.kind));
    expect(entries.filter((e) => e.folded).map((e) => e.id).sort()).toEqual(steps.map((e) => `event-${e.id}`).sort());
    expect(top.filter((e) => e.year === 2016).map((e) => (e.landmark ? 'landmark' : 'event'))).toEqual(['landmark', 'event']);
    const fold = opened.page.locator('#resolution-2016-2607 details');
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await fold.locator('summary').innerText()).toMatch(/^13 procedure steps, 7–10 March 2016$/);
    expect(await fold.locator('li.event').first().isVisible()).toBe(false);
  });

  it('keeps each year address it once had: /timeline/<year>/ leads to that year on the one page', async () => {
    const years = [...new Set(timeline.pages.get(`${BASE}timeline/`)!.entries.map((e) => e.year))];
    expect(years.length).toBe(12);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const year of years) {
        await Promise.all([page.waitForURL(`**/timeline/#y${year}`), page.goto(`${server.url}timeline/${year}/`)]);
        expect(new URL(page.url()).pathname, String(year)).toBe(`${BASE}timeline/`);
        expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`y${year}`);
      }
    } finally {
      await context.close();
    }
  });

  it('opens an event at its anchor where eventOnTimeline says it is, a folded step with its fold open', async () => {
    const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
    expect(issues).toEqual([]);
    const site = buildSite(input);
    const idsAt = (url: string) => timeline.pages.get(`${BASE}${url.split('#')[0]}`)?.entries.map((e) => e.id) ?? [];
    for (const e of events) expect(idsAt(eventOnTimeline(site, e.id)!), e.id).toContain(`event-${e.id}`);
    for (const slug of resolutions) expect(idsAt(landmarkOnTimeline(site, slug)!), slug).toContain(`resolution-${slug}`);

    for (const event of [events.find((e) => e.date.startsWith('2012-'))!, events.find((e) => e.kind === 'document')!]) {
      const target = await openPage(browser, `${server.url}${eventOnTimeline(site, event.id)}`);
      try {
        expectClean(target);
        const where = await target.page.evaluate(() => ({ id: document.querySelector(':target')?.id, top: document.querySelector(':target')?.getBoundingClientRect().top }));
        expect(where.id).toBe(`event-${event.id}`);
        expect(where.top).toBeGreaterThan(-2);
        expect(where.top).toBeLessThan(200);
        expect(await target.page.locator(`#event-${event.id}`).isVisible()).toBe(true);
      } finally {
        await target.close();
      }
    }
  });

  it('draws the overview as an SVG with a title, a description and a text alternative', async () => {
    const svg = opened.page.locator('figure.overview svg');
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

  it('lets a keyboard skip the drawing’s links, and names each mark by what happened', async () => {
    const o = await openPage(browser, `${server.url}timeline/`);
    try {
      const links = o.page.locator('figure.overview a');
      const skip = links.first();
      expect(await skip.getAttribute('class')).toContain('skip-inline');
      await skip.focus();
      expect(await skip.isVisible()).toBe(true);
      expect(await skip.innerText()).toBe('Skip the drawing, to the table of years');
      await o.page.keyboard.press('Enter');
      await o.page.keyboard.press('Tab');
      // The next stop is the table of years' first link, not the drawing's first mark.
      expect(await o.page.evaluate(() => document.activeElement?.closest('table')?.id)).toBe('overview-years');
      // A mark's name says what happened, not only how many facts a date has.
      const marks = await o.page.locator('figure.overview svg a:has(rect.mark)').evaluateAll((as) => as.map((a) => ({ id: decodeURIComponent(a.getAttribute('href')!.split('#event-')[1] ?? ''), name: a.getAttribute('aria-label') ?? '' })));
      expect(marks.length).toBeGreaterThan(20);
      for (const m of marks) expect(m.name, m.id).toContain(events.find((e) => e.id === m.id)!.title);
    } finally {
      await o.close();
    }
  });

  it('makes every mark and resolution of the overview a link to its entry on the page', async () => {
    const links = await opened.page.locator('figure.overview svg a').evaluateAll((as) =>
      as.map((a) => ({ href: new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length), name: a.getAttribute('aria-label') ?? a.textContent ?? '', date: a.querySelector('rect.mark')?.getAttribute('data-date') ?? null })),
    );
    expect(links.length).toBe((await opened.page.locator('figure.overview g.marks rect.mark').count()) + 4);
    for (const l of links) {
      expect(l.href, l.name).toMatch(new RegExp(`^${BASE}timeline/#(event|resolution)-`));
      expect(l.name).not.toBe('');
      const entry = opened.page.locator(l.href.slice(l.href.indexOf('#')));
      expect(await entry.count(), l.href).toBe(1);
      if (l.date) expect(await entry.getAttribute('data-date'), l.href).toBe(l.date);
    }
    // Following a mark lands on its entry.
    const mark = opened.page.locator('figure.overview svg a:has(rect.mark)').first();
    const href = await mark.evaluate((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length));
    await mark.click();
    const hash = href.slice(href.indexOf('#'));
    expect(await opened.page.evaluate(() => location.hash)).toBe(hash);
    expect(await opened.page.locator(hash).isVisible()).toBe(true);
  });

  it('keeps the overview’s labels at least 12 px on a 390 px screen, the drawing scrolling in its own box', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}timeline/`);
      const sizes = await page.locator('figure.overview svg text').evaluateAll((texts) =>
        texts.map((t) => {
          const el = t as SVGTextElement;
          return { text: el.textContent, px: parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM()!.a };
        }),
      );
      expect(sizes.length).toBeGreaterThan(10);
      for (const s of sizes) expect(s.px, s.text ?? '').toBeGreaterThanOrEqual(12);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = await page.locator('figure.overview .svg-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll).toBeGreaterThan(box.client);
      expect(await page.locator('figure.overview .scroll-hint').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('a kind filter link leads to a page with only that kind', async () => {
    const kinds = await opened.page.locator('nav.filters a[data-kind]').evaluateAll((as) => as.map((a) => ({ kind: (a as HTMLElement).dataset.kind!, href: new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length) })));
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
      expect(await page.locator('nav.filters a', { hasText: 'Show all' }).evaluate((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length))).toBe(`${BASE}timeline/`);
      expect(await page.locator('li.landmark').count()).toBeGreaterThan(0);
      // Its table of years lists only the years with an event or a resolution, and says so.
      const rows = await page.locator('.overview-alt tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
      expect(rows.length).toBeLessThan(2021 - 2009 + 1);
      for (const r of rows) expect(r[0] !== '0' || r[1] !== '0' || r[2] !== '–', r.join(' | ')).toBe(true);
      expect(await page.locator('.overview-alt caption').innerText()).toMatch(new RegExp(`The ${2021 - 2009 + 1 - rows.length} years without any are left out\\.`));
    } finally {
      await page.close();
    }
  });

  it('every filter shows all and only its kind or theme, and works without JavaScript', async () => {
    const links = await opened.page.locator('nav.filters a[data-kind], nav.filters a[data-theme]').evaluateAll((as) =>
      as.map((a) => ({ kind: (a as HTMLElement).dataset.kind, theme: (a as HTMLElement).dataset.theme, href: new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length) })),
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

  // That each source link's fragment exists on its page is the crawl's link check (crawl.test.ts).
  it('gives every event a link to the passage it comes from, at a fragment of a page of this site', () => {
    const crawled = [...timeline.pages.values()];
    const unsourced = crawled.flatMap((p) => p.entries.filter((e) => !e.landmark && !e.sourced).map((e) => e.id));
    expect(unsourced, 'events without a source link').toEqual([]);
    for (const href of crawled.flatMap((p) => p.sourceLinks)) {
      const url = new URL(href, server.url);
      expect(url.hash, href).not.toBe('');
      expect(url.pathname.startsWith(BASE), href).toBe(true);
    }
  });
});

describe('old timeline addresses', () => {
  const web = useBuiltSite();

  it('a published event link on an old year page lands on the event on the one-page timeline, under the CSP', async () => {
    const o = await openPage(web.browser, `${web.server.url}timeline/2012/#event-pillay-visit-2012`);
    try {
      await o.page.waitForURL(/\/timeline\/#event-pillay-visit-2012$/);
      expect(await o.page.evaluate(() => document.querySelector(':target')?.id)).toBe('event-pillay-visit-2012');
      expect(o.cspViolations).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
