/// <reference types="node" />
// /follow-up/ and /coverage/ on the BUILT site in Chromium (run `npm run build` first), as a
// reader on a phone: the page fits 390 px (wide tables scroll in their own box), and each answers
// its question with links to the passages. axe (light and dark) covers these pages with every
// other page in a11y.test.ts.
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './harness';

const site = useBuiltSite();

async function open(pathname: string) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const res = await page.goto(site.server.url + pathname.replace(/^\//, ''));
  expect(res?.status()).toBe(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return { page, overflow, close: () => context.close() };
}

describe('/follow-up/', () => {
  it('fits a 390 px screen, and links the 2016 motion’s acknowledgement to the demand it bears on', async () => {
    const { page, overflow, close } = await open('/follow-up/');
    expect(overflow).toBe(0);
    const record = page.locator('li[id="record-2016-motion-releases-welcomed"]');
    await expect(record.locator('blockquote').innerText()).resolves.toBe('Welcomes the release of a number of imprisoned human rights and labour activists');
    const hrefs = await record.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
    expect(hrefs).toEqual(['/procedures/2016-2607/#motion-para-3', '/procedures/2013-2600/#demand-2013-2600-para-6-1']);
    // The year table: one row per year; the newest says there is nothing later, not "0".
    const years = await page.locator('#years + .table-wrap tbody tr').allInnerTexts();
    expect(years.map((r) => r.split(/\s+/)[0])).toEqual(['2013', '2016', '2019', '2021']);
    expect(years.at(-1)).toMatch(/Newest text: nothing later yet/);
    await close();
  });
});

describe('/coverage/', () => {
  it('fits a 390 px screen and lists the 2009, 2011 and 2012 resolutions as cited and not held, each with its citing passage', async () => {
    const { page, overflow, close } = await open('/coverage/');
    expect(overflow).toBe(0);
    const rows = await page.locator('#not-held ~ ul.cited > li').evaluateAll((lis) =>
      lis.map((li) => ({ date: li.querySelector('strong')!.textContent!.trim(), citedIn: [...li.querySelectorAll('a')].map((a) => new URL((a as HTMLAnchorElement).href).hash) })),
    );
    expect(rows).toEqual([
      { date: '17 September 2009', citedIn: ['#citation-1'] },
      { date: '15 December 2011', citedIn: ['#citation-1'] },
      { date: '15 March 2012', citedIn: ['#citation-1'] },
      { date: '22 November 2012', citedIn: ['#citation-2'] },
    ]);
    await expect(page.locator('#cited-by ~ ul').first().innerText()).resolves.toMatch(/2013\/2600\(RSP\) \(2013\): no later text in this collection cites it by date or reference\. The 2016 motion cites “its previous resolutions on situation in Kazakhstan” without naming them\./);
    await close();
  });

  it('is linked from the home page and About, which state the bounds in numbers', async () => {
    for (const from of ['/', '/about/']) {
      const { page, close } = await open(from);
      await expect(page.locator('a[href$="coverage/"]').count()).resolves.toBe(1);
      if (from === '/about/') await expect(page.locator('main').innerText()).resolves.toContain('Those citations name four earlier European Parliament resolutions by date or reference; the collection lacks all four (one of 2009, one of 2011 and two of 2012).');
      await close();
    }
  });
});
