import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearchClient, editDistance, planQuery, topK } from '../../src/search/client/index.ts';
import { fetchJsonFromFiles } from '../../src/search/node.ts';
import { highlightSegments } from '../../src/search/highlight.ts';
import type { FacetName, SearchDoc, SearchQuery, SearchResponse } from '../../src/search/types.ts';
import { generateSyntheticDocs, mulberry32 } from '../../scripts/tools/synthetic/generate.ts';
import { ALL_ITEMS, FIXTURE } from './fixture.ts';

const files = buildSearchIndex(ALL_ITEMS);
const client = () => createSearchClient({ fetchJson: fetchJsonFromFiles(files) });
const ids = (r: SearchResponse) => r.results.map((x) => x.doc.id).sort();
const inOrder = (r: SearchResponse) => r.results.map((x) => x.doc.id);
const byId = new Map(ALL_ITEMS.map((d) => [d.id, d]));

const KOZLOV_DEMANDS = ['2013-2600-para-6', '2013-2600-para-7'];
const KOZLOV_ALL = [...KOZLOV_DEMANDS, '2013-2600#para-7', 'person:vladimir-kozlov'];
const TORTURE_DEMANDS = ['2019-2610-summary-6-5', '2021-2544-summary-5-5', '2021-2544-summary-5-9'];

type Filters = { year?: number; procedure?: string; theme?: string; addressee?: string; kind?: string; what?: string };
/** Reference facet counts: each facet over the docs passing every OTHER filter. */
function expectedFacets(matchIds: string[], f: Filters): Record<FacetName, Record<string, number>> {
  const tests: Record<FacetName, (d: SearchDoc) => boolean> = {
    year: (d) => f.year === undefined || d.year === f.year,
    procedure: (d) => f.procedure === undefined || d.procedure === f.procedure,
    theme: (d) => f.theme === undefined || d.themes.includes(f.theme),
    addressee: (d) => f.addressee === undefined || d.addressees.includes(f.addressee),
    kind: (d) => f.kind === undefined || d.documentKind === f.kind,
    what: (d) => f.what === undefined || d.what === f.what,
  };
  const values: Record<FacetName, (d: SearchDoc) => string[]> = {
    year: (d) => (d.year === undefined ? [] : [String(d.year)]),
    procedure: (d) => (d.procedure === undefined ? [] : [d.procedure]),
    theme: (d) => d.themes,
    addressee: (d) => d.addressees,
    kind: (d) => (d.documentKind === undefined ? [] : [d.documentKind]),
    what: (d) => [d.what],
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
const marks = (text: string, ranges: [number, number][]) => highlightSegments(text, ranges).filter((s) => s.mark).map((s) => s.text);

describe('search client on a fixture corpus', () => {
  it('finds a name in every kind of item, demands first, and highlights it', async () => {
    const r = await client().search({ q: 'Kozlov' });
    expect(ids(r)).toEqual([...KOZLOV_ALL].sort());
    expect(inOrder(r).slice(0, 2).sort()).toEqual(KOZLOV_DEMANDS);
    expect(r.noExactMatch).toEqual([]);
    const person = r.results.find((x) => x.doc.what === 'person')!;
    expect(person.highlights.find((h) => h.key === 'heading')!.ranges).toEqual([[9, 14]]);
    for (const row of r.results.filter((x) => x.doc.what === 'demand')) expect(marks(row.doc.text, row.highlights.find((x) => x.key === 'text')!.ranges)).toContain('Kozlov');
  });

  it('finds Kozlov with diacritics, upper case, and in Cyrillic, as with Latin letters', async () => {
    const c = client();
    const latin = ids(await c.search({ q: 'Kozlov' }));
    for (const q of ['Kozlóv', 'KOZLOV', 'kozlov', 'Козлов']) expect(ids(await c.search({ q }))).toEqual(latin);
  });

  it('matches the Latin spellings of Kazakh letters (Қ → k, q or kh) as exact', async () => {
    const c = client();
    const latin = await c.search({ q: 'Kazakhstan' });
    expect(latin.total).toBeGreaterThan(0);
    for (const q of ['Қазақстан', 'Казахстан', 'Qazaqstan']) {
      const r = await c.search({ q });
      expect(r.noExactMatch).toEqual([]);
      expect(ids(r)).toEqual(ids(latin));
    }
  });

  it('never passes another name off as a match: "Ablyazov" gives no result, and Blyalov as a suggestion', async () => {
    const r = await client().search({ q: 'Ablyazov' });
    expect(r.results).toEqual([]);
    expect(r.total).toBe(0);
    expect(r.noExactMatch).toEqual(['Ablyazov']);
    expect(r.similar).toEqual([{ word: 'Ablyazov', term: 'blyalov', spelling: 'Blyalov', count: 1 }]);
    expect(r.suggested!.results.map((x) => x.doc.id)).toEqual(['person:bolatbek-blyalov']);
    for (const vs of Object.values(r.facets)) expect(vs.every((v) => v.count === 0)).toBe(true);
  });

  it('offers a typo’s nearest word as a suggestion, with its results ("Kozlow" → Kozlov)', async () => {
    const r = await client().search({ q: 'Kozlow' });
    expect(r.results).toEqual([]);
    expect(r.similar.map((s) => [s.spelling, s.count])).toEqual([['Kozlov', 4]]);
    expect(r.suggested!.results.map((x) => x.doc.id).sort()).toEqual([...KOZLOV_ALL].sort());
    // a misspelt word in a longer query: no relaxing to the other words, the corrected query is suggested
    const two = await client().search({ q: 'medical Kozlow' });
    expect(two.results).toEqual([]);
    expect(two.relaxed).toBe(false);
    expect(two.suggested!.results.map((x) => x.doc.id).sort()).toEqual(['2013-2600#para-7', '2013-2600-para-7']);
  });

  it('keeps a similar spelling of a found word, labelled: "Zhanaozen" also finds "Zhanaozhen", demands first', async () => {
    const r = await client().search({ q: 'Zhanaozen' });
    expect(r.noExactMatch).toEqual([]);
    expect(inOrder(r)[0]).toBe('2019-2610-summary-6-5');
    expect(ids(r)).toEqual(['2013-2600#recital-d', '2019-2610-summary-6-5', 'event:zhanaozen-violence']);
    expect(r.results[0]!.otherSpellings).toEqual(['Zhanaozhen']);
    for (const row of r.results.slice(1)) expect(row.otherSpellings).toEqual([]);
  });

  it('finds torture from "tortur" (a word it begins is an exact match)', async () => {
    const r = await client().search({ q: 'tortur' });
    expect(r.noExactMatch).toEqual([]);
    expect(ids(r)).toEqual([...TORTURE_DEMANDS, 'event:zhanaozen-violence', 'theme:torture'].sort());
    expect(inOrder(r).slice(0, 3).sort()).toEqual(TORTURE_DEMANDS);
    expect(r.total).toBe(5);
  });

  it('narrows to one kind of item with `what`, and counts the kinds', async () => {
    const c = client();
    const all = await c.search({ q: 'Kozlov' });
    expect(facetCounts(all).what).toEqual({ demand: 2, paragraph: 1, person: 1 });
    const demands = await c.search({ q: 'Kozlov', what: 'demand' });
    expect(ids(demands)).toEqual(KOZLOV_DEMANDS);
    expect(facetCounts(demands).what).toEqual({ demand: 2, paragraph: 1, person: 1 });
    const listing = await c.search({ q: '', what: 'event' });
    expect(ids(listing)).toEqual(['event:zhanaozen-violence']);
  });

  it('finds the demands citing Article 174 first', async () => {
    const r = await client().search({ q: 'Article 174' });
    expect(r.results[0]!.doc.id).toBe('2019-2610-summary-4');
    expect(r.results.every((x) => x.doc.provisions.length > 0 || /174/.test(x.doc.text))).toBe(true);
    expect(r.results[0]!.highlights.find((h) => h.key === 'provisions')).toBeDefined();
  });

  it('matches people with diacritics from plain spelling, and vice versa', async () => {
    const c = client();
    expect(ids(await c.search({ q: 'Tolegenova' }))).toEqual(['2016-2607-motion-para-4']);
    expect(ids(await c.search({ q: 'oksnes' }))).toEqual(['2016-2607-motion-para-4']);
    const r = await c.search({ q: 'Tölegenova' });
    expect(marks(r.results[0]!.doc.text, r.results[0]!.highlights.find((x) => x.key === 'text')!.ranges)[0]).toBe('Tölegenova');
  });

  it('highlights only words related to the query (no scattered partial matches)', async () => {
    const r = await client().search({ q: 'Kuramshin' }); // the source misspells him "Kurashim"
    expect(ids(r)).toEqual(['2013-2600-para-6']);
    const row = r.results[0]!;
    expect(marks(row.doc.text, row.highlights.find((h) => h.key === 'text')!.ranges)).toEqual(['Kurashim']);
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

  it('says when a query has nothing to search for, and returns nothing', async () => {
    const c = client();
    for (const q of ['.*+?(', '\uFFFD%A', 'a', '--']) {
      const r = await c.search({ q });
      expect(r.nothingToSearch).toBe(true);
      expect(r.results).toEqual([]);
      expect(r.total).toBe(0);
    }
    expect((await c.search({ q: '   ' })).nothingToSearch).toBe(false);
  });

  it('counts facets correctly, and they follow the query', async () => {
    const c = client();
    const torture = await c.search({ q: 'torture' });
    expect(facetCounts(torture)).toEqual(expectedFacets(ids(torture), {}));
    const kozlov = await c.search({ q: 'Kozlov' });
    expect(facetCounts(kozlov)).toEqual(expectedFacets(KOZLOV_ALL, {}));
    expect(facetCounts(kozlov)).not.toEqual(facetCounts(torture));
    expect(torture.facets.theme.find((v) => v.value === 'torture')?.label).toBe('Torture and ill-treatment');
  });

  it('filters by facets; each facet keeps counting the alternatives to its own selection', async () => {
    const c = client();
    const r = await c.search({ q: 'torture', year: 2021 });
    expect(ids(r)).toEqual(['2021-2544-summary-5-5', '2021-2544-summary-5-9']);
    expect(r.total).toBe(2);
    const tortureIds = ids(await c.search({ q: 'torture' }));
    expect(facetCounts(r)).toEqual(expectedFacets(tortureIds, { year: 2021 }));
    expect(facetCounts(r).year).toEqual({ '2021': 2, '2019': 1, '2013': 1 });
    const r2 = await c.search({ q: 'torture', year: 2021, theme: 'detention' });
    expect(ids(r2)).toEqual(['2021-2544-summary-5-5']);
    expect(facetCounts(r2)).toEqual(expectedFacets(tortureIds, { year: 2021, theme: 'detention' }));
    const r3 = await c.search({ q: 'Kozlov', procedure: '2013/2600(RSP)', kind: 'resolution' });
    expect(ids(r3)).toEqual(['2013-2600#para-7', ...KOZLOV_DEMANDS].sort());
    const r4 = await c.search({ q: 'Kozlov', kind: 'summary' });
    expect(r4.results).toEqual([]);
    expect(r4.total).toBe(0);
    expect(facetCounts(r4).kind).toEqual({ resolution: 3 });
    expect(r4.facets.kind.find((v) => v.value === 'summary')).toEqual({ value: 'summary', count: 0, label: 'summary' });
  });

  it('lists items for an empty query: demands first, newest procedure first, then the other kinds', async () => {
    const c = client();
    const r = await c.search({ q: '', theme: 'torture' });
    expect(inOrder(r).slice(0, 3)).toEqual(['2021-2544-summary-5-5', '2021-2544-summary-5-9', '2019-2610-summary-6-5']);
    expect(ids(r)).toEqual([...TORTURE_DEMANDS, 'event:zhanaozen-violence', 'theme:torture'].sort());
    const all = ALL_ITEMS.map((d) => d.id);
    expect(facetCounts(r)).toEqual(expectedFacets(all, { theme: 'torture' }));
    const r2 = await c.search({ q: '', year: 2013, addressee: 'eeas' });
    expect(ids(r2)).toEqual(['2013-2600-para-13']);
    expect(facetCounts(r2)).toEqual(expectedFacets(all, { year: 2013, addressee: 'eeas' }));
    const r3 = await c.search({ q: '', procedure: '2016/2607(RSP)' });
    expect(ids(r3)).toEqual(['2016-2607-motion-para-3', '2016-2607-motion-para-4']);
    const r4 = await c.search({ q: '   ', limit: 100 });
    expect(r4.total).toBe(ALL_ITEMS.length);
    expect(inOrder(r4).slice(0, FIXTURE.length).every((id) => byId.get(id)!.what === 'demand')).toBe(true);
    expect(facetCounts(r4)).toEqual(expectedFacets(all, {}));
  });

  it('pages through a listing and a ranked list: every item once, in the same order as one long page', async () => {
    const c = client();
    for (const q of [{ q: '' }, { q: 'the' }, { q: '', what: 'demand' as const }]) {
      const whole = await c.search({ ...q, limit: 100 });
      const paged: string[] = [];
      for (let offset = 0; offset < whole.total; offset += 3) paged.push(...inOrder(await c.search({ ...q, offset, limit: 3 })));
      expect(paged).toEqual(inOrder(whole));
      expect((await c.search({ ...q, offset: whole.total, limit: 3 })).results).toEqual([]);
    }
  });

  it('returns empty results (not errors) for unknown words and filter values', async () => {
    const c = client();
    for (const q of [{ q: 'xyzzyq' }, { q: 'kozlov', theme: 'no-such-theme' }, { q: '', procedure: '1999/0000(RSP)' }, { q: 'kozlov', year: 1990 }, { q: '', what: 'nothing' as never }]) {
      const r = await c.search(q);
      expect(r.results).toEqual([]);
      expect(r.total).toBe(0);
    }
    const r = await c.search({ q: 'xyzzyq' });
    expect(r.similar).toEqual([]);
    for (const vs of Object.values(r.facets)) expect(vs).toEqual([]);
  });

  it('ANDs words, and relaxes to any word when nothing has them all', async () => {
    const c = client();
    const both = await c.search({ q: 'medical Kozlov' });
    expect(ids(both)).toEqual(['2013-2600#para-7', '2013-2600-para-7']);
    expect(both.relaxed).toBe(false);
    const relaxed = await c.search({ q: 'Kozlov Zhanaozhen' });
    expect(relaxed.relaxed).toBe(true);
    expect(ids(relaxed)).toEqual([...KOZLOV_ALL, '2019-2610-summary-6-5', '2013-2600#recital-d', 'event:zhanaozen-violence'].sort());
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

describe('query planning', () => {
  it('folds words, keeps how they were typed, drops stopwords unless alone, and says when nothing is left', () => {
    expect(planQuery('Kozlóv  KOZLOV a 5 Article 174').words.map((w) => w.term)).toEqual(['kozlov', '5', 'article', '174']);
    expect(planQuery('the').words.map((w) => w.term)).toEqual(['the']);
    expect(planQuery('release of the prisoners').words.map((w) => w.term)).toEqual(['release', 'prisoners']);
    expect(planQuery('<img src=x onerror=alert(1)>').words.map((w) => w.term)).toEqual(['img', 'src', 'onerror', 'alert', '1']);
    expect(planQuery('Жаңаөзен').words).toEqual([{ term: 'zhanaozen', typed: 'Жаңаөзен', spellings: expect.any(RegExp) }]);
    expect(planQuery('').nothingToSearch).toBe(false);
    expect(planQuery('.*+?(').nothingToSearch).toBe(true);
  });
});

describe('estimates when common words are capped', () => {
  it('stays close to the exact numbers', { timeout: 60_000 }, async () => {
    const docs = generateSyntheticDocs(30, 5);
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
