/**
 * Listings that grow with the corpus (the timeline, a theme's demands, all demands) are cut into
 * pages of bounded length, so that every page stays within the critical-path budget (14 KB gzip,
 * see scripts/budgets.mjs) however many resolutions the site holds.
 *
 * The rule, the same for every listing: a listing of at most `cap` entries is one page, at its own
 * path. A longer one becomes an index at its own path, plus one page per year at `<path><year>/`;
 * a year with more than `cap` entries is cut into numbered parts, `<path><year>/`,
 * `<path><year>/2/`, … Year pages keep their URL as the site grows (a resolution added in 2026
 * adds pages, it does not move 2019's), which is what people cite.
 *
 * Paths are site paths without the base, like those of paths.ts.
 */
import { listingYearPath } from './paths.ts';

export interface ListingPage<T> {
  /** Site path of the page, e.g. `timeline/2019/` or `timeline/2019/2/`. */
  path: string;
  /** The year the page lists; undefined for a listing that is one page. */
  year: number | undefined;
  /** 1-based part within the year, and the number of parts of that year. */
  part: number;
  parts: number;
  /** The entries on the page, in listing order. */
  items: T[];
}

export interface YearSummary {
  year: number;
  /** Entries in the year (all its parts). */
  count: number;
  /** Path of the year's first page. */
  path: string;
}

export interface Listing<T> {
  /** Path of the listing: the one page, or the index of the year pages. */
  path: string;
  /** True when the listing is an index with year pages. */
  split: boolean;
  /** Every page that lists entries (the one page, or the year pages). */
  pages: ListingPage<T>[];
  /** The years, in listing order, with their counts and first pages. */
  years: YearSummary[];
  /** The page an entry is on. */
  pageOf(item: T): ListingPage<T>;
}

/**
 * Pages of a listing. `items` must be in listing order with each year's entries together (sorted
 * by year, either way). Throws on a non-positive cap or a year split across the list.
 */
export function paginateByYear<T>(path: string, items: readonly T[], yearOf: (item: T) => number, cap: number): Listing<T> {
  if (!Number.isInteger(cap) || cap < 1) throw new Error(`paginateByYear(${path}): cap must be a positive integer, got ${cap}`);
  const groups: Array<{ year: number; items: T[] }> = [];
  for (const item of items) {
    const year = yearOf(item);
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else {
      if (groups.some((g) => g.year === year)) throw new Error(`paginateByYear(${path}): entries of ${year} are not together`);
      groups.push({ year, items: [item] });
    }
  }
  const split = items.length > cap;
  const pages: ListingPage<T>[] = split
    ? groups.flatMap(({ year, items: list }) => {
        const parts = Math.ceil(list.length / cap);
        return Array.from({ length: parts }, (_, i) => ({
          path: listingYearPath(path, year, i + 1),
          year,
          part: i + 1,
          parts,
          items: list.slice(i * cap, (i + 1) * cap),
        }));
      })
    : [{ path, year: undefined, part: 1, parts: 1, items: [...items] }];
  const byItem = new Map<T, ListingPage<T>>();
  for (const page of pages) for (const item of page.items) byItem.set(item, page);
  const years = groups.map(({ year, items: list }) => ({ year, count: list.length, path: split ? listingYearPath(path, year) : path }));
  return {
    path,
    split,
    pages,
    years,
    pageOf(item) {
      const page = byItem.get(item);
      if (!page) throw new Error(`paginateByYear(${path}): the entry is not in this listing`);
      return page;
    },
  };
}
