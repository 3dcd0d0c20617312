/**
 * Scale property: on a 1,000-procedure synthetic corpus (≈ 20,000 demands, ≈ 55,000 items of
 * every kind), a query from a cold client fetches less than 200 KB gzip (computed: zlib.gzipSync of
 * every file it fetched), and the query list costs far less than 10× what it costs on a
 * 100-procedure corpus. (npm run bench:search measures 2,000 procedures, with timings.)
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearchClient } from '../../src/search/client/index.ts';
import { fetchJsonFromFiles } from '../../src/search/node.ts';
import type { SearchQuery } from '../../src/search/types.ts';
import { generateSyntheticCorpus } from '../../scripts/tools/synthetic/generate.ts';

const QUERIES: SearchQuery[] = [
  { q: 'Kozlow' },
  { q: 'tortur' },
  { q: 'Kozlóv' },
  { q: 'Article 174' },
  { q: 'Criminal Code Article 274' },
  { q: 'Tolegenova' },
  { q: 'release Kozlov' },
  { q: 'freedom of expression' },
  { q: 'EU Delegation in Astana' },
  { q: 'politcal prisoners' },
  { q: 'the' },
  { q: 'kazakh authorities release political prisoners torture journalists' },
  { q: '', theme: 'torture' },
  { q: '', year: 2019, kind: 'motion' },
  { q: 'torture', year: 2015 },
  { q: '' },
  { q: 'Қазақстан' },
  { q: 'Жаңаөзен' },
  { q: 'Ablyazov' },
  { q: '', what: 'event' },
  { q: 'torture', what: 'paragraph' },
];

async function bytesPerQuery(procedures: number): Promise<{ max: number; perQuery: number[]; docs: number; totals: number[] }> {
  const corpus = generateSyntheticCorpus(procedures, 1);
  const files = buildSearchIndex(corpus.docs);
  const gz = new Map<string, number>();
  const perQuery: number[] = [];
  const totals: number[] = [];
  for (const q of QUERIES) {
    let bytes = 0;
    const client = createSearchClient({
      fetchJson: fetchJsonFromFiles(files, (path, content) => {
        let n = gz.get(path);
        if (n === undefined) gz.set(path, (n = gzipSync(content).length));
        bytes += n;
      }),
    });
    const r = await client.search(q);
    totals.push(r.total);
    perQuery.push(bytes);
  }
  return { max: Math.max(...perQuery), perQuery, docs: corpus.docs.length, totals };
}

describe('scale', () => {
  it('a cold query on ~55,000 items fetches < 200 KB gzip, not much more than on ~5,500', { timeout: 180_000 }, async () => {
    const small = await bytesPerQuery(100);
    const big = await bytesPerQuery(1000);
    expect(big.docs).toBeGreaterThan(50000);
    expect(big.totals.some((t) => t > 1000)).toBe(true); // the queries do hit large result sets
    for (const b of big.perQuery) expect(b).toBeLessThan(200 * 1024);
    // 10× the demands, far less than 10× the bytes: the whole query list costs < 1.6× as much
    // (what grows: matches spread over more doc chunks, up to the fixed window; ~1 byte/procedure
    // of manifest; a slowly growing vocabulary)
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(big.perQuery)).toBeLessThan(1.6 * sum(small.perQuery));
  });
});
