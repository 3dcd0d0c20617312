import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearchClient } from '../../src/search/client/index.ts';
import { fetchJsonFromFiles } from '../../src/search/node.ts';
import { decodeVarints, encodeVarints, docHash } from '../../src/search/codec.ts';
import type { Manifest, PostingsShard } from '../../src/search/layout.ts';
import { generateSyntheticDocs } from '../../scripts/tools/synthetic/generate.ts';
import { ALL_ITEMS, FIXTURE } from './fixture.ts';
import type { SearchDoc } from '../../src/search/types.ts';

/** Doc numbers of a postings entries string. */
function docsOf(enc: string): number[] {
  const v = decodeVarints(enc);
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < v.length; i += 2) out.push((prev += v[i]! + 1));
  return out;
}

describe('varint codec', () => {
  it('round-trips', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 2 ** 31 - 1, 40000 * 16 + 15];
    const s = encodeVarints(values);
    expect(decodeVarints(s)).toEqual(values);
    expect(JSON.parse(JSON.stringify(s))).toBe(s);
    expect(s).not.toMatch(/["\\]/);
  });
});

describe('buildSearchIndex', () => {
  it('is deterministic: the same docs give identical files, in sorted order', () => {
    const docs = generateSyntheticDocs(30, 3);
    const a = buildSearchIndex(docs);
    const b = buildSearchIndex(structuredClone(docs));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(b.get(k)).toBe(v);
    const keys = [...a.keys()];
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(keys).toContain('manifest.json');
  });

  it('writes a manifest that describes the other files', () => {
    const files = buildSearchIndex(FIXTURE);
    const m = JSON.parse(files.get('manifest.json')!) as Manifest;
    expect(m.docCount).toBe(FIXTURE.length);
    expect(m.procCount).toBe(4);
    expect(m.years.map(([y]) => y)).toEqual([2021, 2019, 2016, 2013]); // newest first
    expect(m.shards.length).toBeGreaterThan(0);
    m.shards.forEach((_, i) => expect(files.has(`post/${i}.json`)).toBe(true));
    for (let i = 0; i < m.trigramShards; i++) expect(files.has(`tri/${i}.json`)).toBe(true);
    expect(files.has('docs/0.json')).toBe(true);
    expect(files.has('procs/0.json')).toBe(true);
    for (const [, content] of files) expect(() => JSON.parse(content)).not.toThrow();
  });

  it('stores every SearchDoc of every kind exactly (round trip through the client)', async () => {
    const docs: SearchDoc[] = [
      ...ALL_ITEMS,
      // odd cases: label overrides, non-default url, no themes
      { ...FIXTURE[0]!, id: 'odd-1', themeLabels: ['A different label', 'Fair trial'], url: 'elsewhere/#x' },
      { ...FIXTURE[1]!, id: 'odd-2', themes: [], themeLabels: [], addressees: [], addresseeLabels: [] },
    ];
    const client = createSearchClient({ fetchJson: fetchJsonFromFiles(buildSearchIndex(docs)) });
    const { results, total } = await client.search({ q: '', limit: 100 });
    expect(total).toBe(docs.length);
    const byId = new Map(results.map((r) => [r.doc.id, r.doc]));
    for (const d of docs) expect(byId.get(d.id)).toEqual(d);
  });

  it('rejects duplicate ids and malformed docs', () => {
    expect(() => buildSearchIndex([FIXTURE[0]!, FIXTURE[0]!])).toThrow(/duplicate/);
    expect(() => buildSearchIndex([{ ...FIXTURE[0], themes: 'x' } as never])).toThrow(/SearchDoc: themes/);
    expect(() => buildSearchIndex([{ ...FIXTURE[0], what: 'motion' } as never])).toThrow(/SearchDoc: what/);
    expect(() => buildSearchIndex([{ ...FIXTURE[0]!, year: undefined }])).toThrow(/procedure without slug, year and title/);
  });

  it('caps long lists: top entries + a complete hash sample + a summary of the full list', () => {
    const docs = generateSyntheticDocs(10, 1);
    const full = new Map<string, number[]>();
    for (const [path, content] of buildSearchIndex(docs, { cap: 1e9 })) {
      if (!path.startsWith('post/')) continue;
      for (const [key, , enc] of (JSON.parse(content) as PostingsShard).k) if (!key.startsWith('~v:')) full.set(key, docsOf(enc));
    }
    let capped = 0;
    for (const [path, content] of buildSearchIndex(docs, { cap: 6 })) {
      if (!path.startsWith('post/')) continue;
      for (const [key, n, enc, summary] of (JSON.parse(content) as PostingsShard).k) {
        if (key.startsWith('~v:')) continue; // spellings of a name: words, not entries
        const stored = docsOf(enc);
        const all = full.get(key)!;
        expect(all.length).toBe(n);
        expect(stored.length).toBeLessThanOrEqual(Math.min(n, 6));
        expect(stored.every((d) => all.includes(d))).toBe(true);
        if (n <= 6) {
          expect(stored).toEqual(all);
          continue;
        }
        capped++;
        expect(summary).toBeDefined();
        expect(stored.length).toBeGreaterThanOrEqual(3);
        // every doc of the full list whose hash is under the threshold is stored
        const sample = all.filter((d) => docHash(d) < summary!.h);
        expect(sample.length).toBe(3);
        for (const d of sample) expect(stored).toContain(d);
        const whats = summary!.w.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0);
        expect(whats).toBe(n); // each doc is one kind of item
      }
    }
    expect(capped).toBeGreaterThan(10);
  });

  it('handles an empty corpus', async () => {
    const files = buildSearchIndex([]);
    const client = createSearchClient({ fetchJson: fetchJsonFromFiles(files) });
    const r = await client.search({ q: 'kozlov' });
    expect(r.results).toEqual([]);
    expect(r.total).toBe(0);
    expect((await client.search({ q: '' })).total).toBe(0);
  });
});
