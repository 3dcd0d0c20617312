// Ordering of mixed-precision dates on the timeline.
//
// The rule (compareDates, used by the timeline): a date known only to the year or month sorts at
// the START of its period: before every more precise date inside it, after everything earlier.
//   "2011-11-30" < "2011-12" < "2011-12-01" < "2011-12-05" < "2012"
//   "2015" < "2015-01-01"   (year-only first: it is listed at the head of its year)
// At an equal date: a resolution landmark, then stated facts, then procedural steps; otherwise the
// order given is kept (stable).
import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../src/content/model/dates.ts';
import { buildTimeline, compareEntries, filterTitle, formatSpan, sortEvents, type Entry } from '../../../src/site/timeline/timeline.ts';
import type { Procedure, TimelineEvent } from '../../../src/content/model/types.ts';

const ev = (id: string, date: string, group: TimelineEvent['group'] = 'context', extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id,
  date,
  kind: group === 'context' ? 'other' : 'key-event',
  group,
  title: id,
  slug: '2013-2600',
  themes: [],
  alsoStated: [],
  ...extra,
});

const proc = (slug: string, year: number, adoptedDate?: string) =>
  ({ slug, reference: `${slug.replace('-', '/')}(RSP)`, year, title: slug, adoptedDate, demands: [], items: new Map(), documents: [], data: {} }) as unknown as Procedure;

describe('compareDates on mixed precisions', () => {
  it('puts a month before the days of that month and after the days of the previous one', () => {
    expect(compareDates('2011-12', '2011-12-05')).toBeLessThan(0);
    expect(compareDates('2011-12', '2011-12-01')).toBeLessThan(0);
    expect(compareDates('2011-12', '2011-11-30')).toBeGreaterThan(0);
    expect(compareDates('2012-11', '2012-12-01')).toBeLessThan(0);
    expect(compareDates('2012-11-30', '2012-12')).toBeLessThan(0);
  });

  it('puts a year before every date inside it and after the previous year', () => {
    expect(compareDates('2015', '2015-01-01')).toBeLessThan(0);
    expect(compareDates('2015', '2015-01')).toBeLessThan(0);
    expect(compareDates('2015', '2014-12-31')).toBeGreaterThan(0);
    expect(compareDates('2015', '2014')).toBeGreaterThan(0);
  });

  it('compares equal dates as equal and is antisymmetric', () => {
    const dates = ['2011', '2011-12', '2011-12-05', '2012-01-01', '2012'];
    for (const a of dates) {
      expect(compareDates(a, a)).toBe(0);
      for (const b of dates) expect(Math.sign(compareDates(a, b)) + Math.sign(compareDates(b, a))).toBe(0);
    }
  });

  it('sorts a shuffled mixed list into one order', () => {
    const expected = ['2009-07-10', '2010', '2011-11-30', '2011-12', '2011-12-01', '2011-12-15', '2012', '2012-01-17', '2012-07', '2012-09', '2012-10-09', '2015', '2015-01-01', '2015-11-25'];
    const shuffled = [...expected].reverse();
    shuffled.push(shuffled.splice(3, 1)[0]!);
    expect(shuffled.sort(compareDates)).toEqual(expected);
  });
});

describe('sortEvents', () => {
  it('is stable at equal dates and puts stated facts before procedural steps', () => {
    const list = [ev('p1', '2016-03-10', 'procedural'), ev('b', '2016-03-10'), ev('a', '2016-03-10'), ev('p0', '2016-03-10', 'procedural'), ev('m', '2016-03')];
    expect(sortEvents(list).map((e) => e.id)).toEqual(['m', 'b', 'a', 'p1', 'p0']);
  });
});

describe('buildTimeline', () => {
  const site = {
    procedures: [proc('2013-2600', 2013), proc('2016-2607', 2016, '2016-03-10')],
    events: [
      ev('day-2013', '2013-01-01'),
      ev('month', '2011-12'),
      ev('day', '2011-12-05'),
      ev('before', '2011-11-30'),
      ev('year-2015', '2015'),
      ev('jan-2015', '2015-01-01'),
      ev('step', '2016-03-10', 'procedural'),
      ev('fact', '2016-03-10', 'context', { themes: ['t1'] }),
    ],
  };

  it('groups by year, oldest first, in date order, a landmark first at its date', () => {
    const groups = buildTimeline(site);
    expect(groups.map((g) => g.year)).toEqual([2011, 2013, 2015, 2016]);
    const ids = groups.map((g) => g.entries.map((e: Entry) => (e.type === 'landmark' ? `L:${e.landmark.procedure.slug}` : e.event.id)));
    expect(ids).toEqual([['before', 'month', 'day'], ['L:2013-2600', 'day-2013'], ['year-2015', 'jan-2015'], ['L:2016-2607', 'fact', 'step']]);
    expect(groups.map((g) => g.eventCount)).toEqual([3, 1, 2, 2]);
  });

  it('keeps a year-only landmark at the head of its year', () => {
    const [first] = buildTimeline(site).filter((g) => g.year === 2013);
    const e = first!.entries[0]!;
    expect(e.type === 'landmark' && e.landmark.dateStated).toBe(false);
    expect(e.date).toBe('2013');
  });

  it('filters by kind and theme, with the landmarks of the resolutions that state the events shown', () => {
    const stated = {
      procedures: site.procedures,
      events: [...site.events, ev('also', '2014-05-01', 'context', { themes: ['t2'], alsoStated: [{ slug: '2016-2607', anchor: 'para-1', quote: 'q' }] })],
    };
    const landmarksOf = (groups: ReturnType<typeof buildTimeline>) => groups.flatMap((g) => g.entries).flatMap((e) => (e.type === 'landmark' ? [e.landmark.procedure.slug] : []));
    const eventsOf = (groups: ReturnType<typeof buildTimeline>) => groups.flatMap((g) => g.entries).flatMap((e) => (e.type === 'event' ? [e.event.id] : []));
    const byTheme = buildTimeline(stated, { by: 'theme', value: 't1' });
    expect(eventsOf(byTheme)).toEqual(['fact']);
    expect(landmarksOf(byTheme)).toEqual(['2013-2600']);
    // Stated in one procedure and also in another: both are landmarks.
    expect(landmarksOf(buildTimeline(stated, { by: 'theme', value: 't2' }))).toEqual(['2013-2600', '2016-2607']);
    const byKind = buildTimeline(stated, { by: 'kind', value: 'key-event' });
    expect(eventsOf(byKind)).toEqual(['step']);
    // Unfiltered, every resolution is a landmark.
    expect(landmarksOf(buildTimeline(stated))).toEqual(['2013-2600', '2016-2607']);
  });

  it('orders entries with compareEntries consistently with compareDates', () => {
    const entries = buildTimeline(site).flatMap((g) => g.entries);
    for (let i = 1; i < entries.length; i++) {
      expect(compareEntries(entries[i - 1]!, entries[i]!)).toBeLessThanOrEqual(0);
      expect(compareDates(entries[i - 1]!.date, entries[i]!.date)).toBeLessThanOrEqual(0);
    }
  });
});

describe('formatSpan', () => {
  it('writes dates only as precisely as known', () => {
    expect(formatSpan('2011')).toBe('2011');
    expect(formatSpan('2011-12')).toBe('December 2011');
    expect(formatSpan('2011-12-05')).toBe('5 December 2011');
    expect(formatSpan('2013-03-15', '2013-03-16')).toBe('15–16 March 2013');
    expect(formatSpan('2013-03-30', '2013-04-02')).toBe('30 March 2013 – 2 April 2013');
  });
});

describe('filterTitle', () => {
  it('keeps titles short enough for the site name to follow', () => {
    expect(filterTitle('Court decisions')).toBe('Timeline: Court decisions');
    expect(filterTitle('Civil society and human rights defenders')).toBe('Civil society and human rights defenders');
    const t = filterTitle('Elections, opposition and political pluralism');
    expect(t.length).toBeLessThanOrEqual(43);
    expect(t).toBe('Elections, opposition and political…');
  });
});
