import { describe, expect, it } from 'vitest';
import { paginateByYear } from '../../src/site/paginate.ts';

interface Row {
  id: string;
  year: number;
}
/** Rows of each [year, count], in the order given. */
const rows = (...spec: Array<[number, number]>): Row[] => spec.flatMap(([year, n]) => Array.from({ length: n }, (_, i) => ({ id: `${year}-${i}`, year })));

describe('paginateByYear', () => {
  it('keeps a listing that fits the cap on one page at its own path', () => {
    const items = rows([2013, 2], [2016, 3]);
    const l = paginateByYear('demands/', items, (r) => r.year, 5);
    expect(l.split).toBe(false);
    expect(l.pages).toHaveLength(1);
    expect(l.pages[0]).toMatchObject({ path: 'demands/', year: undefined, part: 1, parts: 1 });
    expect(l.pages[0]!.items).toEqual(items);
    expect(l.years).toEqual([
      { year: 2013, count: 2, path: 'demands/' },
      { year: 2016, count: 3, path: 'demands/' },
    ]);
    expect(l.pageOf(items[4]!).path).toBe('demands/');
  });

  it('cuts a longer listing into year pages, and a year over the cap into parts', () => {
    const items = rows([2021, 2], [2019, 7]);
    const l = paginateByYear('timeline/', items, (r) => r.year, 3);
    expect(l.split).toBe(true);
    expect(l.pages.map((p) => [p.path, p.year, p.part, p.parts, p.items.length])).toEqual([
      ['timeline/2021/', 2021, 1, 1, 2],
      ['timeline/2019/', 2019, 1, 3, 3],
      ['timeline/2019/2/', 2019, 2, 3, 3],
      ['timeline/2019/3/', 2019, 3, 3, 1],
    ]);
    expect(l.years).toEqual([
      { year: 2021, count: 2, path: 'timeline/2021/' },
      { year: 2019, count: 7, path: 'timeline/2019/' },
    ]);
  });

  it('puts every entry on exactly one page, in listing order, with no page over the cap', () => {
    const items = rows([2009, 1], [2013, 40], [2016, 3], [2019, 95], [2021, 12]);
    for (const cap of [1, 7, 40, 151, 500]) {
      const l = paginateByYear('x/', items, (r) => r.year, cap);
      expect(l.pages.flatMap((p) => p.items)).toEqual(items);
      expect(Math.max(...l.pages.map((p) => p.items.length))).toBeLessThanOrEqual(cap);
      for (const item of items) {
        const page = l.pageOf(item);
        expect(page.items).toContain(item);
        if (l.split) expect(page.year).toBe(item.year);
      }
      expect(new Set(l.pages.map((p) => p.path)).size).toBe(l.pages.length);
    }
  });

  it('refuses a bad cap, a year split across the list, and an entry it does not hold', () => {
    expect(() => paginateByYear('x/', [], (r: Row) => r.year, 0)).toThrow(/cap must be a positive integer/);
    const mixed = rows([2013, 1], [2016, 1], [2013, 1]);
    expect(() => paginateByYear('x/', mixed, (r) => r.year, 10)).toThrow(/entries of 2013 are not together/);
    expect(() => paginateByYear('x/', rows([2013, 1]), (r) => r.year, 10).pageOf({ id: 'other', year: 2013 })).toThrow(/not in this listing/);
  });
});
