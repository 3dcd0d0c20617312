/**
 * An empty query: the documents that pass the filters, in listing order (demands first, newest
 * procedure first), from the smallest active filter's list.
 */
import { docHash } from '../codec.ts';
import type { FacetName, SearchResultRow } from '../types.ts';
import { FacetCounter, FILTERS, failMask, filterList, filterSize, indexCounts, onlyFailure, type Filters } from './facets.ts';
import { ALL_HASHES, decodeList, EMPTY_LIST, type IndexFiles } from './index-files.ts';
import type { IndexModel } from './index-model.ts';

export interface Listing {
  rows: SearchResultRow[];
  total: number;
  counts: FacetCounter;
  approximate: boolean;
}

const row = (doc: SearchResultRow['doc']): SearchResultRow => ({ doc, score: 0, highlights: [], otherSpellings: [] });

export async function browse(files: IndexFiles, model: IndexModel, f: Filters, offset: number, limit: number): Promise<Listing> {
  const N = model.docCount;
  if (f.active.length === 0) {
    const nums: number[] = [];
    for (let i = offset; i < Math.min(offset + limit, N); i++) nums.push(i);
    return { rows: (await files.docs(model, nums)).map(row), total: N, counts: indexCounts(model), approximate: false };
  }
  const order = [...f.active].sort((a, b) => filterSize(model, f, a) - filterSize(model, f, b) || FILTERS.indexOf(a) - FILTERS.indexOf(b));
  if (filterSize(model, f, order[0]!) === 0) return { rows: [], total: 0, counts: new FacetCounter(model), approximate: false };
  const listOf = async (name: FacetName) => {
    const list = await filterList(files, model, f, name);
    return list ? { entries: decodeList(list), h: list.h, list } : { entries: EMPTY_LIST, h: ALL_HASHES, list: undefined };
  };
  const baseName = order[0]!;
  const base = await listOf(baseName);
  const baseBit = FILTERS.indexOf(baseName);
  const counts = new FacetCounter(model);
  const matched: number[] = [];
  // a capped list counts over its sample (docHash < h), scaled up
  const scale = base.h < ALL_HASHES ? ALL_HASHES / base.h : 1;
  let counted = 0;
  for (let i = 0; i < base.entries.docs.length; i++) {
    const doc = base.entries.docs[i]!;
    const combo = base.entries.combo[i]!;
    const mask = failMask(model, f, doc, combo);
    if (mask === 0) matched.push(doc);
    if (scale !== 1 && docHash(doc) >= base.h) continue;
    if (mask === 0) {
      counted++;
      counts.add(model, doc, combo, scale, -1);
    } else {
      const only = onlyFailure(mask);
      if (only >= 0) counts.add(model, doc, combo, scale, only);
    }
  }
  let total = Math.max(matched.length, Math.round(counted * scale));
  const approximate = scale !== 1 && f.active.length > 1;
  if (f.active.length === 1 && base.list?.summary) {
    const exact = new FacetCounter(model);
    exact.addSummary(model, base.list.summary);
    for (let i = 0; i < FILTERS.length; i++) if (i !== baseBit) counts.take(i, exact);
    total = base.list.n;
  }
  // the base facet's own counts: docs passing every OTHER filter
  if (f.active.length === 1) counts.take(baseBit, indexCounts(model));
  else {
    const second = await listOf(order[1]!);
    const own = new FacetCounter(model);
    const s2 = second.h < ALL_HASHES ? ALL_HASHES / second.h : 1;
    for (let i = 0; i < second.entries.docs.length; i++) {
      const doc = second.entries.docs[i]!;
      if (s2 !== 1 && docHash(doc) >= second.h) continue;
      const mask = failMask(model, f, doc, second.entries.combo[i]!) & ~(1 << baseBit);
      if (mask === 0) own.add(model, doc, second.entries.combo[i]!, s2, baseBit);
    }
    counts.take(baseBit, own);
  }
  const docs = await files.docs(model, matched.slice(offset, offset + limit));
  return { rows: docs.map(row), total, counts, approximate };
}
