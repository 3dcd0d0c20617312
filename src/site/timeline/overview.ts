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
 *
 * That drawing grows with the corpus (a mark per date, a label per resolution), and it sits on the
 * timeline's index page, which must stay within the page budget. Past DETAIL_MAX_MARKS marks or
 * DETAIL_MAX_LANDMARKS resolutions it is drawn per year instead (`mode: 'yearly'`): a bar per year
 * (facts stated, procedural steps) and the number of resolutions adopted that year, so its size
 * grows with the number of years only.
 */
import { compareDates, precisionOf } from '../../content/model/dates.ts';

export interface OverviewEventInput {
  id: string;
  date: string;
  endDate?: string;
  group: 'context' | 'procedural';
  /** What happened (the event's title), for the mark's name: a mark says which fact it stands for. */
  title?: string;
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
  /** Their titles, in the same order (empty strings where an event has none). */
  titles: string[];
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
  /** False when years are too narrow for every label: then every n-th year is labelled. */
  labelled: boolean;
}

/** Yearly mode: a year's events as a bar, stacked from the axis up: procedural steps, then facts stated. */
export interface OverviewBar {
  year: number;
  x: number;
  width: number;
  segments: Array<{ group: 'context' | 'procedural'; count: number; y: number; height: number }>;
}

/** Yearly mode: the number of resolutions adopted in a year, written above the year. */
export interface OverviewLandmarkCount {
  year: number;
  count: number;
  x: number;
  textY: number;
  pinY: number;
}

/**
 * A key to what is drawn. Written in HTML under the drawing, not inside it: inside, it would be as
 * wide as the drawing and cut at the edge of its scrolling box on a phone.
 */
export interface LegendItem {
  key: 'landmark' | 'landmark-year' | Band | 'landmark-count' | 'bar-context' | 'bar-procedural';
  label: string;
}

export interface YearCount {
  year: number;
  context: number;
  procedural: number;
  landmarks: string[];
}

export interface Overview {
  /** One mark per date and a label per resolution, or (too many for that) counts per year. */
  mode: 'detail' | 'yearly';
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
  bars: OverviewBar[];
  landmarkCounts: OverviewLandmarkCount[];
  legend: LegendItem[];
  counts: YearCount[];
  title: string;
  desc: string;
}

export const MIN_MARK = 3;
/**
 * Width of the drawing in user units, at least: more when there are many years, so that every
 * year keeps YEAR_WIDTH units and its label. The drawing is never shown narrower than that many
 * CSS px (Overview.astro gives it its width as its size and lets it grow to the column): on a
 * phone it is drawn 1:1 and scrolls sideways in its box, so its 12-unit labels are 12 CSS px; a
 * wider screen scales it up to the column (about 16 px at 1366).
 */
export const OVERVIEW_WIDTH = 720;
export const YEAR_WIDTH = 40;
/**
 * Above these, the overview is drawn per year. Measured on built pages (the real /timeline/, 46
 * marks and 4 labels: 2.1 KB gzip; a 200-procedure one, 239 marks and 200 labels: 13.7 KB, the
 * whole budget), a mark costs about 25 bytes gzip and a labelled resolution about 35: at these
 * limits the drawing stays near 5 KB, and the index page near 11 KB of its 14. Drawn per year it
 * is under 2 KB at 200 and at 2,000 procedures.
 */
export const DETAIL_MAX_MARKS = 150;
export const DETAIL_MAX_LANDMARKS = 12;
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function buildOverview(events: readonly OverviewEventInput[], landmarkInput: readonly OverviewLandmarkInput[], options: OverviewOptions = {}): Overview {
  let first = Infinity;
  let last = -Infinity;
  for (const d of [...events.flatMap((e) => [e.date, e.endDate ?? e.date]), ...landmarkInput.map((l) => l.date)]) {
    first = Math.min(first, Number(d.slice(0, 4)));
    last = Math.max(last, Number(d.slice(0, 4)));
  }
  const from = options.from ?? (Number.isFinite(first) ? first : new Date().getUTCFullYear());
  const to = Math.max(options.to ?? (Number.isFinite(last) ? last : from), from);
  const width = options.width ?? Math.max(OVERVIEW_WIDTH, (to - from + 1) * YEAR_WIDTH + 32);
  const margin = 16;
  const x0 = margin;
  const x1 = width - margin;
  const scale = timeScale(from, to, x0, x1);
  const span = (date: string, endDate?: string): [number, number] => [scale(interval(date)[0]), scale(interval(endDate ?? date)[1])];

  const yearList: OverviewYear[] = [];
  const yearWidth = (x1 - x0) / (to - from + 1);
  const labelStep = Math.ceil((textWidth('0000') + 8) / yearWidth);
  for (let year = from; year <= to; year++) {
    const [a, b] = span(String(year));
    yearList.push({ year, x: a, x2: b, labelX: (a + b) / 2, labelled: (year - from) % labelStep === 0 });
  }

  // Counts per year (by the year an event starts, as the timeline's pages group them).
  const countOf = new Map<number, YearCount>(yearList.map(({ year }) => [year, { year, context: 0, procedural: 0, landmarks: [] }]));
  for (const e of events) {
    const c = countOf.get(Number(e.date.slice(0, 4)));
    if (c) c[e.group]++;
  }
  const sortedLandmarks = [...landmarkInput].sort((a, b) => compareDates(a.date, b.date));
  for (const l of sortedLandmarks) countOf.get(Number(l.date.slice(0, 4)))?.landmarks.push(l.reference);
  const counts = [...countOf.values()];

  const markCount = new Set(events.map((e) => `${e.group}|${e.date}|${e.endDate ?? ''}`)).size;
  const mode: Overview['mode'] = markCount > DETAIL_MAX_MARKS || landmarkInput.length > DETAIL_MAX_LANDMARKS ? 'yearly' : 'detail';
  const layout = mode === 'detail' ? detailLayout(events, sortedLandmarks, span, width) : yearlyLayout(counts, yearList, yearWidth);
  const { axisY, yearLabelY, plotBottom } = layout;

  // Legend: what is drawn, and only that.
  const legendDefs: Array<[LegendItem['key'], string, boolean]> =
    mode === 'detail'
      ? [
          ['landmark', 'Resolution adopted', landmarkInput.some((l) => l.dateStated)],
          ['landmark-year', 'Resolution, only the year known', landmarkInput.some((l) => !l.dateStated)],
          ['point', 'Fact stated in the texts (day or month)', layout.marks.some((m) => m.band === 'point')],
          ['span', 'Fact known only to the year', layout.marks.some((m) => m.band === 'span')],
          ['procedural', 'Procedural step', layout.marks.some((m) => m.band === 'procedural')],
        ]
      : [
          ['landmark-count', 'Resolutions in the year (number)', landmarkInput.length > 0],
          ['bar-context', 'Facts stated in the texts', counts.some((c) => c.context > 0)],
          ['bar-procedural', 'Procedural steps', counts.some((c) => c.procedural > 0)],
        ];
  const legend: LegendItem[] = legendDefs.filter(([, , shown]) => shown).map(([key, label]) => ({ key, label }));
  const height = Math.ceil(plotBottom + 8);

  const context = events.filter((e) => e.group === 'context');
  const yearOnly = context.filter((e) => precisionOf(e.date) === 'year').length;
  const busiest = [...counts].sort((a, b) => b.context - a.context || a.year - b.year)[0];
  const mostLandmarks = [...counts].sort((a, b) => b.landmarks.length - a.landmarks.length || a.year - b.year)[0];
  const title = `Overview of the timeline, ${from}–${to}`;
  const desc = [
    `A time axis from ${from} to ${to}.`,
    mode === 'detail'
      ? `Resolutions marked on it: ${sortedLandmarks.map((l) => `${l.reference} (${l.dateStated ? shortDate(l.date) : `${l.date}, adoption day not stated`})`).join(', ')}.`
      : `${plural(landmarkInput.length, 'resolution')}, written as their number per year` +
        (mostLandmarks && mostLandmarks.landmarks.length > 0 ? ` (most in ${mostLandmarks.year}: ${mostLandmarks.landmarks.length})` : '') +
        '; events drawn as a bar per year.',
    `${plural(context.length, 'dated fact')} stated in the texts` +
      (yearOnly ? `, ${yearOnly} of them known only to the year` : '') +
      `, and ${plural(events.length - context.length, 'procedural step')}.`,
    busiest && busiest.context > 0 ? `Most facts fall in ${busiest.year} (${busiest.context}).` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    mode,
    width,
    height,
    from,
    to,
    plot: { x0, x1, top: axisY, bottom: plotBottom },
    axisY,
    yearLabelY,
    years: yearList,
    landmarks: layout.landmarks,
    marks: layout.marks,
    bars: layout.bars,
    landmarkCounts: layout.landmarkCounts,
    legend,
    counts,
    title,
    desc,
  };
}

interface Layout {
  axisY: number;
  yearLabelY: number;
  plotBottom: number;
  landmarks: OverviewLandmark[];
  marks: OverviewMark[];
  bars: OverviewBar[];
  landmarkCounts: OverviewLandmarkCount[];
}

/** A mark per date below the axis, a labelled marker per resolution above it. */
function detailLayout(
  events: readonly OverviewEventInput[],
  sortedLandmarks: readonly OverviewLandmarkInput[],
  span: (date: string, endDate?: string) => [number, number],
  width: number,
): Layout {
  // Landmark labels, staggered into rows where they would overlap.
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
  const groups = new Map<string, { ids: string[]; titles: string[]; date: string; endDate?: string; group: 'context' | 'procedural' }>();
  for (const e of events) {
    const key = `${e.group}|${e.date}|${e.endDate ?? ''}`;
    const g = groups.get(key);
    if (g) {
      g.ids.push(e.id);
      g.titles.push(e.title ?? '');
    } else groups.set(key, { ids: [e.id], titles: [e.title ?? ''], date: e.date, endDate: e.endDate, group: e.group });
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
        titles: m.titles,
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
  return { axisY, yearLabelY, plotBottom, landmarks, marks, bars: [], landmarkCounts: [] };
}

/** Height of the tallest bar in yearly mode. */
const BAR_MAX = 80;

/** Per year: the number of resolutions above, the events as a bar standing on the axis. */
function yearlyLayout(counts: readonly YearCount[], years: readonly OverviewYear[], yearWidth: number): Layout {
  const textY = FONT + 2;
  const pinY = textY + 4;
  const barsTop = pinY + 16;
  const axisY = barsTop + BAR_MAX;
  const yearLabelY = axisY + 18;
  const max = Math.max(1, ...counts.map((c) => c.context + c.procedural));
  const barWidth = Math.max(MIN_MARK, Math.min(24, yearWidth * 0.6));
  const bars: OverviewBar[] = [];
  const landmarkCounts: OverviewLandmarkCount[] = [];
  counts.forEach((c, i) => {
    const centre = years[i]!.labelX;
    if (c.landmarks.length) landmarkCounts.push({ year: c.year, count: c.landmarks.length, x: centre, textY, pinY });
    if (!c.context && !c.procedural) return;
    let top = axisY;
    const segments: OverviewBar['segments'] = [];
    for (const group of ['procedural', 'context'] as const) {
      if (!c[group]) continue;
      // At least a sliver, so a year with one event among thousands is still visible.
      const height = Math.max(1.5, (c[group] / max) * BAR_MAX);
      top -= height;
      segments.push({ group, count: c[group], y: top, height });
    }
    bars.push({ year: c.year, x: centre - barWidth / 2, width: barWidth, segments });
  });
  return { axisY, yearLabelY, plotBottom: yearLabelY + 6, landmarks: [], marks: [], bars, landmarkCounts };
}
