// The shared rule that cuts listings into pages by weight (src/site/paginate.ts), on made-up rows
// whose weight is set by their text: one page while the entries fit the budget, else a page per
// year, and parts for a year over the budget.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ENTRY_BUDGET, ESTIMATE_MARGIN, estimateWeights, PAGE_FRAME, PAGE_LIMIT, paginateByYear, type Weigher } from '../../src/site/paginate.ts';

interface Row {
  id: string;
  year: number;
  text: string;
}
/** Deterministic text that compresses like prose, not like a repeated sentence. */
function prose(seed: number, words: number): string {
  const vocab = ['release', 'prisoners', 'authorities', 'calls', 'Kazakhstan', 'freedom', 'assembly', 'judiciary', 'torture', 'investigate', 'journalists', 'reform', 'Article', 'charges', 'the', 'and', 'of', 'to', 'urges', 'independent'];
  let x = (seed * 2654435761) >>> 0;
  return Array.from({ length: words }, () => {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    const r = x >>> 8;
    return vocab[r % vocab.length]! + (r % 5 === 0 ? `-${r % 9973}` : '');
  }).join(' ');
}
/** Rows of each [year, count], in the order given, each with its own text of `words` words. */
const rows = (words: number, ...spec: Array<[number, number]>): Row[] =>
  spec.flatMap(([year, n]) => Array.from({ length: n }, (_, i) => ({ id: `${year}-${i}`, year, text: prose(year * 1000 + i, words) })));
const weigher = (budget: number, markup = 40): Weigher<Row> => ({ textOf: (r) => r.text, markup, budget });

describe('the weight rule', () => {
  it('gives a listing page what the whole page may weigh less what its frame (head, CSS, header, h1, introduction) takes', () => {
    expect(PAGE_LIMIT).toBe(50 * 1024);
    expect(PAGE_FRAME).toBe(14 * 1024);
    expect(ENTRY_BUDGET).toBe(PAGE_LIMIT - PAGE_FRAME);
  });
});

describe('estimateWeights', () => {
  it('shares the gzip size of the entries’ text among them by length, and adds each one’s markup', () => {
    const items = rows(30, [2020, 20]);
    const weights = estimateWeights(items, { textOf: (r) => r.text, markup: 40 });
    const packed = gzipSync(items.map((r) => r.text).join('\n'), { level: 6 }).length;
    const total = weights.reduce((a, b) => a + b, 0);
    // With the margin the estimate is scaled by (what the markup allowance does not see).
    expect(total).toBeGreaterThan(ESTIMATE_MARGIN * (packed - 40 + 20 * 40));
    expect(total).toBeLessThanOrEqual(ESTIMATE_MARGIN * (packed + 20 * 40));
    // Longer text, more weight.
    const mixed = [...rows(5, [2020, 1]), ...rows(80, [2020, 1])];
    const [short, long] = estimateWeights(mixed, { textOf: (r) => r.text, markup: 0 });
    expect(long! / short!).toBeGreaterThan(10);
  });

  it('follows how well the text compresses: a repeated sentence weighs less than varied prose', () => {
    const varied = rows(30, [2020, 50]);
    const same = varied.map((r) => ({ ...r, text: varied[0]!.text }));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const textOnly = weigher(1, 0);
    expect(sum(estimateWeights(same, textOnly))).toBeLessThan(sum(estimateWeights(varied, textOnly)) / 3);
  });

  it('costs markup alone for entries without text, and nothing for no entries', () => {
    expect(estimateWeights([{ id: 'a', year: 1, text: '' }], { textOf: (r) => r.text, markup: (r) => r.id.length * 10 })).toEqual([10 * ESTIMATE_MARGIN]);
    expect(estimateWeights([], weigher(1))).toEqual([]);
  });
});

describe('paginateByYear', () => {
  it('keeps a listing that fits the budget on one page at its own path, however many entries it has', () => {
    const items = rows(3, [2013, 200], [2016, 300]);
    const l = paginateByYear('demands/', items, (r) => r.year, weigher(ENTRY_BUDGET, 10));
    expect(l.split).toBe(false);
    expect(l.pages).toHaveLength(1);
    expect(l.pages[0]).toMatchObject({ path: 'demands/', year: undefined, part: 1, parts: 1 });
    expect(l.pages[0]!.items).toEqual(items);
    expect(l.pages[0]!.weight).toBe(l.weight);
    expect(l.weight).toBeLessThanOrEqual(ENTRY_BUDGET);
    expect(l.years).toEqual([
      { year: 2013, count: 200, path: 'demands/' },
      { year: 2016, count: 300, path: 'demands/' },
    ]);
    expect(l.pageOf(items[4]!).path).toBe('demands/');
  });

  it('cuts a heavier listing into year pages, and a year over the budget into parts', () => {
    // Entries of about 1 KB each (their markup, with the margin), and a budget of three and a half.
    const items = rows(2, [2021, 2], [2019, 9]);
    const l = paginateByYear('timeline/', items, (r) => r.year, weigher(3_500, 1_000 / ESTIMATE_MARGIN));
    expect(l.split).toBe(true);
    expect(l.pages.map((p) => [p.path, p.year, p.part, p.parts])).toEqual([
      ['timeline/2021/', 2021, 1, 1],
      ['timeline/2019/', 2019, 1, 3],
      ['timeline/2019/2/', 2019, 2, 3],
      ['timeline/2019/3/', 2019, 3, 3],
    ]);
    expect(l.pages.map((p) => p.items.length)).toEqual([2, 3, 3, 3]);
    expect(l.years).toEqual([
      { year: 2021, count: 2, path: 'timeline/2021/' },
      { year: 2019, count: 9, path: 'timeline/2019/' },
    ]);
  });

  it('puts every entry on exactly one page, in listing order, no page over the budget unless one entry alone is', () => {
    const items = [...rows(20, [2009, 1], [2013, 40], [2016, 3]), ...rows(60, [2019, 95]), ...rows(5, [2021, 12])];
    for (const budget of [1, 300, 2_000, 9_000, 60_000]) {
      const l = paginateByYear('x/', items, (r) => r.year, weigher(budget));
      expect(l.split).toBe(l.weight > budget);
      expect(l.split).toBe(estimateWeights(items, weigher(budget)).reduce((a, b) => a + b, 0) > budget);
      expect(l.pages.flatMap((p) => p.items)).toEqual(items);
      for (const page of l.pages) {
        expect(page.items.length).toBeGreaterThan(0);
        if (page.items.length > 1) expect(page.weight, `${page.path} at ${budget}`).toBeLessThanOrEqual(budget);
      }
      for (const item of items) {
        const page = l.pageOf(item);
        expect(page.items).toContain(item);
        if (l.split) expect(page.year).toBe(item.year);
      }
      expect(new Set(l.pages.map((p) => p.path)).size).toBe(l.pages.length);
      expect(l.pages.reduce((n, p) => n + p.weight, 0)).toBeCloseTo(l.weight, 6);
    }
  });

  it('is deterministic: the same entries give the same pages', () => {
    const items = rows(30, [2013, 30], [2016, 30]);
    const a = paginateByYear('x/', items, (r) => r.year, weigher(2_000));
    const b = paginateByYear('x/', items.map((r) => ({ ...r })), (r) => r.year, weigher(2_000));
    expect(b.pages.map((p) => [p.path, p.items.map((r) => r.id), p.weight])).toEqual(a.pages.map((p) => [p.path, p.items.map((r) => r.id), p.weight]));
  });

  it('refuses a bad budget, a year split across the list, and an entry it does not hold', () => {
    expect(() => paginateByYear('x/', [], (r: Row) => r.year, weigher(0))).toThrow(/budget must be a positive number/);
    const mixed = rows(3, [2013, 1], [2016, 1], [2013, 1]);
    expect(() => paginateByYear('x/', mixed, (r) => r.year, weigher(10_000))).toThrow(/entries of 2013 are not together/);
    expect(() => paginateByYear('x/', rows(3, [2013, 1]), (r) => r.year, weigher(10_000)).pageOf({ id: 'other', year: 2013, text: '' })).toThrow(/not in this listing/);
  });
});
