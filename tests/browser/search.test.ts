/// <reference types="node" />
// The search page through Chromium against the built site: what results say and link, names never
// passed off as other names, other scripts, paging, facets and the URL, hostile input, the page
// without JavaScript, and a sub-path build. Few page loads: each test types its queries into one page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distPath, openPage, ROOT, serveDist, useBuiltSite } from './harness';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { toSearchDocs } from '../../src/search/docs.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { sourceKindInline } from '../../src/site/labels.ts';
import type { SearchDoc } from '../../src/search/types.ts';

const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/search-queries.json'), 'utf8')) as {
  queries: Array<{ q: string; mustFind: string[]; as?: 'suggestion' }>;
};

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe (WCAG 2.2 AA) on the page as it is now, in one colour scheme: the violations, one line each. */
async function axeViolations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<Result> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Waits until the status region reports on the query in the box, then returns the result ids, in order. */
async function resultIds(page: Page, list = '#results'): Promise<string[]> {
  await page.waitForFunction(() => {
    const s = document.getElementById('status')?.textContent ?? '';
    return s !== '' && !/^(Search needs JavaScript|Searching…)/.test(s);
  });
  await page.waitForTimeout(30);
  return page.$$eval(`${list} > li`, (lis) => lis.map((li) => li.getAttribute('data-id')!));
}

/** Types a query into the box and submits it (no page load), then returns the result ids once the status reports on it. */
async function search(page: Page, q: string, list = '#results'): Promise<string[]> {
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  await page.waitForFunction((quoted) => document.getElementById('status')!.textContent!.includes(quoted), `“${q.trim()}”`);
  return resultIds(page, list);
}

describe('search page', () => {
  const web = useBuiltSite('dist', '/');

  it("the demand listings' search box searches demands only (on a theme's page, that theme's)", async () => {
    const o = await openPage(web.browser, `${web.server.url}demands/`);
    try {
      await o.page.fill('#demand-search', 'Zhanaozen');
      await Promise.all([o.page.waitForURL(/\/search\/\?what=demand&q=Zhanaozen$/), o.page.press('#demand-search', 'Enter')]);
      const ids = await resultIds(o.page);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => !id.includes('#') && !id.includes(':'))).toBe(true); // demand ids only
      await o.goto(`${web.server.url}themes/torture-detention/`);
      await o.page.fill('#demand-search', 'torture');
      await Promise.all([o.page.waitForURL(/\/search\/\?what=demand&theme=torture-detention&q=torture$/), o.page.press('#demand-search', 'Enter')]);
      const themed = await resultIds(o.page);
      expect(themed.length).toBeGreaterThan(0);
      const docs = new Map(toSearchDocs(buildSite(loadContent().input)).map((d) => [d.id, d]));
      for (const id of themed) expect(docs.get(id)?.themes, id).toContain('torture-detention');
    } finally {
      await o.close();
    }
  });

  it('finds every kind of item, demands first, and never passes another name off as a match', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=Zhanaozen`);
    try {
      const page = o.page;
      // A place name: demands first, then recitals and events, each saying what it is and linking its permalink.
      const ids = await resultIds(page);
      expect(await page.locator('#status').innerText()).toMatch(/^\d+ results for “Zhanaozen”\.$/);
      const whats = await page.$$eval('#results > li', (lis) => lis.map((li) => li.getAttribute('data-what')));
      expect(whats[0]).toBe('demand');
      expect(whats.slice(whats.lastIndexOf('demand') + 1)).not.toContain('demand');
      expect(whats).toContain('recital');
      expect(whats).toContain('event');
      const demand = page.locator('#results > li[data-id="2019-2610-summary-6-5-1"]');
      expect(await demand.locator('.badge').innerText()).toMatch(/^demand$/i);
      expect(await demand.locator('.result-head a').getAttribute('href')).toBe('/procedures/2019-2610/#demand-2019-2610-summary-6-5-1');
      expect(await demand.locator('.result-head').innerText()).toContain(sourceKindInline.summary);
      expect(await demand.locator('.lead-in').innerText()).toBe('The resolution urged the government of Kazakhstan to:');
      expect(await demand.locator('.why').innerText()).toContain('“Zhanaozhen”'); // the similar spelling is said, not hidden
      expect(await page.locator('#results > li[data-id="2013-2600#recital-d"] .result-head a').getAttribute('href')).toBe('/procedures/2013-2600/#recital-d');
      expect(await page.locator('#results > li[data-id="event:zhanaozen-violence"] .result-head a').getAttribute('href')).toMatch(/^\/timeline\/.*#event-zhanaozen-violence$/);
      expect(ids).toContain('event:zhanaozen-violence');

      // A name the texts never print: no result, and the similar name only as a labelled suggestion.
      expect(await search(page, 'Ablyazov')).toEqual([]);
      expect(await page.locator('#status').innerText()).toMatch(/^No exact match for “Ablyazov”\. Similar: Blyalov \(\d+\)\.$/);
      expect(await page.locator('#status a').getAttribute('href')).toBe('./?q=Blyalov');
      expect(await page.locator('#suggestions').isVisible()).toBe(true);
      expect(await page.locator('#suggestions h2').innerText()).toBe('Results for the similar spelling “Blyalov”, not for “Ablyazov”');
      expect(await resultIds(page, '#suggested')).toContain('person:bolatbek-blyalov');
      // A person is quoted as the people pages quote them: the role after the words that frame it.
      const person = page.locator('#suggested > li[data-id="person:bolatbek-blyalov"]');
      expect(await person.locator('.text').innerText()).toBe('Named among “activists”');
      expect(await person.locator('.meta').first().innerText()).toBe('In 2016/2607(RSP), motion, paragraph 4');
      expect(await page.locator('#what-bar').isVisible()).toBe(false);

      // A Cyrillic name returns the same results as its Latin twin, in the same order.
      const latin = await search(page, 'Kozlov');
      expect(await page.locator('#suggestions').isVisible()).toBe(false);
      expect(await search(page, 'Козлов')).toEqual(latin);
      expect(await search(page, 'Жаңаөзен')).toEqual(ids);

      // Nothing to search for: said so, no results.
      for (const q of ['.*+?(', '-- !']) {
        expect(await search(page, q)).toEqual([]);
        expect(await page.locator('#status').innerText()).toBe(`“${q}” has no letters or numbers to search for. Type a word, a name or a number of two characters or more.`);
      }
      // Nothing found: a way on.
      expect(await search(page, 'zzqxv')).toEqual([]);
      expect(await page.locator('#status').innerText()).toMatch(/^No results for “zzqxv”/);
      expect(await page.locator('#status a').evaluate((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length))).toBe('/demands/');

      // The labelled set, through the real page.
      const misses: string[] = [];
      for (const { q, mustFind, as } of queries) {
        const found = await search(page, q, as === 'suggestion' ? '#suggested' : '#results');
        if (as === 'suggestion') expect(await page.locator('#results > li').count()).toBe(0);
        for (const id of mustFind) if (!found.includes(id)) misses.push(`${q} → ${id}`);
      }
      expect(misses).toEqual([]);
      expect(o.consoleErrors).toEqual([]);
      expect(o.cspViolations).toEqual([]);
      expect(o.externalRequests).toEqual([]);
      expect(o.failedRequests).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('a malformed shared link (?q=%E0%A4%A) says there is nothing to search for', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=%E0%A4%A`);
    try {
      expect(await resultIds(o.page)).toEqual([]);
      expect(await o.page.locator('#status').innerText()).toMatch(/has no letters or numbers to search for/);
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
      await resultIds(page);
      await page.locator('#q').click();
      await page.keyboard.type('tortur', { delay: 20 });
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'tortur');
      await page.waitForFunction(() => /“tortur”/.test(document.getElementById('status')!.textContent!));
      const ids = await resultIds(page);
      expect(ids).toContain('2019-2610-summary-6-5-1');
      expect(await status.innerText()).toMatch(/^\d+ results for “tortur”/);
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
      // Matched words are <mark> elements; a result matching only through its theme says so.
      expect(await page.locator('#results .text mark').first().innerText()).toMatch(/tortur/i);
      // Keyboard: Tab from the box walks the controls, then reaches every result link.
      const links = await page.locator('#results a').count();
      const reached = new Set<string>();
      for (let i = 0; i < 20 + links; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => ((document.activeElement as HTMLAnchorElement | null)?.closest('#results') ? (document.activeElement as HTMLAnchorElement).getAttribute('href') : null));
        if (href) reached.add(href);
      }
      expect(reached.size).toBe(await page.$$eval('#results a', (as) => new Set(as.map((a) => a.getAttribute('href'))).size));
    } finally {
      await o.close();
    }
  });

  it('keeps filters in the URL, narrows to demands in one click, disables empty options, and goes back and forward', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=Kozlov`);
    try {
      const page = o.page;
      const all = await resultIds(page);
      expect(all.length).toBeGreaterThan(4);
      const yearOptions = await page.$$eval('select[name="year"] option', (os) => os.map((x) => [x.textContent, (x as HTMLOptionElement).disabled]));
      expect(yearOptions).toContainEqual(['2021 (0)', true]);
      expect(yearOptions.find(([t]) => String(t).startsWith('2016'))![1]).toBe(false);
      // One click: demands only.
      await page.click('#what-bar a:text-matches("^Demands")');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('what') === 'demand');
      await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 4);
      expect((await resultIds(page)).sort()).toEqual(['2013-2600-para-6-1', '2013-2600-para-7-1', '2016-2607-motion-para-4-1', '2016-2607-summary-5-1-1']);
      expect(await page.inputValue('select[name="what"]')).toBe('demand');
      expect(await page.locator('#filters summary').innerText()).toContain('(1 chosen)');
      await page.locator('#filters summary').click();
      await page.selectOption('select[name="year"]', '2016');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2016');
      await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 2);
      expect((await resultIds(page)).sort()).toEqual(['2016-2607-motion-para-4-1', '2016-2607-summary-5-1-1']);
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
      expect(await page.inputValue('select[name="year"]')).toBe('');
      await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 4);
      await page.goBack();
      await page.waitForFunction((n) => document.querySelectorAll('#results > li').length === n, all.length);
      await page.goForward();
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

  it('on a phone, shows the first result above the fold with the filters folded, and pages to the last item', async () => {
    const context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    try {
      await page.goto(`${web.server.url}search/?q=torture`);
      await resultIds(page);
      expect(await page.locator('#filters').getAttribute('open')).toBeNull();
      const first = await page.locator('#results > li').first().boundingBox();
      expect(first!.y + 60).toBeLessThan(844);
      // The empty query lists everything, 50 at a time; the count shown is in the URL.
      await page.goto(`${web.server.url}search/`);
      await resultIds(page);
      expect(await page.locator('#status').innerText()).toMatch(/^\d+ items: demands first, newest resolution first\.$/);
      const total = Number((await page.locator('#status').innerText()).match(/^(\d+) items/)![1]);
      expect(total).toBeGreaterThan(200);
      expect(await page.locator('#results > li').count()).toBe(50);
      let clicks = 0;
      while (await page.locator('#more-row').isVisible()) {
        const n = await page.locator('#results > li').count();
        await page.click('#more');
        await page.waitForFunction((before) => document.querySelectorAll('#results > li').length > before, n);
        // keyboard users continue from the first new result
        expect(await page.evaluate((i) => document.activeElement === document.querySelectorAll('#results > li')[i]?.querySelector('a'), n)).toBe(true);
        clicks++;
      }
      const ids = await resultIds(page);
      expect(ids.length).toBe(total);
      expect(new Set(ids).size).toBe(total);
      expect(clicks).toBe(Math.ceil(total / 50) - 1);
      expect(ids[ids.length - 1]).toMatch(/^theme:/); // demands first … themes last
      expect(new URL(page.url()).searchParams.get('show')).toBe(String(Math.ceil(total / 50) * 50));
      // A shared link keeps the position: the same list, down to the last item.
      await page.reload();
      expect(await resultIds(page)).toEqual(ids);
      expect(await page.locator('#more-row').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('works when the built site is served from another path: the index is fetched next to the page, results link under it', async () => {
    const moved = await serveDist('dist', '/moved/');
    const o = await openPage(web.browser, `${moved.url}robots.txt`);
    try {
      // The pages' own asset links are made relative after the build (not this page's job):
      // stand in for that by serving /_astro/ from the moved copy.
      await o.page.route(`${moved.origin}/_astro/**`, async (route) => {
        const response = await route.fetch({ url: route.request().url().replace('/_astro/', '/moved/_astro/') });
        await route.fulfill({ response });
      });
      const fetched: string[] = [];
      o.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await o.goto(`${moved.url}search/?q=Kozlov`);
      expect((await resultIds(o.page)).length).toBeGreaterThan(4);
      expect(fetched.filter((p) => p.endsWith('.json'))).toContain('/moved/search/manifest.json');
      expect(fetched.filter((p) => p.endsWith('.json') && !p.startsWith('/moved/search/'))).toEqual([]);
      const hrefs = await o.page.$$eval('#results .result-head a', (as) => as.map((a) => a.getAttribute('href')!));
      for (const h of hrefs) expect(h.startsWith('/moved/')).toBe(true);
    } finally {
      await o.close();
      await moved.close();
    }
  });

  it('has no axe violations (WCAG 2.2 AA) with results, suggestions and open filters, light and dark', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=Kozlov`);
    try {
      const found: string[] = [];
      const check = async (where: string) => {
        for (const scheme of ['light', 'dark'] as const) for (const v of await axeViolations(o.page, scheme)) found.push(`${where} (${scheme}) ${v}`);
      };
      await resultIds(o.page);
      await o.page.locator('#filters summary').click();
      await check('Kozlov, filters open');
      await search(o.page, 'Ablyazov');
      await check('Ablyazov, suggestions');
      expect(found).toEqual([]);
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
    // The real page, fed an index built by the real builder from the real items plus one hostile record.
    const docs = toSearchDocs(buildSite(loadContent(path.join(ROOT, 'content'), ROOT).input));
    const evil: SearchDoc = {
      ...docs[0]!,
      id: '2013-2600-para-3-9',
      text: 'Calls for <img src=x onerror="window.__pwned=1"> and "><svg onload="window.__pwned=2"> xylophonic',
      leadIn: '<b onmouseover="window.__pwned=4">Lead</b>',
      people: ['<b onmouseover="window.__pwned=3">Evil</b>'],
      url: 'procedures/2013-2600/#demand-2013-2600-para-3-9',
    };
    const files = buildSearchIndex([...docs, evil]);
    const o = await openPage(web.browser, `${web.server.url}search/`);
    try {
      await o.page.route('**/search/**/*.json', (route) => {
        const rel = new URL(route.request().url()).pathname.replace(/^\/search\//, '');
        const body = files.get(rel);
        return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ status: 200, contentType: 'application/json', body });
      });
      await o.goto(`${web.server.url}search/?q=xylophonic`);
      expect(await resultIds(o.page)).toEqual(['2013-2600-para-3-9']);
      const row = o.page.locator('#results > li').first();
      expect(await row.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await row.innerText()).toContain('<b onmouseover="window.__pwned=4">Lead</b>');
      expect(await o.page.locator('#results img, #results svg, #results b').count()).toBe(0);
      await row.hover();
      expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await o.close();
    }
  });

  it('without JavaScript: says so in one line and puts the routes that work where results would be, at 390 px too', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(`${web.server.url}search/?q=torture`);
      const status = page.locator('#status');
      expect(await status.innerText()).toBe('Search needs JavaScript, which is not running here; these pages list everything without it:');
      const routes = page.locator('#no-js');
      expect(await routes.isVisible()).toBe(true);
      expect(await routes.locator('a').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href.slice(location.origin.length)))).toEqual(['/resolutions/', '/demands/', '/recurring/', '/themes/', '/people/', '/timeline/', '/data/']);
      // right under the status line, inside the first screen, and nothing wider than the screen
      const s = (await status.boundingBox())!;
      const r = (await routes.boundingBox())!;
      expect(r.y).toBeGreaterThanOrEqual(s.y + s.height);
      expect(r.y - (s.y + s.height)).toBeLessThan(40);
      expect(r.y + r.height).toBeLessThan(844);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The form still submits as a GET form, filters included.
      const form = page.locator('form[role="search"]');
      expect(await form.getAttribute('method')).toBe('get');
      expect(await page.locator('label[for="q"]').innerText()).not.toBe('');
      await page.fill('#q', 'torture');
      await page.locator('#filters summary').click();
      await page.selectOption('select[name="what"]', 'demand');
      await Promise.all([page.waitForURL('**/search/?**'), page.press('#q', 'Enter')]);
      const u = new URL(page.url());
      expect(u.pathname).toBe('/search/');
      expect(u.searchParams.get('q')).toBe('torture');
      expect(u.searchParams.get('what')).toBe('demand');
    } finally {
      await context.close();
    }
  });
});

// The /kz/ build exists when `npm test` made it (test:build); run alone, build it with BASE_PATH=/kz/ OUT_DIR=dist-kz npm run build.
if (fs.existsSync(path.join(distPath('dist-kz'), 'search/index.html'))) describe('search page on a sub-path build', () => {
  const web = useBuiltSite('dist-kz', '/kz/');

  it('fetches its index next to itself and links results under the same root', async () => {
    const o = await openPage(web.browser, `${web.server.url}search/?q=Kozlov`);
    try {
      await resultIds(o.page);
      const hrefs = await o.page.$$eval('#results .result-head a', (as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(4);
      for (const h of hrefs) expect(h.startsWith('/kz/')).toBe(true);
      expect(o.failedRequests).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
