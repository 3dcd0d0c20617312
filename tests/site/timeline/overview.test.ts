// Geometry of the timeline overview (src/site/timeline/overview.ts).
import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../src/content/model/dates.ts';
import { buildOverview, DETAIL_MAX_LANDMARKS, DETAIL_MAX_MARKS, interval, MIN_MARK, shortDate, textWidth, timeScale, type OverviewEventInput } from '../../../src/site/timeline/overview.ts';

const ev = (id: string, date: string, group: OverviewEventInput['group'] = 'context', endDate?: string): OverviewEventInput => ({ id, date, group, endDate });
const LANDMARKS = [
  { slug: '2013-2600', reference: '2013/2600(RSP)', date: '2013', dateStated: false },
  { slug: '2016-2607', reference: '2016/2607(RSP)', date: '2016-03-10', dateStated: true },
  { slug: '2019-2610', reference: '2019/2610(RSP)', date: '2019-03-14', dateStated: true },
  { slug: '2021-2544', reference: '2021/2544(RSP)', date: '2021-02-11', dateStated: true },
];
const DATES = ['2009-07-10', '2010', '2011-11-30', '2011-12', '2011-12-05', '2012', '2012-09', '2013-03-15', '2014', '2015', '2015-01-01', '2018-03-13', '2020-03-01'];

describe('interval', () => {
  it('gives each precision its whole period', () => {
    expect(interval('2012')).toEqual([Date.UTC(2012, 0, 1), Date.UTC(2013, 0, 1)]);
    expect(interval('2012-12')).toEqual([Date.UTC(2012, 11, 1), Date.UTC(2013, 0, 1)]);
    expect(interval('2012-02-29')).toEqual([Date.UTC(2012, 1, 29), Date.UTC(2012, 2, 1)]);
  });
});

describe('buildOverview', () => {
  const events = DATES.map((d, i) => ev(`e${i}`, d));
  const o = buildOverview(events, LANDMARKS);

  it('derives the axis range from the data', () => {
    expect(o.from).toBe(2009);
    expect(o.to).toBe(2021);
    expect(o.years.map((y) => y.year)).toEqual([2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(o.years[0]!.x).toBeCloseTo(o.plot.x0);
    expect(o.years.at(-1)!.x2).toBeCloseTo(o.plot.x1);
    const narrow = buildOverview([ev('a', '2014-05')], [], { from: 2012, to: 2016 });
    expect([narrow.from, narrow.to]).toEqual([2012, 2016]);
  });

  it('places marks monotonically in date order', () => {
    const byDate = [...o.marks].sort((a, b) => compareDates(a.date, b.date));
    for (let i = 1; i < byDate.length; i++) {
      const a = byDate[i - 1]!;
      const b = byDate[i]!;
      expect(b.start, `${a.date} → ${b.date}`).toBeGreaterThanOrEqual(a.start);
      expect(b.x).toBeGreaterThanOrEqual(a.x);
      if (compareDates(a.date, b.date) < 0 && a.date.length === b.date.length) expect(b.start).toBeGreaterThan(a.start);
    }
    const at = (d: string) => o.marks.find((m) => m.date === d)!;
    expect(at('2011-12').start).toBeGreaterThan(at('2011-11-30').start);
    expect(at('2011-12').start).toBeLessThan(at('2011-12-05').start);
    expect(at('2015').start).toBeCloseTo(at('2015-01-01').start);
  });

  it('draws a year-only date as a span across its year, in its own band', () => {
    for (const d of ['2010', '2012', '2014', '2015']) {
      const m = o.marks.find((x) => x.date === d)!;
      const year = o.years.find((y) => y.year === Number(d))!;
      expect(m.band).toBe('span');
      expect(m.precision).toBe('year');
      expect(m.x).toBeCloseTo(year.x);
      expect(m.x + m.width).toBeCloseTo(year.x2);
    }
    const spansTop = Math.min(...o.marks.filter((m) => m.band === 'span').map((m) => m.y));
    const pointsBottom = Math.max(...o.marks.filter((m) => m.band === 'point').map((m) => m.y + m.height));
    expect(spansTop).toBeGreaterThan(pointsBottom);
  });

  it('positions month and day precision inside their year, at least MIN_MARK wide', () => {
    for (const m of o.marks.filter((x) => x.precision !== 'year')) {
      const year = o.years.find((y) => y.year === Number(m.date.slice(0, 4)))!;
      expect(m.start).toBeGreaterThanOrEqual(year.x);
      expect(m.end).toBeLessThanOrEqual(year.x2 + 1e-9);
      expect(m.width).toBeGreaterThanOrEqual(MIN_MARK);
      expect(m.band).toBe('point');
    }
    const sept = o.marks.find((m) => m.date === '2012-09')!;
    const year = o.years.find((y) => y.year === 2012)!;
    expect(sept.end - sept.start).toBeCloseTo(((year.x2 - year.x) * 30) / 366);
    const span = o.marks.find((m) => m.date === '2013-03-15')!;
    expect(span.end - span.start).toBeCloseTo(((year.x2 - year.x) * 1) / 366, 5);
  });

  it('extends a span with an end date to the end of that date', () => {
    const r = buildOverview([ev('r', '2013-03-15', 'context', '2013-03-16')], [], { from: 2013, to: 2013 });
    const scale = timeScale(2013, 2013, r.plot.x0, r.plot.x1);
    expect(r.marks[0]!.end).toBeCloseTo(scale(Date.UTC(2013, 2, 17)));
  });

  it('shares one mark between events on the same date, and keeps marks in a lane apart', () => {
    const r = buildOverview([ev('a', '2016-03-08', 'procedural'), ev('b', '2016-03-08', 'procedural'), ev('c', '2016-03-10', 'procedural'), ev('d', '2016-03-10')], [], { from: 2009, to: 2021 });
    const proc = r.marks.filter((m) => m.band === 'procedural');
    expect(proc.map((m) => m.count)).toEqual([2, 1]);
    expect(proc[0]!.ids).toEqual(['a', 'b']);
    expect(proc[0]!.lane).not.toBe(proc[1]!.lane); // closer than a mark's width
    for (const band of ['point', 'span', 'procedural'] as const) {
      const inBand = o.marks.filter((m) => m.band === band);
      for (const a of inBand) for (const b of inBand) if (a !== b && a.lane === b.lane) expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
    }
  });

  it('marks resolutions: a rule at the adoption day, a bracket across the year when only the year is known', () => {
    const l13 = o.landmarks.find((l) => l.slug === '2013-2600')!;
    const y13 = o.years.find((y) => y.year === 2013)!;
    expect([l13.x, l13.x2]).toEqual([y13.x, y13.x2]);
    expect(l13.lines[1]).toContain('not stated');
    const l16 = o.landmarks.find((l) => l.slug === '2016-2607')!;
    expect(l16.x).toBe(l16.x2);
    expect(l16.lines).toEqual(['2016/2607(RSP)', '10 Mar 2016']);
    expect(l16.bottom).toBe(o.plot.bottom);
    const xs = o.landmarks.map((l) => l.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('keeps landmark labels inside the drawing and apart within a row', () => {
    const crowded = buildOverview([], [
      { slug: 'a', reference: '2019/0001(RSP)', date: '2019-01-02', dateStated: true },
      { slug: 'b', reference: '2019/0002(RSP)', date: '2019-01-20', dateStated: true },
      { slug: 'c', reference: '2019/0003(RSP)', date: '2019-12-30', dateStated: true },
    ], { width: 400 });
    const box = (l: (typeof crowded.landmarks)[number]) => {
      const w = Math.max(...l.lines.map((t) => textWidth(t)));
      const left = l.anchor === 'start' ? l.labelX : l.anchor === 'end' ? l.labelX - w : l.labelX - w / 2;
      return [left, left + w] as const;
    };
    for (const l of crowded.landmarks) {
      const [a, b] = box(l);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(crowded.width);
    }
    expect(crowded.landmarks.map((l) => l.row)).toEqual([0, 1, 0]);
    expect(crowded.axisY).toBeGreaterThan(Math.max(...crowded.landmarks.map((l) => l.lineY[1])));
  });

  it('counts events per year for the text alternative and describes the drawing', () => {
    const r = buildOverview([ev('a', '2012'), ev('b', '2012-05-01'), ev('c', '2016-03-10', 'procedural')], LANDMARKS);
    expect(r.counts.find((c) => c.year === 2012)).toEqual({ year: 2012, context: 2, procedural: 0, landmarks: [] });
    expect(r.counts.find((c) => c.year === 2016)).toEqual({ year: 2016, context: 0, procedural: 1, landmarks: ['2016/2607(RSP)'] });
    expect(r.counts.reduce((n, c) => n + c.context + c.procedural, 0)).toBe(3);
    expect(r.title).toBe('Overview of the timeline, 2012–2021');
    expect(r.desc).toContain('2013/2600(RSP) (2013, adoption day not stated)');
    expect(r.desc).toContain('2 dated facts');
    expect(r.desc).toContain('1 of them known only to the year');
    expect(r.height).toBeGreaterThan(r.plot.bottom);
  });

  it('gives each mark the titles of the events it draws, so its name says what happened', () => {
    const t = buildOverview([{ ...ev('a', '2012-12-21'), title: 'Ban of Alga!' }, { ...ev('b', '2012-12-21'), title: 'Second fact' }, ev('c', '2013-01-01')], []);
    expect(t.marks.map((m) => m.titles)).toEqual([['Ban of Alga!', 'Second fact'], ['']]);
  });

  it('shows in the legend only what is drawn', () => {
    expect(o.legend.map((k) => k.key)).toEqual(['landmark', 'landmark-year', 'point', 'span']);
    const r = buildOverview([ev('a', '2016-03-10', 'procedural')], LANDMARKS.slice(1));
    expect(r.legend.map((k) => k.key)).toEqual(['landmark', 'procedural']);
    // A view whose only resolution is known to the year (a theme's filter): no diamond in the key.
    const y = buildOverview([ev('a', '2012-09')], LANDMARKS.slice(0, 1));
    expect(y.legend.map((k) => k.key)).toEqual(['landmark-year', 'point']);
  });

  it('writes short dates only as precisely as known', () => {
    expect(shortDate('2013')).toBe('2013');
    expect(shortDate('2011-12')).toBe('Dec 2011');
    expect(shortDate('2021-02-11')).toBe('11 Feb 2021');
  });
});

describe('buildOverview of a large timeline', () => {
  // 2,000 resolutions and 20,000 events over 2004–2025, as a synthetic corpus of 2,000 procedures.
  const years = Array.from({ length: 22 }, (_, i) => 2004 + i);
  const day = (i: number) => `${years[i % 22]}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const events = Array.from({ length: 20_000 }, (_, i) => ev(`e${i}`, day(i * 7), i % 5 ? 'procedural' : 'context'));
  const resolutions = Array.from({ length: 2000 }, (_, i) => ({ slug: `r${i}`, reference: `${years[i % 22]}/${String(i).padStart(4, '0')}(RSP)`, date: day(i), dateStated: true }));
  const o = buildOverview(events, resolutions);

  it('is drawn per year, so its size grows with the years, not the events', () => {
    expect(o.mode).toBe('yearly');
    expect(o.marks).toEqual([]);
    expect(o.landmarks).toEqual([]);
    expect(o.bars.length).toBeLessThanOrEqual(years.length);
    expect(o.bars.flatMap((b) => b.segments).length).toBeLessThanOrEqual(2 * years.length);
    expect(o.landmarkCounts.length).toBeLessThanOrEqual(years.length);
    expect(o.desc.length).toBeLessThan(400);
  });

  it('counts every event and resolution in its year, as the table does', () => {
    expect(o.bars.flatMap((b) => b.segments).reduce((n, s) => n + s.count, 0)).toBe(events.length);
    expect(o.landmarkCounts.reduce((n, c) => n + c.count, 0)).toBe(resolutions.length);
    for (const b of o.bars) {
      const c = o.counts.find((x) => x.year === b.year)!;
      expect(b.segments.map((s) => [s.group, s.count])).toEqual([['procedural', c.procedural], ['context', c.context]].filter(([, n]) => n));
    }
    for (const l of o.landmarkCounts) expect(l.count).toBe(o.counts.find((x) => x.year === l.year)!.landmarks.length);
  });

  it('stands bars on the axis, taller for more events, within the drawing', () => {
    const total = (b: (typeof o.bars)[number]) => b.segments.reduce((n, s) => n + s.count, 0);
    const top = (b: (typeof o.bars)[number]) => Math.min(...b.segments.map((s) => s.y));
    for (const b of o.bars) {
      expect(b.segments[0]!.y + b.segments[0]!.height).toBeCloseTo(o.axisY);
      expect(top(b)).toBeGreaterThan(Math.max(...o.landmarkCounts.map((l) => l.pinY)));
      const year = o.years.find((y) => y.year === b.year)!;
      expect(b.x).toBeGreaterThanOrEqual(year.x);
      expect(b.x + b.width).toBeLessThanOrEqual(year.x2);
    }
    const [a, b] = [...o.bars].sort((x, y) => total(x) - total(y));
    if (total(a!) < total(b!)) expect(top(a!)).toBeGreaterThan(top(b!));
    expect(o.legend.map((k) => k.key)).toEqual(['landmark-count', 'bar-context', 'bar-procedural']);
  });

  it('switches from a mark per date just past its limits', () => {
    const dates = (n: number) => Array.from({ length: n }, (_, i) => ev(`d${i}`, `${2010 + Math.floor(i / 300)}-${String(1 + Math.floor((i % 300) / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`));
    expect(buildOverview(dates(DETAIL_MAX_MARKS), LANDMARKS).mode).toBe('detail');
    expect(buildOverview(dates(DETAIL_MAX_MARKS + 1), LANDMARKS).mode).toBe('yearly');
    expect(buildOverview([], resolutions.slice(0, DETAIL_MAX_LANDMARKS)).mode).toBe('detail');
    expect(buildOverview([], resolutions.slice(0, DETAIL_MAX_LANDMARKS + 1)).mode).toBe('yearly');
  });

  it('labels only as many years as fit', () => {
    const long = buildOverview([ev('a', '1800'), ev('b', '2025')], []);
    const labelled = long.years.filter((y) => y.labelled);
    expect(labelled[0]!.year).toBe(1800);
    for (let i = 1; i < labelled.length; i++) expect(labelled[i]!.labelX - labelled[i - 1]!.labelX).toBeGreaterThanOrEqual(textWidth('0000'));
    expect(o.years.every((y) => y.labelled)).toBe(true);
  });
});
