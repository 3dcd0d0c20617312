// The labelled query set against the REAL index the build wrote to dist/search/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSearchClient } from '../../src/search/client/index.ts';
import { fetchJsonFromDir } from '../../src/search/node.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'dist/search');
const { queries } = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/search-queries.json'), 'utf8')) as {
  queries: Array<{ q: string; mustFind: string[]; as?: 'suggestion' }>;
};

describe('relevance on the built index', () => {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error('dist/search/manifest.json is missing: run npm run build first');
  const client = createSearchClient({ fetchJson: fetchJsonFromDir(dir) });

  it.each(queries)('"$q" finds its labelled items in the first 20, demands first', async ({ q, mustFind, as }) => {
    const res = await client.search({ q, limit: 20 });
    if (as === 'suggestion') {
      // no exact match: nothing is presented as a result; the labelled items are suggested
      expect(res.results).toEqual([]);
      expect(res.noExactMatch.length).toBeGreaterThan(0);
      expect(res.similar.length).toBeGreaterThan(0);
    }
    const rows = as === 'suggestion' ? res.suggested!.results : res.results;
    const ids = rows.map((r) => r.doc.id);
    expect(mustFind.filter((id) => !ids.includes(id))).toEqual([]);
    const firstOther = rows.findIndex((r) => r.doc.what !== 'demand');
    if (firstOther >= 0) expect(rows.slice(firstOther).some((r) => r.doc.what === 'demand')).toBe(false);
  });

  it('gives a Cyrillic or Kazakh-letter name the same results as its Latin spelling', async () => {
    for (const [latin, other] of [
      ['Kozlov', 'Козлов'],
      ['Zhanaozen', 'Жаңаөзен'],
      ['Kuramshin', 'Курамшин'],
      ['Astana', 'Астана'],
    ] as const) {
      const a = await client.search({ q: latin, limit: 100 });
      const b = await client.search({ q: other, limit: 100 });
      expect(b.noExactMatch).toEqual([]);
      expect(b.results.map((r) => r.doc.id)).toEqual(a.results.map((r) => r.doc.id));
    }
  });

  it('narrows by facets, and the facet counts follow the query', async () => {
    const all = await client.search({ q: 'tortur', limit: 50 });
    const y2021 = all.facets.year.find((f) => f.value === '2021')!;
    const only2021 = await client.search({ q: 'tortur', year: 2021, limit: 50 });
    expect(only2021.total).toBe(y2021.count);
    expect(only2021.results.every((r) => r.doc.year === 2021)).toBe(true);
    const kozlov = await client.search({ q: 'Kozlov', what: 'demand', limit: 50 });
    expect(kozlov.results.map((r) => r.doc.id).sort()).toEqual(['2013-2600-para-6-1', '2013-2600-para-7-1', '2016-2607-motion-para-4-1', '2016-2607-summary-5-1-1']);
    expect(kozlov.facets.year.map((f) => f.value).sort()).toEqual(['2013', '2016']);
    const motion = await client.search({ q: 'Kozlov', kind: 'motion', what: 'demand', limit: 50 });
    expect(motion.results.map((r) => r.doc.id)).toEqual(['2016-2607-motion-para-4-1']);
  });

  it('ranks an item whose own words match above one matched only through a theme label, demands still first', async () => {
    // The 2019 summary's ¶3 prints "political prisoners" in a long text; fuse.js's field-length norm
    // rated the events tagged "Political prisoners" (and shown with "Matched theme: …") above it.
    const res = await client.search({ q: 'political prisoners', limit: 100 });
    const ownWords = (r: (typeof res.results)[number]) => r.highlights.some((h) => !['themeLabels', 'addresseeLabels', 'title'].includes(h.key));
    const rows = res.results.map((r) => ({ id: r.doc.id, demand: r.doc.what === 'demand', own: ownWords(r) }));
    const at = (id: string) => rows.findIndex((r) => r.id === id);
    expect(at('2019-2610#summary-3')).toBeGreaterThanOrEqual(0);
    expect(at('2019-2610#summary-3')).toBeLessThan(at('event:kozlov-cassation'));
    for (const demand of [true, false]) {
      const tier = rows.filter((r) => r.demand === demand);
      const firstLabelOnly = tier.findIndex((r) => !r.own);
      expect(firstLabelOnly).toBeGreaterThanOrEqual(0); // both kinds are in each tier
      expect(tier.slice(firstLabelOnly).filter((r) => r.own).map((r) => r.id)).toEqual([]);
    }
    expect(rows.findIndex((r) => !r.demand)).toBe(rows.filter((r) => r.demand).length);
  });

  it('highlights the matched words in the original text', async () => {
    const res = await client.search({ q: 'Article 174', limit: 5 });
    const row = res.results.find((r) => r.doc.id === '2019-2610-summary-4-1')!;
    const ranges = row.highlights.filter((h) => h.key === 'text').flatMap((h) => h.ranges);
    expect(ranges.map(([a, b]) => row.doc.text.slice(a, b + 1))).toContain('174');
  });
});

describe('search bytes on the built site', () => {
  it('only /search/ loads the search script; no other page references it or the index', () => {
    const dist = path.join(root, 'dist');
    const scriptsOf = (html: string) => [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
    const searchScripts = scriptsOf(fs.readFileSync(path.join(dist, 'search/index.html'), 'utf8'));
    expect(searchScripts.length).toBeGreaterThan(0);
    const pages = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && f !== path.join('search', 'index.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = fs.readFileSync(path.join(dist, page), 'utf8');
      expect(scriptsOf(html).filter((s) => searchScripts.includes(s)), page).toEqual([]);
      expect(html.includes('manifest.json'), page).toBe(false);
    }
  });
});
