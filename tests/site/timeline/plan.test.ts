// The timeline as pages (src/site/timeline/plan.ts): on the real content (one page), and on
// made-up lists with a small budget to see years split and cut into parts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import type { Procedure, SiteModel, TimelineEvent } from '../../../src/content/model/types.ts';
import { landmarks, statedIn, timelineEntries, yearOf, type Entry, type Filter } from '../../../src/site/timeline/timeline.ts';
import { eventOnTimeline, landmarkOnTimeline, planTimeline, timelinePlan, timelineViews, type TimelinePlan } from '../../../src/site/timeline/plan.ts';
import { ENTRY_BUDGET } from '../../../src/site/paginate.ts';
import { yearRedirects } from '../../../src/site/listings.ts';
import { buildOverview } from '../../../src/site/timeline/overview.ts';
import { timelinePath } from '../../../src/site/paths.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let site: SiteModel;
beforeAll(() => {
  const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
  expect(issues).toEqual([]);
  site = buildSite(input);
});

/** Events listed, those folded under a landmark included. */
const eventIds = (plan: TimelinePlan) => plan.listing.pages.flatMap((p) => p.items.flatMap((e) => (e.type === 'event' ? [e.event.id] : e.steps.map((s) => s.id))));
const landmarkSlugs = (plan: TimelinePlan) => plan.listing.pages.flatMap((p) => p.items.flatMap((e) => (e.type === 'landmark' ? [e.landmark.procedure.slug] : [])));
/** True when a page lists the event, as an entry or as a step folded under a landmark. */
const lists = (items: readonly Entry[], id: string) => items.some((x) => (x.type === 'event' ? x.event.id === id : x.steps.some((st) => st.id === id)));
const matching = (events: readonly TimelineEvent[], f?: Filter) => events.filter((e) => !f || (f.by === 'kind' ? e.kind === f.value : e.themes.includes(f.value)));

describe('timeline plan of the real content', () => {
  it('holds every event and every resolution on one page, /timeline/, which fits the weight rule', () => {
    const plan = timelinePlan(site);
    expect(plan.listing.split).toBe(false);
    expect(plan.listing.pages.map((p) => p.path)).toEqual(['timeline/']);
    expect(plan.listing.weight).toBeLessThanOrEqual(ENTRY_BUDGET);
    expect([...eventIds(plan)].sort()).toEqual(site.events.map((e) => e.id).sort());
    expect([...landmarkSlugs(plan)].sort()).toEqual(site.procedures.map((p) => p.slug).sort());
  });

  it('keeps the year pages it was once cut into as addresses of the years on the one page', () => {
    const plan = timelinePlan(site);
    const published = [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2018, 2019, 2020, 2021];
    const redirects = yearRedirects(plan.listing);
    for (const year of published) expect(redirects).toContainEqual({ year, path: `timeline/${year}/`, target: `timeline/#y${year}` });
  });

  it('folds each resolution’s procedure steps of its year under its landmark, in date order', () => {
    const plan = timelinePlan(site);
    const items = plan.listing.pages[0]!.items;
    const folded = items.flatMap((e) => (e.type === 'landmark' ? e.steps.map((s) => ({ s, l: e })) : []));
    expect(folded.length).toBeGreaterThan(20);
    for (const { s, l } of folded) {
      expect(s.group).toBe('procedural');
      expect(s.slug).toBe(l.landmark.procedure.slug);
      expect(yearOf(s.date)).toBe(yearOf(l.date));
      expect(plan.pageOfEvent(s.id)).toBe(plan.listing.pages[0]);
    }
    // No procedural step of a resolution whose landmark is in the same year stays a separate entry.
    const landmarkYear = new Map(items.flatMap((e) => (e.type === 'landmark' ? [[e.landmark.procedure.slug, yearOf(e.date)] as const] : [])));
    for (const e of items) if (e.type === 'event' && e.event.group === 'procedural') expect(landmarkYear.get(e.event.slug)).not.toBe(yearOf(e.date));
    // /timeline/2016/ was 13 procedure steps out of 14 entries; the year now reads as one event and one resolution.
    const y2016 = items.filter((e) => yearOf(e.date) === 2016);
    expect(y2016.map((e) => e.type)).toEqual(['landmark', 'event']);
    for (const l of items) if (l.type === 'landmark') expect(l.steps.map((s) => s.date)).toEqual([...l.steps.map((s) => s.date)].sort());
  });

  it('does not fold the steps in a view of one procedural kind, where they are what was asked for', () => {
    const documents = timelineEntries(site, { by: 'kind', value: 'document' });
    expect(documents.filter((e) => e.type === 'event').length).toBe(site.events.filter((e) => e.kind === 'document').length);
    for (const e of documents) if (e.type === 'landmark') expect(e.steps).toEqual([]);
  });

  it('links each event and landmark to the page that shows it, in its year', () => {
    for (const e of site.events) {
      const url = eventOnTimeline(site, e.id)!;
      const [pagePath, fragment] = url.split('#');
      expect(fragment).toBe(`event-${e.id}`);
      const page = timelinePlan(site).page(pagePath!)!;
      expect(lists(page.items, e.id), e.id).toBe(true);
      if (page.year !== undefined) expect(page.year).toBe(yearOf(e.date));
    }
    for (const l of landmarks(site)) {
      const url = landmarkOnTimeline(site, l.procedure.slug)!;
      expect(url).toMatch(new RegExp(`^timeline/(${yearOf(l.date)}/)?(\\d+/)?#resolution-${l.procedure.slug}$`));
    }
  });

  it('lists every year that has entries, with its counts and resolutions', () => {
    const plan = timelinePlan(site);
    const years = [...new Set([...site.events.map((e) => yearOf(e.date)), ...landmarks(site).map((l) => yearOf(l.date))])].sort();
    expect(plan.years.map((y) => y.year)).toEqual(years);
    for (const y of plan.years) {
      const inYear = site.events.filter((e) => yearOf(e.date) === y.year);
      expect(y.events, String(y.year)).toBe(inYear.length);
      expect(y.context, String(y.year)).toBe(inYear.filter((e) => e.group === 'context').length);
      expect(y.procedural, String(y.year)).toBe(inYear.filter((e) => e.group === 'procedural').length);
      expect(y.landmarks.map((l) => l.procedure.slug)).toEqual(site.procedures.filter((p) => yearOf(landmarks({ procedures: [p] })[0]!.date) === y.year).map((p) => p.slug));
      expect(plan.page(y.path), String(y.year)).toBeDefined();
    }
  });

  it('keeps the overview counts equal to the pages’ counts, in every view', () => {
    for (const filter of timelineViews(site)) {
      const plan = timelinePlan(site, filter);
      const o = buildOverview(plan.events, plan.landmarks.map((l) => ({ slug: l.procedure.slug, reference: l.procedure.reference, date: l.date, dateStated: l.dateStated })), plan.range);
      const byYear = new Map(plan.years.map((y) => [y.year, y]));
      for (const c of o.counts) {
        const y = byYear.get(c.year);
        expect([c.context, c.procedural, c.landmarks], `${timelinePath(filter)} ${c.year}`).toEqual([y?.context ?? 0, y?.procedural ?? 0, y?.landmarks.map((l) => l.procedure.reference) ?? []]);
      }
    }
  });

  it('keeps each filter on one page at its own path, with the resolutions stating its events', () => {
    const views = timelineViews(site).filter((f): f is Filter => !!f);
    expect(views.length).toBeGreaterThan(10);
    for (const filter of views) {
      const plan = timelinePlan(site, filter);
      const events = matching(site.events, filter);
      expect([...eventIds(plan)].sort(), timelinePath(filter)).toEqual(events.map((e) => e.id).sort());
      expect(new Set(landmarkSlugs(plan)), timelinePath(filter)).toEqual(new Set(events.flatMap(statedIn)));
      expect(plan.listing.split).toBe(false);
      expect(plan.listing.pages.map((p) => p.path)).toEqual([timelinePath(filter)]);
      for (const e of events) expect(eventOnTimeline(site, e.id, filter)).toBe(`${timelinePath(filter)}#event-${e.id}`);
    }
  });

  it('says an event is not in a view that does not show it', () => {
    const e = site.events.find((x) => x.kind !== 'court')!;
    expect(eventOnTimeline(site, e.id, { by: 'kind', value: 'court' })).toBeUndefined();
  });

  it('computes each view once per site model', () => {
    expect(timelinePlan(site, { by: 'kind', value: 'court' })).toBe(timelinePlan(site, { by: 'kind', value: 'court' }));
    expect(timelinePlan(site)).toBe(timelinePlan(site));
    expect(timelinePlan(site)).not.toBe(timelinePlan(site, { by: 'kind', value: 'court' }));
  });
});

// A made-up site: `per[i]` events in year 2001 + i, one resolution adopted in each of the first years.
const proc = (slug: string, year: number, adoptedDate?: string) =>
  ({ slug, reference: `${slug.replace('-', '/')}(RSP)`, year, title: slug, adoptedDate, demands: [], items: new Map(), documents: [], data: {} }) as unknown as Procedure;
function madeUp(per: number[], resolutions = 2) {
  const events: TimelineEvent[] = per.flatMap((n, i) =>
    Array.from({ length: n }, (_, k) => ({
      id: `e${2001 + i}-${k}`,
      date: `${2001 + i}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`,
      kind: k % 2 ? 'court' : 'ban',
      group: k % 3 ? 'context' : 'procedural',
      title: `event ${k}`,
      slug: `${2001 + i}-0001`,
      themes: [],
      alsoStated: [],
    })),
  );
  const procedures = Array.from({ length: resolutions }, (_, i) => proc(`${2001 + i}-0001`, 2001 + i, `${2001 + i}-06-15`));
  return { procedures, events };
}

describe('timeline plan over the budget', () => {
  const small = madeUp([2, 7, 0, 1]);
  // One entry weighs about 100 bytes here: a budget of about three entries.
  const plan = planTimeline(small, undefined, 300);

  it('is an index with a page per year, and parts for a year over the budget', () => {
    expect(plan.listing.split).toBe(true);
    expect(plan.listing.pages.map((p) => p.path)).toEqual(expect.arrayContaining(['timeline/2001/', 'timeline/2002/', 'timeline/2002/2/', 'timeline/2004/']));
    for (const page of plan.listing.pages) if (page.items.length > 1) expect(page.weight).toBeLessThanOrEqual(300);
    expect(plan.years.map((y) => [y.year, y.path, y.events, y.landmarks.length])).toEqual([
      [2001, 'timeline/2001/', 2, 1],
      [2002, 'timeline/2002/', 7, 1],
      [2004, 'timeline/2004/', 1, 0],
    ]);
    expect(plan.years.find((y) => y.year === 2002)!.parts).toBeGreaterThan(1);
    expect(yearRedirects(plan.listing)).toEqual([]);
  });

  it('links pages in order, previous and next', () => {
    const pages = plan.listing.pages;
    pages.forEach((page, i) => {
      const { prev, next } = plan.neighbours(page);
      expect(prev?.path).toBe(pages[i - 1]?.path);
      expect(next?.path).toBe(pages[i + 1]?.path);
    });
  });

  it('finds the part each event is on, in date order', () => {
    for (const e of small.events) {
      const page = plan.pageOfEvent(e.id)!;
      expect(page.year).toBe(yearOf(e.date));
      expect(lists(page.items, e.id)).toBe(true);
    }
    const dates = plan.listing.pages.flatMap((p) => p.items.map((x) => x.date));
    expect(dates).toEqual([...dates].sort());
  });

  it('stays one page at its path within the budget', () => {
    const one = planTimeline(madeUp([1, 1]), { by: 'kind', value: 'ban' }, 10_000);
    expect(one.listing.split).toBe(false);
    expect(one.listing.pages.map((p) => p.path)).toEqual(['timeline/kind/ban/']);
    expect(one.years.map((y) => [y.year, y.path, y.parts])).toEqual([
      [2001, 'timeline/kind/ban/', 1],
      [2002, 'timeline/kind/ban/', 1],
    ]);
  });

  it('gives a filter the landmarks of its own events only, so its pages grow with its events', () => {
    // 2,000 resolutions, and a filter whose one event is stated in the first of them.
    const big = madeUp([3], 2000);
    const court = planTimeline(big, { by: 'kind', value: 'court' });
    expect(court.landmarks.map((l) => l.procedure.slug)).toEqual(['2001-0001']);
    expect(court.listing.split).toBe(false);
  });
});
