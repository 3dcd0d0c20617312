// The timeline as pages (src/site/timeline/plan.ts): on the real content, and on made-up lists
// with a small cap to see years split and cut into parts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import type { Procedure, SiteModel, TimelineEvent } from '../../../src/content/model/types.ts';
import { landmarks, statedIn, yearOf, type Filter } from '../../../src/site/timeline/timeline.ts';
import { eventOnTimeline, landmarkOnTimeline, planTimeline, TIMELINE_CAP, timelinePlan, timelineViews, type TimelinePlan } from '../../../src/site/timeline/plan.ts';
import { buildOverview } from '../../../src/site/timeline/overview.ts';
import { timelinePath } from '../../../src/site/paths.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let site: SiteModel;
beforeAll(() => {
  const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
  expect(issues).toEqual([]);
  site = buildSite(input);
});

const eventIds = (plan: TimelinePlan) => plan.listing.pages.flatMap((p) => p.items.flatMap((e) => (e.type === 'event' ? [e.event.id] : [])));
const landmarkSlugs = (plan: TimelinePlan) => plan.listing.pages.flatMap((p) => p.items.flatMap((e) => (e.type === 'landmark' ? [e.landmark.procedure.slug] : [])));
const matching = (events: readonly TimelineEvent[], f?: Filter) => events.filter((e) => !f || (f.by === 'kind' ? e.kind === f.value : e.themes.includes(f.value)));

describe('timeline plan of the real content', () => {
  it('puts every event and every resolution on exactly one page of the timeline', () => {
    const plan = timelinePlan(site);
    expect([...eventIds(plan)].sort()).toEqual(site.events.map((e) => e.id).sort());
    expect([...landmarkSlugs(plan)].sort()).toEqual(site.procedures.map((p) => p.slug).sort());
    for (const page of plan.listing.pages) expect(page.items.length).toBeLessThanOrEqual(TIMELINE_CAP);
  });

  it('is cut into year pages exactly when it has more entries than the cap', () => {
    const plan = timelinePlan(site);
    const entries = site.events.length + site.procedures.length;
    expect(plan.listing.split).toBe(entries > TIMELINE_CAP);
    expect(plan.listing.path).toBe('timeline/');
    if (plan.listing.split) for (const page of plan.listing.pages) expect(page.path).toMatch(new RegExp(`^timeline/${page.year}/(\\d+/)?$`));
  });

  it('links each event and landmark to the page that shows it, in its year', () => {
    for (const e of site.events) {
      const url = eventOnTimeline(site, e.id)!;
      const [pagePath, fragment] = url.split('#');
      expect(fragment).toBe(`event-${e.id}`);
      const page = timelinePlan(site).page(pagePath!)!;
      expect(page.items.some((x) => x.type === 'event' && x.event.id === e.id), e.id).toBe(true);
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

  it('keeps a filter within the cap on one page at its own path, with the resolutions stating its events', () => {
    const views = timelineViews(site).filter((f): f is Filter => !!f);
    expect(views.length).toBeGreaterThan(10);
    for (const filter of views) {
      const plan = timelinePlan(site, filter);
      const events = matching(site.events, filter);
      expect([...eventIds(plan)].sort(), timelinePath(filter)).toEqual(events.map((e) => e.id).sort());
      expect(new Set(landmarkSlugs(plan)), timelinePath(filter)).toEqual(new Set(events.flatMap(statedIn)));
      if (plan.listing.pages.flatMap((p) => p.items).length > TIMELINE_CAP) continue;
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

describe('timeline plan over the cap', () => {
  const small = madeUp([2, 7, 0, 1]);
  const plan = planTimeline(small, undefined, 3);

  it('is an index with a page per year, and parts for a year over the cap', () => {
    expect(plan.listing.split).toBe(true);
    // 2001: 2 events + 1 landmark; 2002: 7 + 1 = 8 entries in parts of 3; 2003 has nothing; 2004: 1.
    expect(plan.listing.pages.map((p) => [p.path, p.items.length])).toEqual([
      ['timeline/2001/', 3],
      ['timeline/2002/', 3],
      ['timeline/2002/2/', 3],
      ['timeline/2002/3/', 2],
      ['timeline/2004/', 1],
    ]);
    expect(plan.years.map((y) => [y.year, y.path, y.parts, y.events, y.landmarks.length])).toEqual([
      [2001, 'timeline/2001/', 1, 2, 1],
      [2002, 'timeline/2002/', 3, 7, 1],
      [2004, 'timeline/2004/', 1, 1, 0],
    ]);
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
      expect(page.items.some((x) => x.type === 'event' && x.event.id === e.id)).toBe(true);
    }
    const dates = plan.listing.pages.flatMap((p) => p.items.map((x) => x.date));
    expect(dates).toEqual([...dates].sort());
  });

  it('stays one page at its path within the cap', () => {
    const one = planTimeline(madeUp([1, 1]), { by: 'kind', value: 'ban' }, 10);
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
