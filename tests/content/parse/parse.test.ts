import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProcedureBody } from '../../../src/content/parse/index.ts';

const dir = path.join(import.meta.dirname, 'fixtures');

/** Each fixture folder: input.md (a body), documents.json (its frontmatter documents), output.json (what the parse must give). */
describe.each(fs.readdirSync(dir).sort())('parse fixture %s', (name) => {
  const read = (f: string) => fs.readFileSync(path.join(dir, name, f), 'utf8');
  const documents = JSON.parse(read('documents.json'));
  const expected = JSON.parse(read('output.json'));
  const out = parseProcedureBody(read('input.md'), documents, `${name}.md`);

  if (expected.items) {
    it('gives every item its anchor, kind, printed label and verbatim text', () => {
      const items = out.documents.flatMap((d) => d.items.map((i) => [i.anchor, i.kind, i.label, i.text]));
      expect(items).toEqual(expected.items);
    });
    it('extracts each call as a demand whose text is a substring of its item', () => {
      expect(out.extracted.map((e) => [e.anchor, e.text])).toEqual(expected.extracted);
      const byAnchor = new Map(out.documents.flatMap((d) => d.items.map((i) => [i.anchor, i.text])));
      for (const e of out.extracted) expect(byAnchor.get(e.anchor)!.slice(e.start, e.start + e.text.length)).toBe(e.text);
    });
  }
  it('reports exactly the expected problems, with line and field', () => {
    const issues = out.issues.map((i) => [i.line ?? null, i.field, i.message]);
    expect(issues).toEqual(expected.issues);
    for (const i of out.issues) expect(i.file).toBe(`${name}.md`);
  });
});

it('keeps footnote references linked where the text prints their number', () => {
  const out = parseProcedureBody(fs.readFileSync(path.join(dir, 'resolution', 'input.md'), 'utf8'), JSON.parse(fs.readFileSync(path.join(dir, 'resolution', 'documents.json'), 'utf8')), 'r.md');
  const citation = out.documents[0]!.items.find((i) => i.anchor === 'motion-citation-1')!;
  expect(citation.inlines).toEqual([
    { type: 'text', value: 'having regard to its resolution of 15 March 2012 on Kazakhstan' },
    { type: 'fnref', label: '1' },
    { type: 'text', value: ',' },
  ]);
});
