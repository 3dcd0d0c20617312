import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearchClient, editDistance, topK } from '../../src/search/client.ts';
import { fetchJsonFromFiles } from '../../src/search/node.ts';
import { highlightSegments } from '../../src/search/highlight.ts';
import type { FacetName, SearchDoc, SearchQuery, SearchResponse } from '../../src/search/types.ts';
import { generateSyntheticDocs, mulberry32 } from '../../scripts/tools/synthetic/generate.ts';
import { FIXTURE } from './fixture.ts';

const files = buildSearchIndex(FIXTURE);
const client = () => createSearchClient({ fetchJson: fetchJsonFromFiles(files) });
const ids = (r: SearchResponse) => r.results.map((x) => x.doc.id).sort();
const byId = new Map(FIXTURE.map((d) => [d.id, d]));

const KOZLOV_DOCS = ['2013-2600-para-6', '2013-2600-para-7'];
const TORTURE_DOCS = ['2019-2610-summary-6-5', '2021-2544-summary-5-5', '2021-2544-summary-5-9'];

type Filters = { year?: number; procedure?: string; theme?: string; addressee?: string; kind?: string };
/** Reference facet counts: each facet over the docs passing every OTHER filter. */
function expectedFacets(matchIds: string[], f: Filters): Record<FacetName, Record<string, number>> {
  const tests: Record<FacetName, (d: SearchDoc) => boolean> = {
    year: (d) => f.year === undefined || d.year === f.year,
    procedure: (d) => f.procedure === undefined || d.procedure === f.procedure,
    theme: (d) => f.theme === undefined || d.themes.includes(f.theme),
    addressee: (d) => f.addressee === undefined || d.addressees.includes(f.addressee),
    kind: (d) => f.kind === undefined || d.documentKind === f.kind,
  };
  const values: Record<FacetName, (d: SearchDoc) => string[]> = {
    year: (d) => [String(d.year)],
    procedure: (d) => [d.procedure],
    theme: (d) => d.themes,
    addressee: (d) => d.addressees,
    kind: (d) => [d.documentKind],
  };
  const out = {} as Record<FacetName, Record<string, number>>;
  for (const facet of Object.keys(tests) as FacetName[]) {
    out[facet] = {};
    for (const id of matchIds) {
      const d = byId.get(id)!;
      const others = (Object.keys(tests) as FacetName[]).filter((k) => k !== facet);
      if (!others.every((k) => tests[k](d))) continue;
      for (const v of values[facet](d)) out[facet][v] = (out[facet][v] ?? 0) + 1;
    }
  }
  return out;
}
function facetCounts(r: SearchResponse): Record<FacetName, Record<string, number>> {
  const out = {} as Record<FacetName, Record<string, number>>;
  for (const [k, vs] of Object.entries(r.facets)) out[k as FacetName] = Object.fromEntries(vs.filter((v) => v.count > 0).map((v) => [v.value, v.count]));
  return out;
}

describe('search client on a fixture corpus', () => {
  it('finds Kozlov with a typo ("Kozlow") and highlights the original word', async () => {
    const r = await client().search({ q: 'Kozlow' });
    expect(ids(r)).toEqual(KOZLOV_DOCS);
    expect(r.approximate).toBe(false);
    for (const row of r.results) {
      const h = row.highlights.find((x) => x.key === 'text')!;
      const marked = highlightSegments(row.doc.text, h.ranges).filter((s) => s.mark).map((s) => s.text);
      expect(marked).toContain('Kozlov');
    }
  });

  it('finds Kozlov with diacritics, upper case, and in Cyrillic', async () => {
    const c = client();
    for (const q of ['Kozlóv', 'KOZLOV', 'kozlov', 'Козлов']) expect(ids(await c.search({ q }))).toEqual(KOZLOV_DOCS);
  });

  it('finds torture from "tortur"', async () => {
    const r = await client().search({ q: 'tortur' });
    expect(ids(r)).toEqual(TORTURE_DOCS);
    expect(r.total).toBe(3);
  });

  it('finds the demands citing Article 174 first', async () => {
    const r = await client().search({ q: 'Article 174' });
    expect(r.results[0]!.doc.id).toBe('2019-2610-summary-4');
    expect(r.results.every((x) => x.doc.provisions.length > 0 || /174/.test(x.doc.text))).toBe(true);
    const prov = r.results[0]!.highlights.find((h) => h.key === 'provisions');
    expect(prov).toBeDefined();
  });

  it('matches people with diacritics from plain spelling, and vice versa', async () => {
    const c = client();
    expect(ids(await c.search({ q: 'Tolegenova' }))).toEqual(['2016-2607-motion-para-4']);
    expect(ids(await c.search({ q: 'oksnes' }))).toEqual(['2016-2607-motion-para-4']);
    const r = await c.search({ q: 'Tölegenova' });
    const h = r.results[0]!.highlights.find((x) => x.key === 'text')!;
    expect(highlightSegments(r.results[0]!.doc.text, h.ranges).find((s) => s.mark)?.text).toBe('Tölegenova');
  });

  it('highlights only words related to the query (no scattered partial matches)', async () => {
    const r = await client().search({ q: 'Kuramshin' }); // the source misspells him "Kurashim"
    expect(ids(r)).toEqual(['2013-2600-para-6']);
    const row = r.results[0]!;
    const marked = highlightSegments(row.doc.text, row.highlights.find((h) => h.key === 'text')!.ranges)
      .filter((s) => s.mark)
      .map((s) => s.text);
    expect(marked).toEqual(['Kurashim']);
    expect(row.highlights.some((h) => h.key === 'people' && row.doc.people[h.index!] === 'Vadim Kuramshin')).toBe(true);
  });

  it('keeps hostile text as text (segments) and finds it', async () => {
    const r = await client().search({ q: 'onerror' });
    expect(r.results.length).toBe(1);
    const row = r.results[0]!;
    expect(row.doc.text).toContain('<img src=x onerror=alert(1)>');
    const segs = highlightSegments(row.doc.text, row.highlights.find((h) => h.key === 'text')!.ranges);
    expect(segs.map((s) => s.text).join('')).toBe(row.doc.text);
    expect(segs.find((s) => s.mark)?.text).toBe('onerror');
  });

  it('counts facets correctly, and they follow the query', async () => {
    const c = client();
    const torture = await c.search({ q: 'torture' });
    expect(facetCounts(torture)).toEqual(expectedFacets(TORTURE_DOCS, {}));
    const kozlov = await c.search({ q: 'Kozlov' });
    expect(facetCounts(kozlov)).toEqual(expectedFacets(KOZLOV_DOCS, {}));
    expect(facetCounts(kozlov)).not.toEqual(facetCounts(torture));
    // labels come with the values
    expect(torture.facets.theme.find((v) => v.value === 'torture')?.label).toBe('Torture and ill-treatment');
  });

  it('filters by facets; each facet keeps counting the alternatives to its own selection', async () => {
    const c = client();
    const r = await c.search({ q: 'torture', year: 2021 });
    expect(ids(r)).toEqual(['2021-2544-summary-5-5', '2021-2544-summary-5-9']);
    expect(r.total).toBe(2);
    expect(facetCounts(r)).toEqual(expectedFacets(TORTURE_DOCS, { year: 2021 }));
    expect(facetCounts(r).year).toEqual({ '2021': 2, '2019': 1 });
    const r2 = await c.search({ q: 'torture', year: 2021, theme: 'detention' });
    expect(ids(r2)).toEqual(['2021-2544-summary-5-5']);
    expect(facetCounts(r2)).toEqual(expectedFacets(TORTURE_DOCS, { year: 2021, theme: 'detention' }));
    const r3 = await c.search({ q: 'Kozlov', procedure: '2013/2600(RSP)', kind: 'resolution' });
    expect(ids(r3)).toEqual(KOZLOV_DOCS);
    const r4 = await c.search({ q: 'Kozlov', kind: 'summary' });
    expect(r4.results).toEqual([]);
    expect(r4.total).toBe(0);
    expect(facetCounts(r4).kind).toEqual({ resolution: 2 });
    expect(r4.facets.kind.find((v) => v.value === 'summary')).toEqual({ value: 'summary', count: 0, label: 'summary' });
  });

  it('lists docs for an empty query with facets (listing order: newest procedure first)', async () => {
    const c = client();
    const r = await c.search({ q: '', theme: 'torture' });
    expect(ids(r)).toEqual(TORTURE_DOCS);
    expect(r.results[0]!.doc.year).toBe(2021);
    const all = FIXTURE.map((d) => d.id);
    expect(facetCounts(r)).toEqual(expectedFacets(all, { theme: 'torture' }));
    const r2 = await c.search({ q: '', year: 2013, addressee: 'eeas' });
    expect(ids(r2)).toEqual(['2013-2600-para-13']);
    expect(facetCounts(r2)).toEqual(expectedFacets(all, { year: 2013, addressee: 'eeas' }));
    const r3 = await c.search({ q: '', procedure: '2016/2607(RSP)' });
    expect(ids(r3)).toEqual(['2016-2607-motion-para-3', '2016-2607-motion-para-4']);
    const r4 = await c.search({ q: '   ' });
    expect(r4.total).toBe(FIXTURE.length);
    expect(facetCounts(r4)).toEqual(expectedFacets(all, {}));
  });

  it('returns empty results (not errors) for unknown words and filter values', async () => {
    const c = client();
    for (const q of [{ q: 'xyzzyq' }, { q: 'kozlov', theme: 'no-such-theme' }, { q: '', procedure: '1999/0000(RSP)' }, { q: 'kozlov', year: 1990 }]) {
      const r = await c.search(q);
      expect(r.results).toEqual([]);
      expect(r.total).toBe(0);
    }
    const r = await c.search({ q: 'xyzzyq' });
    for (const vs of Object.values(r.facets)) expect(vs).toEqual([]);
  });

  it('ANDs words, and relaxes to any word when nothing has them all', async () => {
    const c = client();
    const both = await c.search({ q: 'medical Kozlov' });
    expect(ids(both)).toEqual(['2013-2600-para-7']);
    expect(both.relaxed).toBe(false);
    const relaxed = await c.search({ q: 'Kozlov Zhanaozhen' });
    expect(relaxed.relaxed).toBe(true);
    expect(ids(relaxed)).toEqual([...KOZLOV_DOCS, '2019-2610-summary-6-5'].sort());
  });

  it('respects limit and reports the full total', async () => {
    const r = await client().search({ q: 'the', limit: 2 });
    expect(r.results.length).toBe(2);
    expect(r.total).toBeGreaterThan(2);
  });

  it('fetches each file once per client', async () => {
    const fetched: string[] = [];
    const c = createSearchClient({ fetchJson: fetchJsonFromFiles(files, (p) => fetched.push(p)) });
    await c.search({ q: 'Kozlow' });
    await c.search({ q: 'Kozlow' });
    await c.search({ q: 'torture', year: 2021 });
    expect(fetched.length).toBe(new Set(fetched).size);
  });
});

describe('estimates when common words are capped', () => {
  it('stays close to the exact numbers', async () => {
    const docs = generateSyntheticDocs(60, 5);
    const exact = createSearchClient({ fetchJson: fetchJsonFromFiles(buildSearchIndex(docs, { cap: 100000 })) });
    const capped = createSearchClient({ fetchJson: fetchJsonFromFiles(buildSearchIndex(docs, { cap: 200 })) });
    const queries: SearchQuery[] = [{ q: 'torture' }, { q: 'release prisoners' }, { q: 'torture', year: 2010 }, { q: '', theme: 'torture' }, { q: '', theme: 'torture', kind: 'summary' }];
    for (const q of queries) {
      const a = await exact.search(q);
      const b = await capped.search(q);
      expect(a.approximate).toBe(false);
      expect(Math.abs(b.total - a.total)).toBeLessThanOrEqual(Math.max(3, a.total * 0.35));
      // top results are real matches
      for (const row of b.results.slice(0, 5)) expect(a.results.some((x) => x.doc.id === row.doc.id) || a.total > a.results.length).toBe(true);
    }
    // a single capped word: total and facets are exact (from the list's summary)
    const a = await exact.search({ q: 'torture' });
    const b = await capped.search({ q: 'torture' });
    expect(b.total).toBeGreaterThanOrEqual(a.total * 0.9);
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit and stops early', () => {
    expect(editDistance('kozlow', 'kozlov', 2)).toBe(1);
    expect(editDistance('qasyomva', 'qasymova', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('torture', 'tortur', 1)).toBe(1);
  });
});

describe('topK', () => {
  it('returns the same as a full sort', () => {
    const rnd = mulberry32(3);
    for (const n of [0, 5, 50, 500, 5000]) {
      const xs = Array.from({ length: n }, () => Math.floor(rnd() * 1000));
      const by = (a: number, b: number) => b - a;
      expect(topK(xs, 20, by)).toEqual([...xs].sort(by).slice(0, 20));
    }
  });
});
