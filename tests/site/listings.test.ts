// The listing plans of /demands/, the theme pages, the resolutions and the people pages, on the
// real content: at the real entry budget (one page each today) and at small budgets, which force
// the split into year pages and parts that a larger corpus will produce.
import { describe, expect, it } from 'vitest';
import { model } from '../helpers/model.ts';
import type { Demand, SiteModel } from '../../src/content/model/index.ts';
import type { Listing } from '../../src/site/paginate.ts';
import { ENTRY_BUDGET } from '../../src/site/paginate.ts';
import {
  chronological,
  DEMAND_ORDER,
  demandCount,
  demandsListing,
  groupByResolution,
  newestFirst,
  pageName,
  pageParam,
  personListing,
  recentThemeEvents,
  resolutionHref,
  resolutionsListing,
  undatedYearNote,
  themeListing,
  yearHref,
  yearRedirects,
  yearsOf,
} from '../../src/site/listings.ts';

const site: SiteModel = model();
const ids = (ds: readonly Demand[]) => ds.map((d) => d.id);

/** Invariants of any listing: each entry on exactly one page, pages within the budget, split only when heavier than it. */
function checkShape<T>(listing: Listing<T>, entries: readonly T[], budget: number) {
  const listed = listing.pages.flatMap((p) => p.items);
  expect(listed).toHaveLength(entries.length);
  expect(new Set(listed)).toEqual(new Set(entries));
  expect(listing.budget).toBe(budget);
  for (const page of listing.pages) {
    expect(page.items.length).toBeGreaterThan(0);
    // A page holds one entry heavier than the budget, or entries within it.
    if (page.items.length > 1) expect(page.weight).toBeLessThanOrEqual(budget);
    for (const item of page.items) expect(listing.pageOf(item)).toBe(page);
  }
  expect(new Set(listing.pages.map((p) => p.path)).size).toBe(listing.pages.length);
  expect(listing.split).toBe(listing.weight > budget);
}
/** Budgets that force a split of today's content: one entry a page, and a few. */
const SMALL = [1, 600, 2_000];

describe('procedure order', () => {
  it('groups procedures by the year of their reference, oldest first, and newest first in reverse', () => {
    const years = chronological(site).map((p) => p.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(newestFirst(site)).toEqual([...chronological(site)].reverse());
    expect(yearsOf(site).flatMap((y) => y.procedures)).toEqual(chronological(site));
  });
});

describe('/demands/', () => {
  it('lists every demand exactly once, newest resolution first, each resolution in text order', () => {
    const listing = demandsListing(site);
    checkShape(listing, site.demands, ENTRY_BUDGET);
    const listed = listing.pages.flatMap((p) => p.items);
    expect(ids(listed)).toEqual(newestFirst(site).flatMap((p) => ids(p.demands)));
    expect(DEMAND_ORDER).toBe('newest resolution first');
    // Today's demands fit one page: /demands/ is the whole list, and each year's address points into it.
    expect(listing.split).toBe(false);
    expect(listing.pages[0]!.path).toBe('demands/');
    expect(yearRedirects(listing)).toEqual(listing.years.map((y) => ({ year: y.year, path: `demands/${y.year}/`, target: `demands/#y${y.year}` })));
  });

  it('splits into year pages and parts, each demand on one page, counts per year matching', () => {
    for (const budget of SMALL) {
      const listing = demandsListing(site, budget);
      checkShape(listing, site.demands, budget);
      expect(listing.split).toBe(true);
      expect(yearRedirects(listing)).toEqual([]);
      for (const y of listing.years) {
        const ofYear = site.demands.filter((d) => d.year === y.year);
        expect(y.count).toBe(ofYear.length);
        expect(y.path).toBe(`demands/${y.year}/`);
        const pages = listing.pages.filter((p) => p.year === y.year);
        expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => `demands/${y.year}/${i ? `${i + 1}/` : ''}`));
        expect(pages.map((p) => pageParam(listing, p))).toEqual(pages.map((_, i) => `${y.year}${i ? `/${i + 1}` : ''}`));
        expect(new Set(ids(pages.flatMap((p) => p.items)))).toEqual(new Set(ids(ofYear)));
      }
      expect(listing.years.map((y) => y.year)).toEqual([...new Set(newestFirst(site).map((p) => p.year))]);
    }
  });

  it('links each resolution to the page and heading where its first demand is listed', () => {
    const listing = demandsListing(site, 600);
    for (const p of site.procedures) {
      const [path, fragment] = resolutionHref(listing, p).split('#');
      const page = listing.pages.find((pg) => pg.path === path)!;
      expect(page.items.some((d) => d.slug === p.slug)).toBe(true);
      expect(fragment).toBe(`r-${p.slug}`);
      const before = listing.pages.slice(0, listing.pages.indexOf(page)).flatMap((pg) => pg.items);
      expect(before.some((d) => d.slug === p.slug)).toBe(false);
    }
  });

  it('names year pages uniquely', () => {
    const listing = demandsListing(site, 600);
    const names = listing.pages.map(pageName);
    expect(new Set(names).size).toBe(names.length);
    const cut = listing.pages.find((p) => p.parts > 1)!;
    expect(pageName(cut)).toBe(`${cut.year}, part ${cut.part} of ${cut.parts}`);
  });
});

describe('theme pages', () => {
  it('list exactly each theme\'s demands, newest resolution first like /demands/, one page today', () => {
    for (const t of site.themes) {
      const listing = themeListing(site, t.id);
      const mine = site.demands.filter((d) => d.themes.includes(t.id));
      checkShape(listing, mine, ENTRY_BUDGET);
      expect(ids(listing.pages.flatMap((p) => p.items))).toEqual(ids(demandsListing(site).pages[0]!.items.filter((d) => d.themes.includes(t.id))));
      expect(listing.path).toBe(`themes/${t.id}/`);
      expect(listing.split).toBe(false);
      for (const y of listing.years) expect(yearHref(listing, y.year)).toBe(`themes/${t.id}/#y${y.year}`);
    }
  });

  it('split: each year page has exactly the theme\'s demands of that year, and the matrix links it', () => {
    for (const t of site.themes) {
      const budget = 600;
      const listing = themeListing(site, t.id, budget);
      const mine = site.demands.filter((d) => d.themes.includes(t.id));
      checkShape(listing, mine, budget);
      for (const y of listing.years) {
        const pages = listing.split ? listing.pages.filter((p) => p.year === y.year) : listing.pages;
        const items = pages.flatMap((p) => p.items).filter((d) => listing.split || d.year === y.year);
        expect(ids(items).sort()).toEqual(ids(mine.filter((d) => d.year === y.year)).sort());
        expect(y.count).toBe(mine.filter((d) => d.year === y.year).length);
        if (listing.split) expect(yearHref(listing, y.year)).toBe(`themes/${t.id}/${y.year}/`);
      }
      expect(() => yearHref(listing, 1999)).toThrow();
    }
  });

  it('show at most the newest dated events, saying how many there are', () => {
    for (const t of site.themes) {
      const all = site.events.filter((e) => e.themes.includes(t.id) && e.anchor);
      const { total, shown } = recentThemeEvents(site, t.id, 3);
      expect(total).toBe(all.length);
      expect(shown).toEqual(all.slice(-3).reverse());
    }
    const busiest = site.themes.map((t) => recentThemeEvents(site, t.id, 3)).sort((a, b) => b.total - a.total)[0]!;
    expect(busiest.total).toBeGreaterThan(3);
  });
});

describe('resolutions', () => {
  it('lists every resolution once, newest first; one page today, year pages over the budget', () => {
    checkShape(resolutionsListing(site), newestFirst(site), ENTRY_BUDGET);
    expect(resolutionsListing(site).pages[0]!.items).toEqual(newestFirst(site));
    const split = resolutionsListing(site, 1);
    checkShape(split, newestFirst(site), 1);
    expect(split.years.map((y) => y.path)).toEqual(newestFirst(site).map((p) => `resolutions/${p.year}/`));
  });

  it('say where the year of a resolution without an adoption date comes from', () => {
    expect(undatedYearNote(site.procedures)).toBe('2013/2600(RSP) has no adoption date in the sources: it is listed under 2013, the year of its procedure reference.');
    expect(undatedYearNote(site.procedures.filter((p) => p.adoptedDate))).toBeUndefined();
    const two = [{ reference: '2013/2600(RSP)', year: 2013 }, { reference: '2014/2001(RSP)', year: 2014 }];
    expect(undatedYearNote(two)).toBe('2 resolutions have no adoption date in the sources: each is listed under the year of its procedure reference (2013/2600(RSP): 2013).');
  });
});

describe('people', () => {
  it('list every mention and every demand naming the person once, newest resolution first', () => {
    for (const person of site.people) {
      const demands = site.demands.filter((d) => d.people.includes(person.id));
      for (const budget of [ENTRY_BUDGET, 1]) {
        const listing = personListing(site, person, budget);
        const entries = listing.pages.flatMap((p) => p.items);
        expect(entries.filter((e) => e.kind === 'mention').map((e) => e.kind === 'mention' && e.mention)).toEqual(
          expect.arrayContaining(person.mentions),
        );
        expect(entries.filter((e) => e.kind === 'mention')).toHaveLength(person.mentions.length);
        expect(ids(entries.flatMap((e) => (e.kind === 'demand' ? [e.demand] : [])))).toEqual(ids(newestFirst(site).flatMap((p) => demands.filter((d) => d.slug === p.slug))));
        const years = entries.map((e) => e.year);
        expect(years).toEqual([...years].sort((a, b) => b - a));
        checkShape(listing, entries, budget);
        expect(listing.split).toBe(budget === 1);
      }
    }
  });
});

describe('groupByResolution', () => {
  it('cuts a page into consecutive runs, one per resolution, keeping order', () => {
    const listing = demandsListing(site, 900);
    for (const page of listing.pages) {
      const groups = groupByResolution(site, page.items);
      expect(groups.flatMap((g) => g.demands)).toEqual(page.items);
      for (const [i, g] of groups.entries()) {
        expect(g.demands.every((d) => d.slug === g.procedure.slug)).toBe(true);
        if (i > 0) expect(groups[i - 1]!.procedure.slug).not.toBe(g.procedure.slug);
      }
    }
  });
});

describe('counting demands', () => {
  it("says how many are a group's motion's, not Parliament's adopted position", () => {
    const p2016 = site.bySlug.get('2016-2607')!;
    expect(demandCount(p2016.demands)).toBe('10 demands (2 from a group’s motion)');
    expect(demandCount(site.bySlug.get('2021-2544')!.demands)).toBe('11 demands');
  });
});
