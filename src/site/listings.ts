/**
 * The listing plans of the demand, theme, resolution and people pages: which entries each page
 * lists, in which order, cut with the shared rule of paginate.ts. Pages render these plans; tests
 * check them on the real content and, with small caps, on the split they produce.
 *
 * Caps are entry counts chosen so that the heaviest page of each kind stays well inside the 14 KB
 * critical-path budget (scripts/budgets.mjs): the layout and CSS cost ≈ 3 KB gzip, so a page has
 * ≈ 11 KB for its own content. Figures measured on the built real site and on a 200- and
 * 2,000-procedure synthetic build: ARCHITECTURE.md, "Listings that grow with the corpus".
 */
import { paginateByYear, type Listing, type ListingPage } from './paginate.ts';
import { DEMANDS_PATH, RESOLUTIONS_PATH, personPath, themePath } from './paths.ts';
import type { Demand, Mention, PersonModel, Procedure, SiteModel, TimelineEvent } from '../content/model/index.ts';

/**
 * Demand cards per page. A card is ≈ 115 B gzip on the real /demands/ (56 cards, 9.7 KB page), so
 * 60 cards and their resolution headings leave ≈ 4 KB of the budget free (9.7 KB measured on the
 * largest year page of a 2,000-procedure build).
 */
export const DEMANDS_PER_PAGE = 60;
/**
 * Demand cards per page of a theme. Theme pages show each demand's citation line (≈ 130 B a card
 * on the real content instead of ≈ 115 B), and are measured heavier per card at scale (9.6 KB for
 * 40 cards at 2,000 procedures), so they hold fewer cards than /demands/.
 */
export const THEME_DEMANDS_PER_PAGE = 40;
/** Resolution cards per page of the resolutions listing (≈ 100 B gzip each: title, facts, themes). */
export const RESOLUTIONS_PER_PAGE = 30;
/** Resolution cards on the home page: the newest ones; the rest are one link away. */
export const HOME_RESOLUTIONS = 10;
/** Dated events listed on a theme page; the timeline's theme filter has them all. */
export const THEME_EVENTS = 10;
/**
 * Entries per page of a person's listing (mentions and demands naming them). A demand card is the
 * heavier entry, so the demand cap bounds the page whatever the mix.
 */
export const PERSON_ENTRIES_PER_PAGE = DEMANDS_PER_PAGE;


/**
 * Procedures oldest first, grouped by the year of their reference (the year in their URL and the
 * one every listing pages by). Within a year the model's order (adoption date) is kept. The model
 * sorts by adoption date, which may fall in the year after the reference's, so listings regroup.
 */
export function chronological(site: Pick<SiteModel, 'procedures'>): readonly Procedure[] {
  // Asked for by every theme, person and listing page: sorted once per site.
  return cached(site, 'chronological', () => site.procedures.map((p, i) => ({ p, i })).sort((a, b) => a.p.year - b.p.year || a.i - b.i).map(({ p }) => p));
}

/** Procedures newest first: the order of the home page, the resolutions listing and /demands/. */
export function newestFirst(site: Pick<SiteModel, 'procedures'>): readonly Procedure[] {
  return cached(site, 'newestFirst', () => [...chronological(site)].reverse());
}

const memo = new WeakMap<object, Map<string, unknown>>();
/** One plan per site, key and cap: pages of a 2,000-procedure build all ask for the same plans. */
function cached<T>(site: object, key: string, make: () => T): T {
  let m = memo.get(site);
  if (!m) memo.set(site, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/**
 * Every demand once, newest resolution first, each resolution's demands in text order: the reader
 * who opens "all demands" most often wants what Parliament asks now.
 */
export function demandsListing(site: SiteModel, cap = DEMANDS_PER_PAGE): Listing<Demand> {
  return cached(site, `demands:${cap}`, () => paginateByYear(DEMANDS_PATH, newestFirst(site).flatMap((p) => p.demands), (d) => d.year, cap));
}

/** A theme's demands, oldest resolution first: a theme page tells how the asks evolved. */
export function themeListing(site: SiteModel, themeId: string, cap = THEME_DEMANDS_PER_PAGE): Listing<Demand> {
  return cached(site, `theme:${themeId}:${cap}`, () =>
    paginateByYear(
      themePath(themeId),
      chronological(site).flatMap((p) => p.demands.filter((d) => d.themes.includes(themeId))),
      (d) => d.year,
      cap,
    ),
  );
}

/** Every resolution, newest first, like the home page. */
export function resolutionsListing(site: SiteModel, cap = RESOLUTIONS_PER_PAGE): Listing<Procedure> {
  return cached(site, `resolutions:${cap}`, () => paginateByYear(RESOLUTIONS_PATH, newestFirst(site), (p) => p.year, cap));
}

/** An entry of a person's listing: a place the texts print their name, or a demand naming them. */
export type PersonEntry = { kind: 'mention'; year: number; mention: Mention } | { kind: 'demand'; year: number; demand: Demand };

/**
 * Where the texts name a person and the demands naming them, oldest resolution first; within a
 * year the mentions come before the demands, so a year page reads "where named", then "what asked".
 */
export function personListing(site: SiteModel, person: PersonModel, cap = PERSON_ENTRIES_PER_PAGE): Listing<PersonEntry> {
  return cached(site, `person:${person.id}:${cap}`, () => {
    const entries: PersonEntry[] = [];
    const years = [...new Set(chronological(site).map((p) => p.year))];
    const demands = site.demands.filter((d) => d.people.includes(person.id));
    const yearOfSlug = (slug: string) => site.bySlug.get(slug)!.year;
    const order = new Map(chronological(site).map((p, i) => [p.slug, i]));
    const bySlugOrder = <T,>(slugOf: (x: T) => string) => (a: T, b: T) => order.get(slugOf(a))! - order.get(slugOf(b))!;
    for (const year of years) {
      for (const mention of person.mentions.filter((m) => yearOfSlug(m.slug) === year).sort(bySlugOrder((m: Mention) => m.slug))) entries.push({ kind: 'mention', year, mention });
      for (const demand of demands.filter((d) => d.year === year).sort(bySlugOrder((d: Demand) => d.slug))) entries.push({ kind: 'demand', year, demand });
    }
    return paginateByYear(personPath(person.id), entries, (e) => e.year, cap);
  });
}

/** Consecutive runs of a page's demands by resolution, in page order. */
export interface ResolutionGroup {
  procedure: Procedure;
  demands: Demand[];
}

export function groupByResolution(site: SiteModel, demands: readonly Demand[]): ResolutionGroup[] {
  const groups: ResolutionGroup[] = [];
  for (const d of demands) {
    const last = groups.at(-1);
    if (last?.procedure.slug === d.slug) last.demands.push(d);
    else groups.push({ procedure: site.bySlug.get(d.slug)!, demands: [d] });
  }
  return groups;
}

/** Id of a resolution's heading on a listing page. */
export const resolutionAnchor = (slug: string) => `r-${slug}`;
/** Id of a year's section on a listing that is one page. */
export const yearAnchor = (year: number) => `y${year}`;

/** Where a listing shows a year: its year page when split, else the year's section of the one page. */
export function yearHref<T>(listing: Listing<T>, year: number): string {
  const y = listing.years.find((s) => s.year === year);
  if (!y) throw new Error(`${listing.path}: no entries in ${year}`);
  return listing.split ? y.path : `${listing.path}#${yearAnchor(year)}`;
}

/** Where a listing shows a resolution's first entry: its page and heading. */
export function resolutionHref(listing: Listing<Demand>, p: Procedure): string {
  const first = listing.pages.flatMap((pg) => pg.items).find((d) => d.slug === p.slug);
  if (!first) throw new Error(`${listing.path}: ${p.reference} has no entry`);
  return `${listing.pageOf(first).path}#${resolutionAnchor(p.slug)}`;
}

/** The route parameter of a year page: its path below the listing (`2019`, `2019/2`). */
export function pageParam<T>(listing: Listing<T>, page: ListingPage<T>): string {
  return page.path.slice(listing.path.length).replace(/\/$/, '');
}

/** "2019", or "2019, part 2 of 3": the name of a year page in titles, headings and links. */
export function pageName<T>(page: ListingPage<T>): string {
  return page.parts > 1 ? `${page.year}, part ${page.part} of ${page.parts}` : String(page.year);
}

/** The pages before and after one, in listing order (across years). */
export function neighbours<T>(listing: Listing<T>, page: ListingPage<T>): { prev?: ListingPage<T>; next?: ListingPage<T> } {
  const i = listing.pages.indexOf(page);
  return { prev: i > 0 ? listing.pages[i - 1] : undefined, next: listing.pages[i + 1] };
}

/**
 * The resolutions a page of demands lists, by reference, for a year's table of parts. Not a range:
 * within a year resolutions are in adoption order, which their numbers do not follow.
 */
export function referencesOn(page: ListingPage<Demand>): string {
  return [...new Set(page.items.map((d) => d.reference))].join(', ');
}

/** The year's parts, for a year page's table of parts. */
export function partsOf<T>(listing: Listing<T>, year: number): ListingPage<T>[] {
  return listing.pages.filter((p) => p.year === year);
}

/**
 * A theme's dated events, newest first, at most `max`; with how many there are in all. The theme
 * page shows the recent ones and links the timeline's theme filter for the rest.
 */
export function recentThemeEvents(site: SiteModel, themeId: string, max = THEME_EVENTS): { total: number; shown: TimelineEvent[] } {
  const all = site.events.filter((e) => e.themes.includes(themeId) && e.anchor !== undefined);
  return { total: all.length, shown: all.slice(-max).reverse() };
}

/** Years with their resolutions, oldest first (for per-year columns that must not grow per procedure). */
export function yearsOf(site: Pick<SiteModel, 'procedures'>): Array<{ year: number; procedures: Procedure[] }> {
  const out: Array<{ year: number; procedures: Procedure[] }> = [];
  for (const p of chronological(site)) {
    const last = out.at(-1);
    if (last?.year === p.year) last.procedures.push(p);
    else out.push({ year: p.year, procedures: [p] });
  }
  return out;
}

/** Small counts in words for running text ("Four procedures are covered"), digits beyond ten. */
export function countWord(n: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return words[n] ?? n.toLocaleString('en');
}

/** "1 demand", "2 demands", "1,820 demands". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
