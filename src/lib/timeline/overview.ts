/**
 * Geometry of the timeline overview, computed at build time: a horizontal axis over whole years,
 * resolution landmarks as labelled markers above it, events as small marks below it. Pure data;
 * the Overview component draws it as SVG elements.
 *
 * Every date is an interval, from the start of what it names to the start of the next period:
 * a day is one day wide, "2012-09" the whole of September, "2014" the whole year. A mark is drawn
 * from the interval's start (`x`), so positions grow with `compareDates` order: "2011-12" starts
 * where "2011-12-01" does, before "2011-12-05" and after "2011-11-30"; "2015" starts with
 * "2015-01-01". Marks at least `MIN_MARK` wide; year-only dates are drawn as spans across the year
 * in a band of their own.
 */
import { compareDates, precisionOf } from '../model/dates.ts';

export interface OverviewEventInput {
  id: string;
  date: string;
  endDate?: string;
  group: 'context' | 'procedural';
}

export interface OverviewLandmarkInput {
  slug: string;
  reference: string;
  /** Adoption day, or the year alone when not stated. */
  date: string;
  dateStated: boolean;
}

export interface OverviewOptions {
  /** First and last year on the axis (inclusive); default: from the data. */
  from?: number;
  to?: number;
  /** Width of the drawing in user units (the viewBox). */
  width?: number;
}

export type Band = 'point' | 'span' | 'procedural';

export interface OverviewMark {
  /** Events drawn by this mark (several on the same date share one). */
  ids: string[];
  count: number;
  date: string;
  endDate?: string;
  precision: 'year' | 'month' | 'day';
  group: 'context' | 'procedural';
  band: Band;
  /** Unrounded position of the start of the date's interval, and of its end. */
  start: number;
  end: number;
  /** Drawn rectangle. */
  x: number;
  y: number;
  width: number;
  height: number;
  lane: number;
}

export interface OverviewLandmark extends OverviewLandmarkInput {
  /** Start and end of the date's interval (equal but for a year-only date). */
  x: number;
  x2: number;
  /** Where the label is anchored, and how. */
  labelX: number;
  anchor: 'start' | 'middle' | 'end';
  /** Label row (0 = top); rows stagger labels that would overlap. */
  row: number;
  lines: [string, string];
  /** Baselines of the two label lines. */
  lineY: [number, number];
  /** The marker: a vertical rule from `top` to `bottom` at x (day), or a bracket at bracketY across x..x2 (year only). */
  top: number;
  bottom: number;
  bracketY: number;
}

export interface OverviewYear {
  year: number;
  x: number;
  x2: number;
  labelX: number;
}

export interface LegendItem {
  key: 'landmark' | 'landmark-year' | Band;
  label: string;
  /** Swatch box and text baseline. */
  x: number;
  y: number;
  textX: number;
  textY: number;
}

export interface YearCount {
  year: number;
  context: number;
  procedural: number;
  landmarks: string[];
}

export interface Overview {
  width: number;
  height: number;
  from: number;
  to: number;
  plot: { x0: number; x1: number; top: number; bottom: number };
  axisY: number;
  yearLabelY: number;
  years: OverviewYear[];
  landmarks: OverviewLandmark[];
  marks: OverviewMark[];
  legend: LegendItem[];
  counts: YearCount[];
  title: string;
  desc: string;
}

export const MIN_MARK = 3;
const FONT = 12;
/** Rough width of a label in user units (for layout only: stagger and clamp). */
export const textWidth = (s: string, size = FONT) => s.length * size * 0.6;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Mar 2019", "Dec 2011", "2013". */
export function shortDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (!m) return y!;
  const mon = MONTHS[Number(m) - 1]!;
  return day ? `${Number(day)} ${mon} ${y}` : `${mon} ${y}`;
}

/** The interval a date names, as UTC milliseconds [start, end). */
export function interval(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
}

/** A linear time scale over whole years [from, to] onto [x0, x1]. */
export function timeScale(from: number, to: number, x0: number, x1: number) {
  const t0 = Date.UTC(from, 0, 1);
  const t1 = Date.UTC(to + 1, 0, 1);
  return (t: number) => x0 + ((t - t0) / (t1 - t0)) * (x1 - x0);
}

/** Greedy lanes: each mark goes in the first lane where it does not touch the previous mark. */
function assignLanes<T extends { x: number; width: number }>(marks: T[], gap = 1): Array<T & { lane: number }> {
  const ends: number[] = [];
  return marks.map((m) => {
    let lane = ends.findIndex((end) => end + gap <= m.x);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = m.x + m.width;
    return { ...m, lane };
  });
}

export function buildOverview(events: readonly OverviewEventInput[], landmarkInput: readonly OverviewLandmarkInput[], options: OverviewOptions = {}): Overview {
  const years = [...events.flatMap((e) => [e.date, e.endDate ?? e.date]), ...landmarkInput.map((l) => l.date)].map((d) => Number(d.slice(0, 4)));
  const from = options.from ?? (years.length ? Math.min(...years) : new Date().getUTCFullYear());
  const to = Math.max(options.to ?? (years.length ? Math.max(...years) : from), from);
  const width = options.width ?? 960;
  const margin = 16;
  const x0 = margin;
  const x1 = width - margin;
  const scale = timeScale(from, to, x0, x1);
  const span = (date: string, endDate?: string): [number, number] => [scale(interval(date)[0]), scale(interval(endDate ?? date)[1])];

  // Landmark labels, staggered into rows where they would overlap.
  const sortedLandmarks = [...landmarkInput].sort((a, b) => compareDates(a.date, b.date));
  const rowEnds: number[] = [];
  const placed = sortedLandmarks.map((l) => {
    const [s, e] = span(l.date);
    const x = s;
    const x2 = l.dateStated ? s : e;
    const lines: [string, string] = [l.reference, l.dateStated ? shortDate(l.date) : `${l.date}, day not stated`];
    const w = Math.max(...lines.map((t) => textWidth(t)));
    const centre = l.dateStated ? x : (x + x2) / 2;
    let anchor: OverviewLandmark['anchor'] = 'middle';
    let left = centre - w / 2;
    let labelX = centre;
    if (left < 0) {
      anchor = 'start';
      labelX = Math.max(0, x - 2);
      left = labelX;
    } else if (centre + w / 2 > width) {
      anchor = 'end';
      labelX = Math.min(width, x + 2);
      left = labelX - w;
    }
    let row = rowEnds.findIndex((end) => end + 8 <= left);
    if (row === -1) row = rowEnds.push(0) - 1;
    rowEnds[row] = left + w;
    return { l, x, x2, lines, labelX, anchor, row };
  });
  const rows = Math.max(1, rowEnds.length);
  const rowHeight = 2 * FONT + 8;
  const labelsBottom = rows * rowHeight;
  const axisY = labelsBottom + 14;
  const yearLabelY = axisY + 18;

  // Marks: one per distinct date (and group), in three bands below the axis.
  const groups = new Map<string, { ids: string[]; date: string; endDate?: string; group: 'context' | 'procedural' }>();
  for (const e of events) {
    const key = `${e.group}|${e.date}|${e.endDate ?? ''}`;
    const g = groups.get(key);
    if (g) g.ids.push(e.id);
    else groups.set(key, { ids: [e.id], date: e.date, endDate: e.endDate, group: e.group });
  }
  const ordered = [...groups.values()].sort((a, b) => compareDates(a.date, b.date) || compareDates(a.endDate ?? a.date, b.endDate ?? b.date));
  const bandOf = (g: { date: string; group: string }): Band => (g.group === 'procedural' ? 'procedural' : precisionOf(g.date) === 'year' ? 'span' : 'point');
  const bandLayout: Record<Band, { laneHeight: number; markHeight: number }> = {
    point: { laneHeight: 11, markHeight: 9 },
    span: { laneHeight: 8, markHeight: 5 },
    procedural: { laneHeight: 11, markHeight: 9 },
  };
  let y = yearLabelY + 10;
  const marks: OverviewMark[] = [];
  for (const band of ['point', 'span', 'procedural'] as const) {
    const inBand = ordered.filter((g) => bandOf(g) === band).map((g) => {
      const [start, end] = span(g.date, g.endDate);
      return { ...g, start, end, x: start, width: Math.max(MIN_MARK, end - start) };
    });
    const laid = assignLanes(inBand);
    const { laneHeight, markHeight } = bandLayout[band];
    for (const m of laid) {
      marks.push({
        ids: m.ids,
        count: m.ids.length,
        date: m.date,
        endDate: m.endDate,
        precision: precisionOf(m.date),
        group: m.group,
        band,
        start: m.start,
        end: m.end,
        x: m.x,
        y: y + m.lane * laneHeight,
        width: m.width,
        height: markHeight,
        lane: m.lane,
      });
    }
    const lanes = laid.length ? Math.max(...laid.map((m) => m.lane)) + 1 : 0;
    if (lanes) y += lanes * laneHeight + 6;
  }
  const plotBottom = y;

  const landmarks: OverviewLandmark[] = placed.map(({ l, x, x2, lines, labelX, anchor, row }) => {
    const lineY: [number, number] = [row * rowHeight + FONT + 2, row * rowHeight + 2 * FONT + 5];
    return { ...l, x, x2, labelX, anchor, row, lines, lineY, top: lineY[1] + 4, bottom: plotBottom, bracketY: lineY[1] + 6 };
  });

  const yearList: OverviewYear[] = [];
  for (let year = from; year <= to; year++) {
    const [a, b] = span(String(year));
    yearList.push({ year, x: a, x2: b, labelX: (a + b) / 2 });
  }

  // Legend: a flowing row (wrapping) of swatch + label.
  const legendDefs: Array<[LegendItem['key'], string]> = [
    ['landmark', 'Resolution adopted'],
    ...(landmarkInput.some((l) => !l.dateStated) ? [['landmark-year', 'Resolution, only the year known'] as [LegendItem['key'], string]] : []),
    ['point', 'Fact stated in the texts (day or month)'],
    ['span', 'Fact known only to the year'],
    ['procedural', 'Procedural step'],
  ];
  const shownDefs = legendDefs.filter(([key]) => key === 'landmark' || key === 'landmark-year' || marks.some((m) => m.band === key));
  const legend: LegendItem[] = [];
  let lx = x0;
  let ly = plotBottom + 8;
  for (const [key, label] of shownDefs) {
    const w = 16 + textWidth(label) + 18;
    if (lx + w > x1 && lx > x0) {
      lx = x0;
      ly += 20;
    }
    legend.push({ key, label, x: lx, y: ly, textX: lx + 16, textY: ly + 10 });
    lx += w;
  }
  const height = Math.ceil(ly + 20);

  const counts: YearCount[] = yearList.map(({ year }) => ({
    year,
    context: events.filter((e) => e.group === 'context' && Number(e.date.slice(0, 4)) === year).length,
    procedural: events.filter((e) => e.group === 'procedural' && Number(e.date.slice(0, 4)) === year).length,
    landmarks: landmarkInput.filter((l) => Number(l.date.slice(0, 4)) === year).map((l) => l.reference),
  }));

  const context = events.filter((e) => e.group === 'context');
  const busiest = [...counts].sort((a, b) => b.context - a.context || a.year - b.year)[0];
  const title = `Overview of the timeline, ${from}–${to}`;
  const desc = [
    `A time axis from ${from} to ${to}.`,
    `Resolutions marked on it: ${sortedLandmarks.map((l) => `${l.reference} (${l.dateStated ? shortDate(l.date) : `${l.date}, adoption day not stated`})`).join(', ')}.`,
    `${context.length} dated fact${context.length === 1 ? '' : 's'} stated in the texts` +
      (context.some((e) => precisionOf(e.date) === 'year') ? `, ${context.filter((e) => precisionOf(e.date) === 'year').length} of them known only to the year` : '') +
      `, and ${events.length - context.length} procedural step${events.length - context.length === 1 ? '' : 's'}.`,
    busiest && busiest.context > 0 ? `Most facts fall in ${busiest.year} (${busiest.context}).` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return { width, height, from, to, plot: { x0, x1, top: axisY, bottom: plotBottom }, axisY, yearLabelY, years: yearList, landmarks, marks, legend, counts, title, desc };
}
