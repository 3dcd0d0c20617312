/**
 * The timeline and its filtered views as pages, by the shared rule of `paginateByYear`
 * (src/site/paginate.ts): a view whose entries fit the entry budget of a page is one page at its
 * path (the whole real timeline is); a heavier one is an index at its path and a page per year
 * (`timeline/2019/`, `timeline/kind/court/2019/`), cut into parts when a year alone is over the
 * budget (`timeline/2019/2/`).
 *
 * A plan is computed once per site model and filter and shared by every page of the build: with
 * tens of thousands of events, a page must not walk them all to find its own entries or the page
 * an event is on.
 */
import type { SiteModel, TimelineEvent } from '../../content/model/types.ts';
import { ENTRY_BUDGET, paginateByYear, type Listing, type ListingPage, type Weigher } from '../paginate.ts';
import { kindsWithEvents, themesWithEvents, timelineEntries, yearOf, yearRange, type Entry, type Filter, type Landmark } from './timeline.ts';
import { eventFragment, landmarkFragment, timelinePath } from '../paths.ts';

/**
 * Gzip bytes of an event's and of a landmark's markup beyond their text (tags, classes, the fixed
 * words "source:", "Also stated in:", …), measured on the built timeline: tests/site/weight.test.ts.
 */
export const EVENT_MARKUP = 30;
export const LANDMARK_MARKUP = 50;
/** A year's section: its heading and count ("2016 14 events"), opened by its first entry. */
export const YEAR_MARKUP = 60;

/** What an event prints besides its fixed words: when, what, the words stating it and where. */
export function eventText(e: TimelineEvent): string {
  return [
    e.id,
    e.date,
    e.endDate ?? '',
    e.kind,
    e.title,
    e.quote ?? '',
    e.slug,
    e.anchor ?? '',
    e.reference ?? '',
    e.note ?? '',
    ...e.alsoStated.flatMap((a) => [a.slug, a.anchor, a.quote]),
    ...e.themes.flatMap((t) => [t, t]),
  ].join(' ');
}

/** What an entry prints: an event, or a landmark (title, reference, date) with the steps folded under it. */
export function entryText(entry: Entry): string {
  if (entry.type === 'event') return eventText(entry.event);
  const p = entry.landmark.procedure;
  return [p.title, p.reference, p.slug, entry.date, ...entry.steps.map(eventText)].join(' ');
}

const newYear = (entry: Entry, prev: Entry | undefined) => !prev || yearOf(prev.date) !== yearOf(entry.date);
const timelineWeigher = (budget: number): Weigher<Entry> => ({
  textOf: entryText,
  // A landmark's steps are folded under it: each costs an event's markup.
  markup: (entry, prev) => (newYear(entry, prev) ? YEAR_MARKUP : 0) + (entry.type === 'event' ? EVENT_MARKUP : LANDMARK_MARKUP + entry.steps.length * EVENT_MARKUP),
  budget,
});

export type TimelinePage = ListingPage<Entry>;

/** One year of a view: what its pages hold, for the index and the overview's table. */
export interface TimelineYear {
  year: number;
  /** The year's first page; for a view that is one page, that page (the year is a section of it). */
  path: string;
  parts: number;
  /** Events (landmarks not counted), and how many are facts stated in the texts or procedural steps. */
  events: number;
  context: number;
  procedural: number;
  /** The resolution landmarks of the year, in order. */
  landmarks: Landmark[];
}

export interface TimelinePlan {
  filter: Filter | undefined;
  listing: Listing<Entry>;
  /** The view's events and landmarks, in order. */
  events: TimelineEvent[];
  landmarks: Landmark[];
  /** Years that have entries, oldest first. */
  years: TimelineYear[];
  /** The whole site's years: every view draws the same axis, so overviews compare. */
  range: { from: number; to: number };
  /** The page at a path, and the pages before and after it. */
  page(path: string): TimelinePage | undefined;
  neighbours(page: TimelinePage): { prev?: TimelinePage; next?: TimelinePage };
  /** The page an event (by id) or a landmark (by procedure slug) is on, if it is in this view. */
  pageOfEvent(id: string): TimelinePage | undefined;
  pageOfLandmark(slug: string): TimelinePage | undefined;
}

/** The plan of one view (not memoised; pages use `timelinePlan`). */
export function planTimeline(site: Pick<SiteModel, 'procedures' | 'events'>, filter?: Filter, budget = ENTRY_BUDGET): TimelinePlan {
  const entries = timelineEntries(site, filter);
  const listing = paginateByYear(timelinePath(filter), entries, (e) => yearOf(e.date), timelineWeigher(budget));
  const events: TimelineEvent[] = [];
  const landmarks: Landmark[] = [];
  const years = new Map<number, TimelineYear>();
  for (const y of listing.years) years.set(y.year, { year: y.year, path: y.path, parts: 0, events: 0, context: 0, procedural: 0, landmarks: [] });
  const byPath = new Map<string, number>();
  const byEvent = new Map<string, TimelinePage>();
  const byLandmark = new Map<string, TimelinePage>();
  listing.pages.forEach((page, i) => {
    byPath.set(page.path, i);
    for (const y of new Set(page.items.map((e) => yearOf(e.date)))) years.get(y)!.parts++;
    for (const entry of page.items) {
      const y = years.get(yearOf(entry.date))!;
      if (entry.type === 'event') {
        events.push(entry.event);
        byEvent.set(entry.event.id, page);
        y.events++;
        y[entry.event.group]++;
      } else {
        landmarks.push(entry.landmark);
        byLandmark.set(entry.landmark.procedure.slug, page);
        y.landmarks.push(entry.landmark);
        for (const step of entry.steps) {
          events.push(step);
          byEvent.set(step.id, page);
          y.events++;
          y[step.group]++;
        }
      }
    }
  });
  return {
    filter,
    listing,
    events,
    landmarks,
    years: [...years.values()],
    range: yearRange(site),
    page: (path) => {
      const i = byPath.get(path);
      return i === undefined ? undefined : listing.pages[i];
    },
    neighbours: (page) => {
      const i = byPath.get(page.path);
      return i === undefined ? {} : { prev: listing.pages[i - 1], next: listing.pages[i + 1] };
    },
    pageOfEvent: (id) => byEvent.get(id),
    pageOfLandmark: (slug) => byLandmark.get(slug),
  };
}

const filterKey = (filter?: Filter) => (filter ? `${filter.by}:${filter.value}` : '');
const memo = new WeakMap<object, Map<string, TimelinePlan>>();

/** The plan of a view of this site model, computed once per build. */
export function timelinePlan(site: Pick<SiteModel, 'procedures' | 'events'>, filter?: Filter): TimelinePlan {
  let plans = memo.get(site);
  if (!plans) memo.set(site, (plans = new Map()));
  const key = filterKey(filter);
  let plan = plans.get(key);
  if (!plan) plans.set(key, (plan = planTimeline(site, filter)));
  return plan;
}

/** Every view that has pages: the whole timeline, then each kind and each theme that has events. */
export function timelineViews(site: Pick<SiteModel, 'themes' | 'events'>): Array<Filter | undefined> {
  return [
    undefined,
    ...kindsWithEvents(site.events).map((k): Filter => ({ by: 'kind', value: k.kind })),
    ...themesWithEvents(site).map((t): Filter => ({ by: 'theme', value: t.id })),
  ];
}

/**
 * Site path (no base) of an event on the timeline, or in a filtered view of it: its page and
 * fragment, `timeline/2019/#event-<id>`. Undefined when the view does not show the event.
 */
export function eventOnTimeline(site: Pick<SiteModel, 'procedures' | 'events'>, id: string, filter?: Filter): string | undefined {
  const page = timelinePlan(site, filter).pageOfEvent(id);
  return page && `${page.path}#${eventFragment(id)}`;
}

/** Site path (no base) of a resolution's landmark on the timeline or a filtered view of it. */
export function landmarkOnTimeline(site: Pick<SiteModel, 'procedures' | 'events'>, slug: string, filter?: Filter): string | undefined {
  const page = timelinePlan(site, filter).pageOfLandmark(slug);
  return page && `${page.path}#${landmarkFragment(slug)}`;
}
