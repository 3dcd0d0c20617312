/**
 * The listing plans of the demand, theme, resolution and people pages: which entries each page
 * lists, in which order, cut by weight with the shared rule of paginate.ts. Pages render these
 * plans; tests check them on the real content and, with small budgets, on the split they produce.
 *
 * One order for every list of demands (all demands, a theme's, a person's): newest resolution
 * first, each resolution's demands in the order of its text. A reader opening a list most often
 * wants what Parliament asks now; the recurring demands' pages tell how a wording changed, oldest
 * first, and the timeline runs oldest first, because that is what a timeline is.
 *
 * Each listing says what its entries print (`textOf`) and what their markup costs beyond that
 * (`markup`, gzip bytes, measured on the built pages: tests/site/weight.test.ts checks that the
 * estimate holds, page by page).
 */
import { ENTRY_BUDGET, paginateByYear, type Listing, type ListingPage, type Weigher } from './paginate.ts';
import { DEMANDS_PATH, RESOLUTIONS_PATH, demandPath, itemPath, listingYearPath, personPath, procedurePath, themePath, yearFragment } from './paths.ts';
import { itemNameNoted, RESOLUTION_TEXT_CAVEAT, sourceKind, sourceKindInline } from './labels.ts';
import type { Demand, Mention, PersonModel, Procedure, SiteModel, TimelineEvent } from '../content/model/index.ts';

/** How the lists of demands, resolutions and people are ordered, in the words the pages use. */
export const DEMAND_ORDER = 'newest resolution first';
export const RESOLUTION_ORDER = 'newest first';

/**
 * Said on the lists of resolutions when some have no adoption day in the sources: where their year
 * comes from. "2013/2600(RSP) has no adoption date in the sources: it is listed under 2013, the year
 * of its procedure reference." Undefined when every resolution's adoption day is stated.
 */
export function undatedYearNote(procedures: ReadonlyArray<{ reference: string; year: number; adoptedDate?: string }>): string | undefined {
  const undated = procedures.filter((p) => !p.adoptedDate);
  if (!undated.length) return undefined;
  const [first] = undated;
  return undated.length === 1
    ? `${first!.reference} has no adoption date in the sources: it is listed under ${first!.year}, the year of its procedure reference.`
    : `${undated.length.toLocaleString('en')} resolutions have no adoption date in the sources: each is listed under the year of its procedure reference (${first!.reference}: ${first!.year}).`;
}

/** Resolution cards on the home page: the newest ones; the rest are one link away. */
export const HOME_RESOLUTIONS = 10;
/** Dated events listed on a theme page; the timeline's theme filter has them all. */
export const THEME_EVENTS = 10;

/**
 * What a demand card prints besides its fixed words: the demand, its lead-in, whose words they are,
 * where it stands, whom it asks, what the later texts say about it, its tags and links.
 */
export function demandText(site: SiteModel, d: Demand): string {
  const item = site.bySlug.get(d.slug)?.items.get(d.anchor);
  const since = site.sinceThen.get(d.id);
  return [
    d.leadIn.text,
    d.text,
    sourceKind[d.documentKind],
    d.reference,
    item ? itemNameNoted(item.kind, item.label, item.anchor) : d.anchor,
    ...(since ? [since.summary, ...since.parts.flatMap((p) => (p.path ? [p.text, p.path] : [p.text]))] : []),
    demandPath(d.slug, d.id),
    procedurePath(d.slug),
    ...d.addressees.map((a) => site.addresseeById.get(a)?.label ?? a),
    ...d.people.flatMap((id) => [site.personById.get(id)?.name ?? id, personPath(id)]),
    ...d.provisions.map((id) => site.provisionById.get(id)?.label ?? id),
    ...d.themes.flatMap((t) => [site.themeById.get(t)?.label ?? t, themePath(t)]),
  ].join(' ');
}

/** What the heading of a resolution's demands on a listing page prints (DemandGroups), with whose words they are. */
export function resolutionHeadingText(site: SiteModel, slug: string): string {
  const p = site.bySlug.get(slug);
  if (!p) return slug;
  const kinds = [...new Set(p.demands.map((d) => d.documentKind))];
  return [p.reference, p.title, procedurePath(p.slug), resolutionAnchor(p.slug), ...kinds.map((k) => sourceKindInline[k]), kinds.includes('resolution') ? RESOLUTION_TEXT_CAVEAT : ''].join(' ');
}

/**
 * Gzip bytes of a demand card's markup beyond its text (tags, classes, fixed words such as
 * "Addressed to:"), of a card on a theme page, which adds the demand's one-line citation (its
 * procedure's title, repeated per card, compresses to little), and of the heading a resolution's
 * first demand on a page opens. Measured on the built /demands/ and theme pages:
 * tests/site/weight.test.ts.
 */
export const DEMAND_MARKUP = 20;
export const THEME_DEMAND_MARKUP = 45;
export const RESOLUTION_HEADING_MARKUP = 30;
/** Once per page of cards that offer "Cite": the copy button's script. */
export const CITE_SCRIPT_MARKUP = 600;
/** A resolution card: title, reference, adoption, count, most-asked themes. */
export const RESOLUTION_MARKUP = 20;
/** A person's mention (one list item) or a demand naming them (a demand card). */
export const MENTION_MARKUP = 25;

/** Demand cards grouped by resolution: the first of a resolution's demands carries its heading. */
const demandWeigher = (site: SiteModel, markup: number, budget: number, once = 0): Weigher<Demand> => ({
  textOf: (d, prev) => (prev?.slug === d.slug ? demandText(site, d) : `${resolutionHeadingText(site, d.slug)} ${demandText(site, d)}`),
  markup: (d, prev) => markup + (prev?.slug === d.slug ? 0 : RESOLUTION_HEADING_MARKUP) + (prev === undefined ? once : 0),
  budget,
});

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
/** One plan per site, key and budget: pages of a 2,000-procedure build all ask for the same plans. */
function cached<T>(site: object, key: string, make: () => T): T {
  let m = memo.get(site);
  if (!m) memo.set(site, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/** Every demand once, newest resolution first, each resolution's demands in text order. */
export function demandsListing(site: SiteModel, budget = ENTRY_BUDGET): Listing<Demand> {
  return cached(site, `demands:${budget}`, () =>
    paginateByYear(DEMANDS_PATH, newestFirst(site).flatMap((p) => p.demands), (d) => d.year, demandWeigher(site, DEMAND_MARKUP, budget)),
  );
}

/** A theme's demands, newest resolution first, like every list of demands. */
export function themeListing(site: SiteModel, themeId: string, budget = ENTRY_BUDGET): Listing<Demand> {
  return cached(site, `theme:${themeId}:${budget}`, () =>
    paginateByYear(
      themePath(themeId),
      newestFirst(site).flatMap((p) => p.demands.filter((d) => d.themes.includes(themeId))),
      (d) => d.year,
      demandWeigher(site, THEME_DEMAND_MARKUP, budget, CITE_SCRIPT_MARKUP),
    ),
  );
}

/** Every resolution, newest first, like the home page. */
export function resolutionsListing(site: SiteModel, budget = ENTRY_BUDGET): Listing<Procedure> {
  return cached(site, `resolutions:${budget}`, () =>
    paginateByYear(RESOLUTIONS_PATH, newestFirst(site), (p) => p.year, {
      // The card names the four themes most asked about.
      textOf: (p) => [p.title, p.reference, procedurePath(p.slug), p.adoptedDate ?? '', ...[...new Set(p.demands.flatMap((d) => d.themes))].slice(0, 4).map((t) => site.themeById.get(t)?.label ?? t)].join(' '),
      markup: RESOLUTION_MARKUP,
      budget,
    }),
  );
}

/** An entry of a person's listing: a place the texts print their name, or a demand naming them. */
/** A person's mentions, one per passage, with every spelling it prints ("Vladimir Kozlov" and "Kozlov" in one recital), in the order given. */
export function mentionPassages(mentions: Mention[]): Array<{ slug: string; anchor: string; printed: string[] }> {
  const passages = new Map<string, { slug: string; anchor: string; printed: string[] }>();
  for (const m of mentions) {
    const key = `${m.slug}#${m.anchor}`;
    const at = passages.get(key);
    if (at) at.printed.push(m.as);
    else passages.set(key, { slug: m.slug, anchor: m.anchor, printed: [m.as] });
  }
  return [...passages.values()];
}

export type PersonEntry = { kind: 'mention'; year: number; mention: Mention } | { kind: 'demand'; year: number; demand: Demand };

/**
 * Where the texts name a person and the demands naming them, newest resolution first; within a
 * year the mentions come before the demands, so a year reads "where named", then "what asked".
 */
export function personListing(site: SiteModel, person: PersonModel, budget = ENTRY_BUDGET): Listing<PersonEntry> {
  return cached(site, `person:${person.id}:${budget}`, () => {
    const entries: PersonEntry[] = [];
    const order = new Map(newestFirst(site).map((p, i) => [p.slug, i]));
    const years = [...new Set(newestFirst(site).map((p) => p.year))];
    const demands = site.demands.filter((d) => d.people.includes(person.id));
    const yearOfSlug = (slug: string) => site.bySlug.get(slug)!.year;
    const bySlugOrder = <T,>(slugOf: (x: T) => string) => (a: T, b: T) => order.get(slugOf(a))! - order.get(slugOf(b))!;
    for (const year of years) {
      for (const mention of person.mentions.filter((m) => yearOfSlug(m.slug) === year).sort(bySlugOrder((m: Mention) => m.slug))) entries.push({ kind: 'mention', year, mention });
      for (const demand of demands.filter((d) => d.year === year).sort(bySlugOrder((d: Demand) => d.slug))) entries.push({ kind: 'demand', year, demand });
    }
    return paginateByYear(personPath(person.id), entries, (e) => e.year, {
      textOf: (e) => (e.kind === 'demand' ? demandText(site, e.demand) : [e.mention.as, e.mention.slug, itemPath(e.mention.slug, e.mention.anchor)].join(' ')),
      markup: DEMAND_MARKUP,
      budget,
    });
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
export const yearAnchor = yearFragment;

/**
 * The year addresses of a listing that is one page, and where each points: the year's section of
 * the one page (`demands/2019/` → `demands/#y2019`). The listings whose year addresses were
 * published or documented — the whole timeline (cut into years until it was weighed by bytes),
 * /demands/ and /resolutions/ — keep them as small pages (Moved.astro), so that a link to a year
 * never 404s whichever way the listing is cut. (A theme's, a person's or a timeline filter's year
 * pages have never been published; give their routes these pages the day they are.)
 */
export interface YearRedirect {
  year: number;
  /** The year's address, `demands/2019/`. */
  path: string;
  /** Where it points: `demands/#y2019`. */
  target: string;
}

export function yearRedirects<T>(listing: Listing<T>): YearRedirect[] {
  return listing.split ? [] : listing.years.map((y) => ({ year: y.year, path: listingYearPath(listing.path, y.year), target: `${listing.path}#${yearAnchor(y.year)}` }));
}

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

/**
 * A count of demands that says how many are a group's motion's, not Parliament's adopted position:
 * "10 demands (2 from a group's motion)". Wherever demands are counted for a resolution or the site.
 */
export function demandCount(demands: readonly Pick<Demand, 'documentKind'>[]): string {
  const motion = demands.filter((d) => d.documentKind === 'motion').length;
  return `${plural(demands.length, 'demand')}${motion ? ` (${motion.toLocaleString('en')} from a group’s motion)` : ''}`;
}
