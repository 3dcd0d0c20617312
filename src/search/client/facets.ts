/**
 * Facets: the filters of a query (year, procedure, theme, addressee, document kind, what), whether
 * a document passes them, and the counts of every facet value over a result set. Each facet is
 * counted with the OTHER active filters applied, so the alternatives to a selected value stay visible.
 */
import type { FacetName, FacetValue, SearchQuery } from '../types.ts';
import { FACET_KEY, type ListSummary } from '../layout.ts';
import { decodeList, type IndexFiles, type PostingsList } from './index-files.ts';
import type { IndexModel } from './index-model.ts';
import type { Candidates } from './candidates.ts';
import { cmp, sortedHas } from './util.ts';
import type { WordSet } from './words.ts';

/** The filters, in bit order (bit i of a fail mask = FILTERS[i]). */
export const FILTERS: FacetName[] = ['year', 'procedure', 'theme', 'addressee', 'kind', 'what'];
const BIT = Object.fromEntries(FILTERS.map((f, i) => [f, i])) as Record<FacetName, number>;

/** Resolved filter values: an index into the model's tables, or −1 for a value that matches nothing. */
export interface Filters {
  year?: number;
  procedure?: number;
  theme?: number;
  addressee?: number;
  kind?: number;
  what?: number;
  active: FacetName[];
  /** The procedure filter's facet list. */
  procedureList?: PostingsList;
}

export async function resolveFilters(files: IndexFiles, model: IndexModel, q: SearchQuery): Promise<Filters> {
  const f: Filters = { active: [] };
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (given(q.year)) {
    const y = Number(q.year);
    f.year = Number.isInteger(y) ? y : -1;
    f.active.push('year');
  }
  if (given(q.procedure)) {
    const list = await files.list(model, FACET_KEY.procedure(String(q.procedure)));
    f.procedure = list && list.n > 0 ? model.procOf(decodeList(list).docs[0]!) : -1;
    f.procedureList = list;
    f.active.push('procedure');
  }
  if (given(q.theme)) {
    f.theme = model.themeIndex.get(String(q.theme)) ?? -1;
    f.active.push('theme');
  }
  if (given(q.addressee)) {
    f.addressee = model.addresseeIndex.get(String(q.addressee)) ?? -1;
    f.active.push('addressee');
  }
  if (given(q.kind)) {
    f.kind = model.kindIndex.get(String(q.kind)) ?? -1;
    f.active.push('kind');
  }
  if (given(q.what)) {
    f.what = model.whatIndex.get(String(q.what)) ?? -1;
    f.active.push('what');
  }
  return f;
}

/** Bitmask of the filters (bit i = FILTERS[i]) that `doc` fails. */
export function failMask(model: IndexModel, f: Filters, doc: number, combo: number): number {
  if (f.active.length === 0) return 0;
  let mask = 0;
  if (f.year !== undefined || f.procedure !== undefined) {
    const pi = model.procOf(doc);
    if (f.year !== undefined && (pi < 0 || model.procYear[pi] !== f.year)) mask |= 1 << BIT.year;
    if (f.procedure !== undefined && pi !== f.procedure) mask |= 1 << BIT.procedure;
  }
  const c = model.combos[combo]!;
  if (f.theme !== undefined && !c.themes.includes(f.theme)) mask |= 1 << BIT.theme;
  if (f.addressee !== undefined && !c.addrs.includes(f.addressee)) mask |= 1 << BIT.addressee;
  if (f.kind !== undefined && c.kind !== f.kind) mask |= 1 << BIT.kind;
  if (f.what !== undefined && c.what !== f.what) mask |= 1 << BIT.what;
  return mask;
}

/** The single filter a mask fails, or −1 when it fails none or several. */
export function onlyFailure(mask: number): number {
  return mask !== 0 && (mask & (mask - 1)) === 0 ? 31 - Math.clz32(mask) : -1;
}

/** Weighted facet counts; small facets in typed arrays (by index), procedures in a Map. */
export class FacetCounter {
  year: Float64Array;
  procedure = new Map<number, number>();
  theme: Float64Array;
  addressee: Float64Array;
  kind: Float64Array;
  what: Float64Array;
  constructor(model: IndexModel) {
    this.year = new Float64Array(model.years.length);
    this.theme = new Float64Array(model.manifest.themes.length);
    this.addressee = new Float64Array(model.manifest.addressees.length);
    this.kind = new Float64Array(model.manifest.kinds.length);
    this.what = new Float64Array(model.manifest.whats.length);
  }

  /** Adds a doc with weight w; `only` = the single facet (bit) it counts for because it fails only that filter, or −1 for all. */
  add(model: IndexModel, doc: number, combo: number, w: number, only: number): void {
    const c = model.combos[combo]!;
    if (only < 0 || only === BIT.year || only === BIT.procedure) {
      const pi = model.procOf(doc);
      if (pi >= 0) {
        if (only < 0 || only === BIT.year) this.year[model.procYearIndex[pi]!]! += w;
        if (only < 0 || only === BIT.procedure) this.procedure.set(pi, (this.procedure.get(pi) ?? 0) + w);
      }
    }
    if (only < 0 || only === BIT.theme) for (let i = 0; i < c.themes.length; i++) this.theme[c.themes[i]!]! += w;
    if (only < 0 || only === BIT.addressee) for (let i = 0; i < c.addrs.length; i++) this.addressee[c.addrs[i]!]! += w;
    if ((only < 0 || only === BIT.kind) && c.kind >= 0) this.kind[c.kind]! += w;
    if (only < 0 || only === BIT.what) this.what[c.what]! += w;
  }

  /** Adds the counts a capped list's summary holds over its full list. */
  addSummary(model: IndexModel, s: ListSummary): void {
    for (let i = 0; i < s.y.length; i += 2) {
      const yi = model.yearIndex.get(s.y[i]!);
      if (yi !== undefined) this.year[yi]! += s.y[i + 1]!;
    }
    for (let i = 0; i < s.p.length; i += 2) this.procedure.set(s.p[i]!, (this.procedure.get(s.p[i]!) ?? 0) + s.p[i + 1]!);
    for (let i = 0; i < s.t.length; i += 2) this.theme[s.t[i]!]! += s.t[i + 1]!;
    for (let i = 0; i < s.a.length; i += 2) this.addressee[s.a[i]!]! += s.a[i + 1]!;
    for (let i = 0; i < s.k.length; i += 2) this.kind[s.k[i]!]! += s.k[i + 1]!;
    for (let i = 0; i < s.w.length; i += 2) this.what[s.w[i]!]! += s.w[i + 1]!;
  }

  /** Replaces one facet (by bit) with the same facet of another counter. */
  take(bit: number, source: FacetCounter): void {
    const name = FILTERS[bit]!;
    if (name === 'procedure') this.procedure = source.procedure;
    else this[name] = source[name];
  }

  takeAll(source: FacetCounter): void {
    for (let i = 0; i < FILTERS.length; i++) this.take(i, source);
  }
}

/** The counts of the whole index (no query, no filter). */
export function indexCounts(model: IndexModel): FacetCounter {
  const m = model.manifest;
  const c = new FacetCounter(model);
  m.years.forEach(([year, , docs]) => (c.year[model.yearIndex.get(year)!]! += docs));
  model.procDocs.forEach((n, pi) => c.procedure.set(pi, n));
  m.themes.forEach(([, , n], i) => (c.theme[i] = n));
  m.addressees.forEach(([, , n], i) => (c.addressee[i] = n));
  m.kindCounts.forEach((n, i) => (c.kind[i] = n));
  m.whatCounts.forEach((n, i) => (c.what[i] = n));
  return c;
}

/** How many items a single filter value has in the whole index (to start a listing from the smallest list). */
export function filterSize(model: IndexModel, f: Filters, name: FacetName): number {
  const m = model.manifest;
  switch (name) {
    case 'year':
      return m.years.filter(([y]) => y === f.year).reduce((s, [, , d]) => s + d, 0);
    case 'procedure':
      return f.procedure! >= 0 ? model.procDocs[f.procedure!]! : 0;
    case 'theme':
      return f.theme! >= 0 ? m.themes[f.theme!]![2] : 0;
    case 'addressee':
      return f.addressee! >= 0 ? m.addressees[f.addressee!]![2] : 0;
    case 'kind':
      return f.kind! >= 0 ? m.kindCounts[f.kind!]! : 0;
    case 'what':
      return f.what! >= 0 ? m.whatCounts[f.what!]! : 0;
  }
}

/** The facet list of an active filter. */
export async function filterList(files: IndexFiles, model: IndexModel, f: Filters, name: FacetName): Promise<PostingsList | undefined> {
  const m = model.manifest;
  switch (name) {
    case 'year':
      return files.list(model, FACET_KEY.year(f.year!));
    case 'procedure':
      return f.procedureList;
    case 'theme':
      return files.list(model, FACET_KEY.theme(m.themes[f.theme!]![0]));
    case 'addressee':
      return files.list(model, FACET_KEY.addressee(m.addressees[f.addressee!]![0]));
    case 'kind':
      return files.list(model, FACET_KEY.kind(m.kinds[f.kind!]!));
    case 'what':
      return files.list(model, FACET_KEY.what(m.whats[f.what!]!));
  }
}

/** Rounded facet values, most frequent first (years newest first; kinds and whats in index order); a selected value is always listed. */
export async function facetValues(files: IndexFiles, model: IndexModel, c: FacetCounter, f: Filters, procedureFacetSize: number): Promise<Record<FacetName, FacetValue[]>> {
  const m = model.manifest;
  const round = (entries: Iterable<[number, number]>, selected?: number): [number, number][] => {
    const out: [number, number][] = [];
    let hasSelected = false;
    for (const [k, v] of entries) {
      const r = Math.round(v);
      if (k === selected) hasSelected = true;
      if (r > 0 || k === selected) out.push([k, r]);
    }
    if (selected !== undefined && selected >= 0 && !hasSelected) out.push([selected, 0]);
    return out.filter(([k]) => k >= 0);
  };
  const entries = (a: Float64Array): [number, number][] => Array.from(a, (v, i) => [i, v] as [number, number]);
  const yearSelected = f.year === undefined ? undefined : (model.yearIndex.get(f.year) ?? -1);
  const year = round(entries(c.year), yearSelected)
    .sort((a, b) => model.years[b[0]]! - model.years[a[0]]!)
    .map(([i, n]) => ({ value: String(model.years[i]), count: n, label: String(model.years[i]) }));
  let procs = round(c.procedure, f.procedure).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (procs.length > procedureFacetSize) {
    const selected = procs.find(([p]) => p === f.procedure);
    procs = procs.slice(0, procedureFacetSize);
    if (selected && !procs.includes(selected)) procs.push(selected);
  }
  const procedure = await Promise.all(
    procs.map(async ([p, n]) => {
      const ref = await files.procedureRef(model, p);
      return { value: ref, count: n, label: ref };
    }),
  );
  const labelled = (a: Float64Array, table: [string, string, number][], selected?: number) =>
    round(entries(a), selected)
      .sort((x, y) => y[1] - x[1] || cmp(table[x[0]]![1], table[y[0]]![1]))
      .map(([i, n]) => ({ value: table[i]![0], count: n, label: table[i]![1] }));
  const inOrder = (a: Float64Array, names: string[], selected?: number) =>
    round(entries(a), selected)
      .sort((x, y) => x[0] - y[0])
      .map(([i, n]) => ({ value: names[i]!, count: n, label: names[i]! }));
  return {
    year,
    procedure,
    theme: labelled(c.theme, m.themes, f.theme),
    addressee: labelled(c.addressee, m.addressees, f.addressee),
    kind: inOrder(c.kind, m.kinds, f.kind),
    what: inOrder(c.what, m.whats, f.what),
  };
}

/** The candidates passing every filter (indexes into the candidate arrays), the result total and the facet counts. */
export function filterAndCount(model: IndexModel, cands: Candidates, f: Filters, sets: WordSet[]): { matched: number[]; total: number; counts: FacetCounter } {
  const counts = new FacetCounter(model);
  const matched: number[] = [];
  let weighted = 0;
  let sure = 0;
  for (let i = 0; i < cands.doc.length; i++) {
    const mask = failMask(model, f, cands.doc[i]!, cands.combo[i]!);
    if (mask === 0) {
      matched.push(i);
      if (cands.weight[i]! >= 1) sure++;
      if (!cands.counted[i]) continue;
      weighted += cands.weight[i]!;
      counts.add(model, cands.doc[i]!, cands.combo[i]!, cands.weight[i]! * cands.scale, -1);
    } else if (cands.counted[i]) {
      const only = onlyFailure(mask);
      if (only >= 0) counts.add(model, cands.doc[i]!, cands.combo[i]!, cands.weight[i]! * cands.scale, only);
    }
  }
  let total = cands.approximate ? Math.max(sure, Math.round(weighted * cands.scale)) : matched.length;
  // One word, no filter: capped expansions count from their summaries (exact over their full
  // lists); docs of complete expansions outside those lists count one each.
  if (!cands.relaxed && sets.length === 1 && !sets[0]!.complete && f.active.length === 0) {
    const exact = new FacetCounter(model);
    const capped = sets[0]!.expansions.filter((e) => e.list.summary);
    let n = 0;
    for (const e of capped) {
      exact.addSummary(model, e.list.summary!);
      n += e.list.n;
    }
    for (let i = 0; i < cands.doc.length; i++) {
      if (capped.some((e) => sortedHas(e.list.decoded!.docs, cands.doc[i]!))) continue;
      exact.add(model, cands.doc[i]!, cands.combo[i]!, 1, -1);
      n++;
    }
    counts.takeAll(exact);
    total = Math.min(model.docCount, n);
  }
  return { matched, total, counts };
}
