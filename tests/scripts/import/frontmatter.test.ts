// The frontmatter written through yaml's Document API (scripts/tools/lib/import/frontmatter.ts): the
// style of the hand-made files, values that need quoting read back as they were, and hand-made
// files kept as written when a document is added to them.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderFrontmatter, reprinted, withDocument } from '../../../scripts/tools/lib/import/frontmatter.ts';
import { procedureSchema, type ProcedureData } from '../../../src/content/schemas/procedure.ts';
import { repoRoot } from './helpers.ts';

const frontmatterOf = (text: string) => /^---\n([\s\S]*?\n)---\n/.exec(text)![1]!;
const procedureFiles = fs.readdirSync(path.join(repoRoot, 'content/procedures')).filter((f) => f.endsWith('.md'));

describe('frontmatter', () => {
  it.each(procedureFiles)(
    '%s: parsed and printed again, its frontmatter is unchanged (a document added leaves the rest as written)',
    (name) => {
      const fm = frontmatterOf(fs.readFileSync(path.join(repoRoot, 'content/procedures', name), 'utf8'));
      expect(reprinted(fm)).toBe(fm);
    },
  );

  it('quotes what a YAML reader would take for something else, and reads back to the same data', () => {
    const data: ProcedureData = {
      reference: '2099/2601(RSP)',
      title: 'yes',
      documents: [
        {
          id: 'text',
          kind: 'resolution',
          source: 'no',
          heading: 'Resolution: on #hashes, ‘quotes’ and "double quotes" ',
          dateline: '(2099/2601(RSP))',
        },
        {
          id: 'motion',
          kind: 'motion',
          source: '2016-03-10.txt',
          heading: '1.5',
          anchorPrefix: 'motion-',
          tablingGroups: ['EPP', 'S&D'],
        },
      ],
    };
    const fm = renderFrontmatter(data, 'Sources: test');
    expect(fm).toBe(
      [
        '# Sources: test',
        'reference: 2099/2601(RSP)',
        'title: "yes"',
        'documents:',
        '  - id: text',
        '    kind: resolution',
        '    source: "no"',
        '    heading: "Resolution: on #hashes, ‘quotes’ and \\"double quotes\\" "',
        '    dateline: "(2099/2601(RSP))"',
        '  - id: motion',
        '    kind: motion',
        '    source: "2016-03-10.txt"',
        '    heading: "1.5"',
        '    anchorPrefix: motion-',
        '    tablingGroups: [EPP, S&D]',
        '',
      ].join('\n'),
    );
    expect(procedureSchema.parse(parseYaml(fm))).toEqual(data);
  });

  it('a document added goes after the others, and the sources comment names its source', () => {
    const fm =
      '# Sources: a.txt (resolution text)\nreference: 2099/2601(RSP)\ndocuments:\n  - id: text\n    kind: resolution\n    source: a.txt\n    heading: A\n';
    const out = withDocument(
      fm,
      { id: 'motion', kind: 'motion', source: 'b.txt', heading: 'B', anchorPrefix: 'motion-' },
      undefined,
      'b.txt (motion for a resolution)',
    );
    expect(out).toBe(
      `${fm.replace('(resolution text)', '(resolution text), b.txt (motion for a resolution)')}  - id: motion\n    kind: motion\n    source: b.txt\n    heading: B\n    anchorPrefix: motion-\n`,
    );
    const replaced = withDocument(
      fm,
      { id: 'text', kind: 'resolution', source: 'a.txt', heading: 'A2' },
      0,
      'a.txt (resolution text)',
    );
    expect(replaced).toBe(fm.replace('heading: A\n', 'heading: A2\n'));
  });
});
