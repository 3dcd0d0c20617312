/// <reference types="node" />
// The listings a reader without JavaScript walks: every demand is reachable from /demands/ by
// following plain links, every resolution from the home page, each theme's year counts lead to
// exactly that year's demands, and the counts the pages state match what they list.
//
// Runs on dist/ and the real content. To check a larger build (e.g. one kept by
// `scripts/bench-build.mjs --keep`), point it at that build and its corpus:
//   LISTINGS_DIST=/tmp/bench-build-200-…/dist LISTINGS_CONTENT=/tmp/bench-build-200-…/corpus npx vitest run --project browser tests/browser/listings.test.ts
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, useBuiltSite } from './harness';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { DEMAND_ORDER, HOME_RESOLUTIONS, newestFirst } from '../../src/site/listings.ts';
import { yearRange } from '../../src/site/timeline/timeline.ts';

const DIST = process.env.LISTINGS_DIST ?? 'dist';
// A synthetic build has hundreds of listing pages to walk.
const TIMEOUT = process.env.LISTINGS_DIST ? 900_000 : 60_000;
const site = buildSite(loadContent(process.env.LISTINGS_CONTENT ?? path.join(ROOT, 'content'), ROOT).input);

/**
 * Breadth-first walk from `start` through the links of each page's main content whose path
 * `within` accepts, calling `visit` on every page reached once. Returns the paths in visit order.
 */
async function walk(page: Page, start: string, within: (pathname: string) => boolean, visit: (pathname: string) => Promise<void>): Promise<string[]> {
  const origin = new URL(start).origin;
  const queue = [new URL(start).pathname];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const response = await page.goto(origin + queue[i]!, { waitUntil: 'load' });
    expect(response?.status(), queue[i]).toBe(200);
    await visit(queue[i]!);
    const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href));
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== origin || !within(u.pathname) || seen.has(u.pathname)) continue;
      seen.add(u.pathname);
      queue.push(u.pathname);
    }
  }
  return queue;
}

const count = (text: string, re: RegExp) => Number(re.exec(text.replace(/,/g, ''))?.[1] ?? NaN);

describe('listings without JavaScript', () => {
  const web = useBuiltSite(DIST, '/');

  async function noJsPage() {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    return { context, page: await context.newPage() };
  }

  it('reaches every demand exactly once from /demands/, with the counts the pages state', async () => {
    const { context, page } = await noJsPage();
    try {
      const listed: string[] = [];
      const titles: string[] = [];
      const problems: string[] = [];
      await walk(page, `${web.server.url}demands/`, (p) => p.startsWith('/demands/'), async (p) => {
        titles.push(await page.title());
        expect(await page.locator('h1').count()).toBe(1);
        listed.push(...(await page.$$eval('main .demand-card', (cs) => cs.map((c) => c.getAttribute('data-demand')!))));
        // A resolution's heading states how many of its demands follow (when it is not cut between parts).
        for (const section of await page.locator('main section[aria-labelledby^="r-"]').all()) {
          const meta = await section.locator(':scope > .meta').innerText();
          const cards = await section.locator('.demand-card').count();
          const stated = /of its/.test(meta) ? count(meta, /^(\d+) of its/) : count(meta, /^(\d+) demands?/);
          if (stated !== cards) problems.push(`${p}: "${meta}" but ${cards} cards`);
        }
        if (p === '/demands/') expect(count(await page.locator('.lede').innerText(), /^(\d+) demands?/)).toBe(site.demands.length);
      });
      expect(problems).toEqual([]);
      expect(listed.length).toBe(site.demands.length);
      expect(new Set(listed)).toEqual(new Set(site.demands.map((d) => d.id)));
      expect(new Set(titles).size).toBe(titles.length);
    } finally {
      await context.close();
    }
  }, TIMEOUT);

  it('reaches every resolution from the home page, which shows the newest ones first', async () => {
    const { context, page } = await noJsPage();
    try {
      await page.goto(web.server.url);
      const refs = await page.$$eval('#resolutions ~ ol .meta .ref', (s) => s.map((x) => x.textContent));
      expect(refs).toEqual(newestFirst(site).slice(0, HOME_RESOLUTIONS).map((p) => p.reference));
      const { from, to } = yearRange(site);
      expect(await page.$$eval('main a[href]', (as) => as.filter((a) => (a as HTMLAnchorElement).pathname === '/timeline/').map((a) => (a as HTMLElement).innerText))).toEqual([`Timeline ${from}–${to}`]);

      const reached = new Set<string>();
      await walk(page, web.server.url, (p) => p === '/' || p.startsWith('/resolutions/'), async () => {
        for (const href of await page.$$eval('main a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
          const slug = /^\/procedures\/([^/]+)\/$/.exec(href)?.[1];
          if (slug) reached.add(slug);
        }
      });
      expect([...reached].sort()).toEqual(site.procedures.map((p) => p.slug).sort());
    } finally {
      await context.close();
    }
  }, TIMEOUT);

  it('leads from each theme\'s count for a year to exactly that year\'s demands on the theme', async () => {
    const { context, page } = await noJsPage();
    try {
      const problems: string[] = [];
      for (const theme of site.themes) {
        const base = `/themes/${theme.id}/`;
        await page.goto(web.server.url + base.slice(1));
        const rows = await page.$$eval('main table tbody tr', (trs) =>
          trs.map((tr) => ({ year: Number(tr.querySelector('th')!.textContent), link: ((a) => a && a.pathname + a.hash)(tr.querySelector<HTMLAnchorElement>('td:last-child a')), text: tr.querySelector('td:last-child')!.textContent!.trim() })),
        );
        for (const row of rows) {
          const expected = site.demands.filter((d) => d.themes.includes(theme.id) && d.year === row.year).map((d) => d.id).sort();
          if (!row.link) {
            if (expected.length) problems.push(`${base} ${row.year}: no link but ${expected.length} demands`);
            continue;
          }
          let ids: string[] = [];
          if (row.link.includes('#')) {
            ids = await page.$$eval(`[id="y${row.year}"] .demand-card`, (cs) => cs.map((c) => c.getAttribute('data-demand')!));
          } else {
            // The year page and its parts, reached through the parts list.
            const yearPath = row.link;
            await walk(page, web.server.url + yearPath.slice(1), (p) => p.startsWith(yearPath), async () => {
              ids.push(...(await page.$$eval('main .demand-card', (cs) => cs.map((c) => c.getAttribute('data-demand')!))));
            });
            await page.goto(web.server.url + base.slice(1));
          }
          if (Number(row.text) !== expected.length) problems.push(`${base} ${row.year}: says ${row.text}, model has ${expected.length}`);
          if (ids.sort().join() !== expected.join()) problems.push(`${base} ${row.year}: lists ${ids.length}, expected ${expected.length}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, TIMEOUT);

  it('shows the theme matrix by year, each count linking to that year\'s demands on the theme', async () => {
    const { context, page } = await noJsPage();
    try {
      await page.goto(`${web.server.url}themes/`);
      const years = await page.$$eval('.theme-matrix thead th', (ths) => ths.slice(1).map((th) => Number(th.textContent)));
      expect(years).toEqual([...new Set(site.procedures.map((p) => p.year))].sort((a, b) => a - b));
      const cells = await page.$$eval('.theme-matrix tbody tr', (trs) =>
        trs.map((tr) => ({
          theme: tr.querySelector<HTMLAnchorElement>('th a')!.pathname,
          counts: [...tr.querySelectorAll('td')].map((td) => ({ n: Number(td.querySelector('a')?.textContent ?? 0), href: ((a) => a && a.pathname + a.hash)(td.querySelector('a')) })),
        })),
      );
      expect(cells.map((c) => c.theme)).toEqual(site.themes.map((t) => `/themes/${t.id}/`));
      for (const [i, row] of cells.entries()) {
        const t = site.themes[i]!;
        expect(row.counts.map((c) => c.n)).toEqual(years.map((y) => site.demands.filter((d) => d.year === y && d.themes.includes(t.id)).length));
        for (const [j, c] of row.counts.entries()) if (c.n) expect(c.href).toMatch(new RegExp(`^/themes/${t.id}/(#y${years[j]}|${years[j]}/)$`));
      }
    } finally {
      await context.close();
    }
  }, TIMEOUT);

  it('reads every list of demands in one order, newest resolution first, and says so', async () => {
    const { context, page } = await noJsPage();
    try {
      const order = newestFirst(site).map((p) => p.reference);
      const problems: string[] = [];
      for (const path of ['demands/', ...site.themes.map((t) => `themes/${t.id}/`)]) {
        await page.goto(web.server.url + path);
        if (!(await page.locator('main').innerText()).includes(DEMAND_ORDER)) problems.push(`${path}: does not say "${DEMAND_ORDER}"`);
        const refs = await page.$$eval('main section[aria-labelledby^="r-"] h2 .ref, main section[aria-labelledby^="r-"] h3 .ref', (rs) => rs.map((r) => r.textContent!));
        const expected = order.filter((r) => refs.includes(r));
        if (refs.join() !== expected.join()) problems.push(`${path}: ${refs.join(', ')}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, TIMEOUT);
});
