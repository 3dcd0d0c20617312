/**
 * The cross-year timeline: events and resolution landmarks in order, grouped by year, filtered
 * by kind or theme, each with the place that states it. Pure functions of the site model; paths
 * are site paths without the base (pages pass them through `withBase`).
 *
 * Ordering of mixed precisions (see `compareDates`): a date known only to the year or month sorts
 * at the start of its period, before every more precise date inside it and after everything
 * earlier. So "2011-11-30" < "2011-12" < "2011-12-05" < "2012", and "2015" < "2015-01-01".
 * At an equal date a resolution landmark comes first, then facts stated in the texts, then
 * procedural steps; otherwise the model's order is kept (the sort is stable).
 */
import type { Procedure, SiteModel, TimelineEvent } from '../../content/model/types.ts';
import { compareDates, formatDate, precisionOf } from '../../content/model/dates.ts';
import { placeName } from '../labels.ts';
import { itemPath, procedurePath } from '../paths.ts';

/** A resolution as a landmark: the day its adoption is stated, or else only its year. */
export interface Landmark {
  procedure: Procedure;
  /** The adoption day, or the reference's year when no source states the day. */
  date: string;
  /** False when the sources state no adoption date (the year is the reference's). */
  dateStated: boolean;
}

/**
 * An entry of the timeline: an event, or a resolution's landmark with the steps of its procedure
 * (tabled motions, debate, vote: `steps`, in date order) folded under it, so that a year is not
 * swamped by them (see `timelineEntries`).
 */
export type Entry =
  | { type: 'landmark'; date: string; landmark: Landmark; steps: TimelineEvent[] }
  | { type: 'event'; date: string; event: TimelineEvent };

export interface YearGroup {
  year: number;
  entries: Entry[];
  /** Events in the group, the steps folded under landmarks included (landmarks not counted). */
  eventCount: number;
}

export type Filter = { by: 'kind'; value: string } | { by: 'theme'; value: string };

/** Plural labels, for the filter navigation; in this order. */
export const KIND_LABELS: Record<string, string> = {
  violence: 'Violence',
  ban: 'Bans',
  court: 'Court decisions',
  detention: 'Arrests and detention',
  legislation: 'Legislation',
  agreement: 'Agreements',
  election: 'Elections',
  statement: 'Statements',
  visit: 'Visits',
  dialogue: 'Dialogues and meetings',
  'ep-resolution': 'Earlier EP resolutions (cited)',
  institution: 'International roles',
  other: 'Other facts',
  'key-event': 'Procedure key events',
  document: 'Procedure documents',
  adoption: 'Adoption dates printed on a summary',
};

/** Singular labels, for one event. */
export const KIND_LABEL_ONE: Record<string, string> = {
  violence: 'Violence',
  ban: 'Ban',
  court: 'Court decision',
  detention: 'Arrest or detention',
  legislation: 'Legislation',
  agreement: 'Agreement',
  election: 'Election',
  statement: 'Statement',
  visit: 'Visit',
  dialogue: 'Dialogue or meeting',
  'ep-resolution': 'Earlier EP resolution (cited)',
  institution: 'International role',
  other: 'Other fact',
  'key-event': 'Procedure key event',
  document: 'Procedure document',
  adoption: 'Adopted (date printed on the summary)',
};

export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

/** "1 event", "12 events". */
export const eventCount = (n: number) => `${n} event${n === 1 ? '' : 's'}`;

/** The label of a filter: the kind's plural label, or the theme's. */
export function filterLabel(site: Pick<SiteModel, 'themeById'>, filter: Filter): string {
  return filter.by === 'kind' ? kindLabel(filter.value) : (site.themeById.get(filter.value)?.label ?? filter.value);
}
export const kindLabelOne = (kind: string) => KIND_LABEL_ONE[kind] ?? kind;

/** The landmark date of a procedure: the stated adoption day, or else its reference's year. */
export function landmarkOf(p: Procedure): Landmark {
  return p.adoptedDate ? { procedure: p, date: p.adoptedDate, dateStated: true } : { procedure: p, date: String(p.year), dateStated: false };
}

export function landmarks(site: Pick<SiteModel, 'procedures'>): Landmark[] {
  return site.procedures.map(landmarkOf);
}

const rank = (e: Entry) => (e.type === 'landmark' ? 0 : e.event.group === 'context' ? 1 : 2);

/** Chronological, mixed precisions by `compareDates`; at an equal date landmark, then context, then procedural. */
export function compareEntries(a: Entry, b: Entry): number {
  return compareDates(a.date, b.date) || rank(a) - rank(b);
}

/** A stable sort of timeline events (a copy). */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => compareDates(a.date, b.date) || (a.group === b.group ? 0 : a.group === 'context' ? -1 : 1));
}

export function matches(e: TimelineEvent, filter: Filter | undefined): boolean {
  if (!filter) return true;
  return filter.by === 'kind' ? e.kind === filter.value : e.themes.includes(filter.value);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** The procedures that state an event: the one it belongs to, and those it is also stated in. */
export const statedIn = (e: TimelineEvent): string[] => [e.slug, ...e.alsoStated.map((a) => a.slug)];

/**
 * The entries of the timeline, in order: the events (filtered) and resolution landmarks. Unfiltered,
 * every resolution is a landmark. Filtered, only the resolutions that state the events shown are:
 * the landmarks then say which texts the events come from, and a filter's pages grow with its own
 * events, not with every resolution of the site (with every landmark on every filter, 2,000
 * resolutions would put 2,000 landmarks on each of some thirty filters).
 *
 * A procedural step (key event, document, dateline) of a resolution whose landmark is in the same
 * year is folded under that landmark (`steps`), except in a view of one procedural kind, where the
 * steps are what the reader asked to see. A step in another year than its landmark stays an entry.
 */
export function timelineEntries(site: Pick<SiteModel, 'procedures' | 'events'>, filter?: Filter): Entry[] {
  const events = site.events.filter((e) => matches(e, filter));
  const stating = filter ? new Set(events.flatMap(statedIn)) : undefined;
  const sorted = [
    ...landmarks(site)
      .filter((l) => !stating || stating.has(l.procedure.slug))
      .map((l): Entry => ({ type: 'landmark', date: l.date, landmark: l, steps: [] })),
    ...events.map((e): Entry => ({ type: 'event', date: e.date, event: e })),
  ].sort(compareEntries);
  const fold = !(filter?.by === 'kind' && PROCEDURAL_KINDS.has(filter.value));
  if (!fold) return sorted;
  const landmarkOf = new Map<string, Extract<Entry, { type: 'landmark' }>>();
  for (const e of sorted) if (e.type === 'landmark') landmarkOf.set(e.landmark.procedure.slug, e);
  return sorted.filter((e) => {
    if (e.type !== 'event' || e.event.group !== 'procedural') return true;
    const home = landmarkOf.get(e.event.slug);
    if (!home || yearOf(home.date) !== yearOf(e.date)) return true;
    home.steps.push(e.event);
    return false;
  });
}

/** The kinds of procedural steps (events of group `procedural`): a view of one of them is not folded. */
export const PROCEDURAL_KINDS = new Set(['key-event', 'document', 'adoption']);

/** Entries in order, grouped by year (oldest first). */
export function groupByYear(entries: readonly Entry[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const entry of entries) {
    const year = yearOf(entry.date);
    let g = groups.at(-1);
    if (!g || g.year !== year) groups.push((g = { year, entries: [], eventCount: 0 }));
    g.entries.push(entry);
    g.eventCount += entry.type === 'event' ? 1 : entry.steps.length;
  }
  return groups;
}

/** The timeline's entries (see `timelineEntries`) grouped by year, oldest first. */
export function buildTimeline(site: Pick<SiteModel, 'procedures' | 'events'>, filter?: Filter): YearGroup[] {
  return groupByYear(timelineEntries(site, filter));
}

/** Kinds that have events, in the order of KIND_LABELS (unknown kinds last, alphabetically). */
export function kindsWithEvents(events: readonly TimelineEvent[]): Array<{ kind: string; label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const order = Object.keys(KIND_LABELS);
  const pos = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...counts]
    .sort(([a], [b]) => pos(a) - pos(b) || a.localeCompare(b))
    .map(([kind, count]) => ({ kind, label: kindLabel(kind), count }));
}

/** Themes that have events, in taxonomy order. */
export function themesWithEvents(site: Pick<SiteModel, 'themes' | 'events'>): Array<{ id: string; label: string; count: number }> {
  return site.themes
    .map((t) => ({ id: t.id, label: t.label, count: site.events.filter((e) => e.themes.includes(t.id)).length }))
    .filter((t) => t.count > 0);
}

/** Where something is stated: a site path (no base) and how to name it. */
export interface SourceLink {
  path: string;
  /** The fragment id on the target page. */
  fragment: string;
  /** "2013/2600(RSP), recital D". */
  label: string;
}

/** The place stating an item of a procedure. */
export function itemSource(site: Pick<SiteModel, 'bySlug'>, slug: string, anchor: string): SourceLink {
  const p = site.bySlug.get(slug);
  const name = (p && placeName(p, anchor)) ?? anchor;
  return { path: itemPath(slug, anchor), fragment: anchor, label: `${p?.reference ?? slug}, ${name}` };
}

/**
 * The place an event comes from: the item stating it; for procedural events the procedure page's
 * key-events or documents table, or the summary whose dateline gives the adoption day.
 */
export function sourceOf(site: Pick<SiteModel, 'bySlug'>, e: TimelineEvent): SourceLink | undefined {
  if (e.anchor) return itemSource(site, e.slug, e.anchor);
  const p = site.bySlug.get(e.slug);
  if (!p) return undefined;
  const at = (fragment: string, what: string): SourceLink => ({ path: itemPath(e.slug, fragment), fragment, label: `${p.reference}, ${what}` });
  switch (e.kind) {
    case 'key-event':
      return at('key-events', 'key events (procedure file)');
    case 'document':
      return at('documentation', 'documents (procedure file)');
    case 'adoption': {
      const doc = p.data.documents.find((d) => d.kind === 'summary' && d.dateline) ?? p.data.documents[0];
      return doc ? at(`doc-${doc.id}`, 'the date printed under the title of the summary') : undefined;
    }
    default:
      return { path: procedurePath(e.slug), fragment: '', label: p.reference };
  }
}

/** A date or span written only as precisely as known: "15–16 March 2013", "2014", "December 2011". */
export function formatSpan(date: string, endDate?: string): string {
  if (!endDate || endDate === date) return formatDate(date);
  if (precisionOf(date) === 'day' && precisionOf(endDate) === 'day' && date.slice(0, 7) === endDate.slice(0, 7)) {
    const [, , d1] = date.split('-');
    return `${Number(d1)}–${formatDate(endDate)}`;
  }
  return `${formatDate(date)} – ${formatDate(endDate)}`;
}

/** The first and last year of the timeline: events and landmarks. */
export function yearRange(site: Pick<SiteModel, 'procedures' | 'events'>): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  // A loop, not Math.min(...years): tens of thousands of events would overflow the argument list.
  for (const d of [...site.events.flatMap((e) => [e.date, e.endDate ?? e.date]), ...landmarks(site).map((l) => l.date)]) {
    from = Math.min(from, yearOf(d));
    to = Math.max(to, yearOf(d));
  }
  return { from, to };
}

/**
 * The <title> of a filtered page, short enough that with the site name the layout appends
 * (" · EP demands on Kazakhstan") it stays within 70 characters: "Timeline: <label>", else the
 * label alone, else the label cut at a word with "…". The page's <h1> keeps the full label.
 */
export function filterTitle(label: string, max = 43): string {
  const full = `Timeline: ${label}`;
  if (full.length <= max) return full;
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).replace(/[,;:]$/, '')}…`;
}
