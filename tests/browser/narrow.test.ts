/// <reference types="node" />
// What a reader sees on a phone (390 px; references also at 320): table captions wrap inside the
// visible width instead of being cut at the edge of a box that scrolls sideways, the timeline's key
// is whole, tables of records (/data/'s files, a procedure file's documents) read as cards, and references and percentages never break
// across lines. (That no page is wider than the screen is the crawl's: tests/browser/crawl.test.ts.)
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './harness';

/** References ("B8-0343/2016", "2016/2607(RSP)") and percentages ("18 %") shown on more than one line. */
const brokenRefs = (page: Page) =>
  page.evaluate(() => {
    const RE = /(?:RC-)?[ABT]\d{1,2}-\d{3,4}\/\d{4}|\d{4}\/\d{4}\([A-Z]{3}\)|\d+\s%/g;
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      for (const m of n.data.matchAll(RE)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });

describe('on a phone', () => {
  const web = useBuiltSite();
  const open = async (path: string, width = 390) => {
    const context = await web.browser.newContext({ viewport: { width, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${web.server.url}${path}`);
    return { page, close: () => context.close() };
  };

  it('keeps references and percentages on one line', async () => {
    const pages = ['procedures/2016-2607/', 'procedures/2021-2544/', 'procedures/2021-2544/cite/', 'timeline/kind/document/', 'data/', 'coverage/', 'recurring/political-prisoners-release/'];
    const found: string[] = [];
    for (const path of pages) {
      const o = await open(path, 320);
      try {
        // Open every fold, so what a reader opens is checked too (the wording comparisons, the folded procedure steps).
        await o.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        for (const width of [320, 390]) {
          await o.page.setViewportSize({ width, height: 844 });
          found.push(...(await brokenRefs(o.page)).map((r) => `${width} px, /${path}: ${r}`));
        }
      } finally {
        await o.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('wraps a table’s caption within the screen, even when the table scrolls sideways', async () => {
    for (const path of ['follow-up/', 'data/', 'procedures/2016-2607/']) {
      const o = await open(path);
      try {
        const captions = await o.page.locator('.table-wrap > table > caption').evaluateAll((cs) =>
          cs.map((c) => {
            const box = c.closest('.table-wrap')!;
            box.scrollLeft = box.scrollWidth;
            const r = c.getBoundingClientRect();
            return { text: c.textContent!.trim().slice(0, 30), left: r.left, right: r.right, width: r.width, align: getComputedStyle(c).textAlign };
          }),
        );
        expect(captions.length, path).toBeGreaterThan(0);
        for (const c of captions) {
          expect(c.left, `${path} “${c.text}”`).toBeGreaterThanOrEqual(0);
          expect(c.right, `${path} “${c.text}”`).toBeLessThanOrEqual(390);
          expect(c.align, `${path} “${c.text}”`).toBe('left');
          // …and uses that width: not a word per line.
          expect(c.width, `${path} “${c.text}”`).toBeGreaterThan(250);
        }
      } finally {
        await o.close();
      }
    }
  });

  it('shows the whole key of the timeline’s drawing', async () => {
    const o = await open('timeline/');
    try {
      const keys = await o.page.locator('figure.overview .legend li').evaluateAll((lis) => lis.map((li) => ({ text: li.textContent!.trim(), right: li.getBoundingClientRect().right })));
      expect(keys.map((k) => k.text)).toContain('Fact stated in the texts (day or month)');
      for (const k of keys) expect(k.right, k.text).toBeLessThanOrEqual(390);
    } finally {
      await o.close();
    }
  });

  it('reads a table of records as cards: the files of /data/, a procedure file’s events and documents', async () => {
    for (const path of ['data/', 'procedures/2016-2607/']) {
      const o = await open(path);
      try {
        const tables = await o.page.locator('table.stack-narrow').evaluateAll((ts) =>
          ts.map((t) => ({
            // Every cell of the first row as wide as the column, not a fifth of it.
            widths: [...t.querySelectorAll('tbody tr:first-child > *')].filter((c) => c.textContent!.trim()).map((c) => c.getBoundingClientRect().width),
            label: getComputedStyle(t.querySelector('td[data-label]')!, '::before').content,
            name: t.querySelector('td[data-label]')!.getAttribute('data-label'),
          })),
        );
        expect(tables.length, path).toBeGreaterThan(0);
        for (const t of tables) {
          for (const w of t.widths) expect(w, path).toBeGreaterThan(300);
          expect(t.label).toBe(`"${t.name}: "`);
        }
      } finally {
        await o.close();
      }
    }
  });
});
