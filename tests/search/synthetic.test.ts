import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { generateSyntheticCorpus, generateSyntheticDocs, generateSyntheticProcedureMarkdown, procedureMarkdown } from '../../scripts/tools/synthetic/generate.ts';
import { procedureSchema } from '../../src/content/schemas/procedure.ts';
import { parseProcedureBody } from '../../src/content/parse/index.ts';

describe('synthetic corpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSyntheticDocs(5, 9)).toEqual(generateSyntheticDocs(5, 9));
    expect(generateSyntheticDocs(5, 9)).not.toEqual(generateSyntheticDocs(5, 10));
  });

  it('is marked synthetic and cannot collide with real references', () => {
    const { docs, procedures } = generateSyntheticCorpus(50, 1);
    const demands = docs.filter((d) => d.what === 'demand');
    expect(demands.length).toBeGreaterThan(50 * 17);
    expect(demands.length).toBeLessThan(50 * 23);
    // every kind of item: texts, events, people, themes
    expect(new Set(docs.map((d) => d.what))).toEqual(new Set(['demand', 'paragraph', 'recital', 'citation', 'summary', 'event', 'person', 'theme']));
    expect(docs.length).toBeGreaterThan(50 * 45);
    for (const p of procedures) {
      expect(p.title.startsWith('[SYNTHETIC] ')).toBe(true);
      expect(p.reference).toMatch(/^9\d{3}\/\d{4}\(RSP\)$/);
    }
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const d of demands) expect(d.url).toBe(`procedures/${d.slug}/#demand-${d.id}`);
  });

  it('ground truth lists exactly the docs that name each planted person', () => {
    const { docs, truth } = generateSyntheticCorpus(20, 2);
    for (const p of truth.people) {
      const named = docs.filter((d) => d.people.includes(p.name)).map((d) => d.id);
      expect(named.sort()).toEqual([...p.docIds].sort());
      for (const id of p.docIds) {
        const d = docs.find((x) => x.id === id)!;
        expect(`${d.heading ?? ''} ${d.text}`).toContain(p.name);
      }
    }
  });

  it('writes procedure Markdown the site accepts (schema + body parser), with the same items, demands and quotes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    try {
      const files = await generateSyntheticProcedureMarkdown(dir, 3, 4);
      expect(files.length).toBe(3);
      expect(readdirSync(dir).sort()).toEqual(files.map((f) => f.slice(dir.length + 1)).sort());
      const corpus = generateSyntheticCorpus(3, 4);
      for (const p of corpus.procedures) {
        const md = readFileSync(join(dir, `${p.slug}.md`), 'utf8');
        expect(md).toBe(procedureMarkdown(p));
        const end = md.indexOf('\n---\n', 4);
        const front = procedureSchema.parse(parseYaml(md.slice(4, end)));
        const body = md.slice(end + 5);
        for (const d of p.documents) if (d.dateline) expect(body).not.toContain(d.dateline);
        const parsed = parseProcedureBody(body, front.documents, `${p.slug}.md`);
        expect(parsed.issues).toEqual([]);
        const items = new Map(parsed.documents.flatMap((d) => d.items.map((i) => [i.anchor, i])));
        for (const doc of corpus.docs.filter((d) => d.slug === p.slug)) {
          if (doc.what === 'demand') expect(items.get(doc.id.slice(p.slug.length + 1))?.text).toContain(doc.text);
          else if (doc.what === 'event') {
            if (doc.place) expect(parsed.documents.flatMap((d) => d.items).some((i) => i.text.includes(doc.text))).toBe(true);
          } else expect(items.get(doc.id.slice(p.slug.length + 1))?.text).toBe(doc.text);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to write into a content directory', async () => {
    await expect(generateSyntheticProcedureMarkdown(join(tmpdir(), 'content', 'procedures'), 1)).rejects.toThrow(/content/);
  });
});
