/**
 * Listings that grow with the corpus (the timeline, a theme's demands, all demands, a person's
 * entries, the resolutions) are cut into pages by their weight, not by a count of entries, so that
 * every page keeps the weight rule (whole page ≤ 50 KB gzip, see scripts/budgets.mjs) however many
 * resolutions the site holds, and a listing that fits stays one page however many entries it has.
 *
 * The rule, the same for every listing: a listing whose entries weigh at most the entry budget is
 * one page, at its own path. A heavier one becomes an index at its own path, plus one page per year
 * at `<path><year>/`; a year heavier than the budget is cut into numbered parts, `<path><year>/`,
 * `<path><year>/2/`, … Year pages keep their URL as the site grows (a resolution added in 2026
 * adds pages, it does not move 2019's), which is what people cite. When a listing whose year pages
 * were published is one page, its year addresses still answer: they point to the year's section of
 * the one page (see listings.ts, `yearRedirects`), so a year page once published never 404s.
 *
 * Weight is an estimate of the gzip bytes an entry adds to its page, made at build time without
 * rendering (cheap and deterministic): each listing says which words and addresses an entry prints
 * (`textOf`) and what its markup costs beyond them (`markup`, measured). The text of the entries a
 * page would hold (the whole listing; if that is too heavy, each year) is compressed once with the
 * same gzip level the server uses, and the compressed size shared among the entries by the length
 * of their text: so the estimate follows how well the corpus compresses (real resolutions' prose
 * compresses less than synthetic, repetitive text). tests/site/weight.test.ts compares the
 * estimate with the built pages.
 *
 * Paths are site paths without the base, like those of paths.ts.
 */
import { gzipSync } from 'node:zlib';
import { listingYearPath } from './paths.ts';

/** Every page's HTML, gzip, at most (the weight rule; scripts/budgets.mjs measures it). */
export const PAGE_LIMIT = 50 * 1024;
/**
 * What a listing page spends before and around its entries — head, inline CSS, header, title,
 * introduction, navigation, a table or drawing of the years, footer — is held to the first-paint
 * part of the weight rule, 14 KB (measured: 3.5 KB on /demands/, 8 KB on /timeline/ with its filters
 * and overview). The entries get the rest of the 50 KB.
 */
export const PAGE_FRAME = 14 * 1024;
/** Gzip bytes a listing page may spend on its entries. */
export const ENTRY_BUDGET = PAGE_LIMIT - PAGE_FRAME;
/** The gzip level of scripts/serve.mjs and scripts/budgets.mjs (zlib's default). */
const GZIP_LEVEL = 6;
/** Bytes of gzip's own header and trailer, not part of any entry. */
const GZIP_FRAME = 18;

/**
 * How a listing weighs its entries. Both functions get the entry before it on the page (undefined
 * for the first), so that an entry opening a group (a year, a resolution) counts the group's
 * heading too.
 */
export interface Weigher<T> {
  /** The words and addresses an entry prints (text, labels, link targets, ids), joined. */
  textOf(item: T, prev: T | undefined): string;
  /** Gzip bytes of an entry's markup beyond that text (tags, classes, fixed words), measured. */
  markup: number | ((item: T, prev: T | undefined) => number);
  /** Gzip bytes the entries of one page may weigh; default ENTRY_BUDGET. */
  budget?: number;
}

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
  /** Estimated gzip bytes of the entries on the page. */
  weight: number;
}

export interface YearSummary {
  year: number;
  /** Entries in the year (all its parts). */
  count: number;
  /** Path of the year's first page; for a listing that is one page, the listing's path. */
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
  /** Estimated gzip bytes of the entries: on the one page, or (split) of the year pages together; and the budget of a page. */
  weight: number;
  budget: number;
  /** The page an entry is on. */
  pageOf(item: T): ListingPage<T>;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * The estimate is scaled up by this much, because it counts an entry's text and a measured
 * allowance for its markup but not everything the markup carries (a card's citation in its
 * "Cite" box, attribute values). Measured (tests/site/weight.test.ts, WEIGHT_REPORT=1): without it,
 * the real build's entries weigh 0.8–1.0 × the estimate and a 200-procedure synthetic build's up to
 * 1.15 ×, which let a 2,000-procedure build put theme pages over 50 KB.
 */
export const ESTIMATE_MARGIN = 1.2;

/**
 * Estimated gzip bytes each entry adds to a page (same order as `items`): the entries' text is
 * compressed together, the result shared among them by their text's length, plus each one's markup.
 */
export function estimateWeights<T>(items: readonly T[], weigher: Pick<Weigher<T>, 'textOf' | 'markup'>): number[] {
  if (items.length === 0) return [];
  const texts = items.map((item, i) => weigher.textOf(item, items[i - 1]));
  const lengths = texts.map(utf8);
  const raw = lengths.reduce((a, b) => a + b, 0);
  const packed = raw === 0 ? 0 : Math.max(0, gzipSync(texts.join('\n'), { level: GZIP_LEVEL }).length - GZIP_FRAME);
  const { markup } = weigher;
  return lengths.map((n, i) => ESTIMATE_MARGIN * ((typeof markup === 'number' ? markup : markup(items[i]!, items[i - 1])) + (raw === 0 ? 0 : (packed * n) / raw)));
}

/**
 * Pages of a listing. `items` must be in listing order with each year's entries together (sorted
 * by year, either way). Throws on a non-positive budget or a year split across the list.
 */
export function paginateByYear<T>(path: string, items: readonly T[], yearOf: (item: T) => number, weigher: Weigher<T>): Listing<T> {
  const budget = weigher.budget ?? ENTRY_BUDGET;
  if (!(budget > 0)) throw new Error(`paginateByYear(${path}): the budget must be a positive number of bytes, got ${budget}`);
  const groups: Array<{ year: number; items: T[]; weights: number[] }> = [];
  for (const item of items) {
    const year = yearOf(item);
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else {
      if (groups.some((g) => g.year === year)) throw new Error(`paginateByYear(${path}): entries of ${year} are not together`);
      groups.push({ year, items: [item], weights: [] });
    }
  }
  // Weighed as one page first (the entries compress together); if that is over the budget, a year
  // at a time, since a year page compresses on its own.
  // Markup alone over the budget settles it without compressing anything (a 2,000-resolution listing).
  const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);
  const { markup } = weigher;
  const markupOnly = typeof markup === 'number' ? markup * items.length : sum(items.map((item, i) => markup(item, items[i - 1])));
  const whole = markupOnly > budget ? Infinity : sum(estimateWeights(items, weigher));
  const split = whole > budget;
  if (split) for (const g of groups) g.weights = estimateWeights(g.items, weigher);
  const pages: ListingPage<T>[] = split
    ? groups.flatMap(({ year, items: list, weights }) => {
        // Parts: as many entries as fit the budget, in order (each part holds at least one).
        const cuts: Array<{ items: T[]; weight: number }> = [];
        list.forEach((item, i) => {
          const w = weights[i]!;
          const last = cuts.at(-1);
          if (last && last.weight + w <= budget) {
            last.items.push(item);
            last.weight += w;
          } else cuts.push({ items: [item], weight: w });
        });
        return cuts.map((cut, i) => ({ path: listingYearPath(path, year, i + 1), year, part: i + 1, parts: cuts.length, items: cut.items, weight: cut.weight }));
      })
    : [{ path, year: undefined, part: 1, parts: 1, items: [...items], weight: whole }];
  const byItem = new Map<T, ListingPage<T>>();
  for (const page of pages) for (const item of page.items) byItem.set(item, page);
  const years = groups.map(({ year, items: list }) => ({ year, count: list.length, path: split ? listingYearPath(path, year) : path }));
  return {
    path,
    split,
    pages,
    years,
    weight: split ? sum(pages.map((p) => p.weight)) : whole,
    budget,
    pageOf(item) {
      const page = byItem.get(item);
      if (!page) throw new Error(`paginateByYear(${path}): the entry is not in this listing`);
      return page;
    },
  };
}
