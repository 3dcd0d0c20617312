// The content's YAML reader (src/content/yaml.ts): positions, the line of a syntax error, unquoted
// dates kept as written, and frontmatter that leaves the body's lines where they are in the file.
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/content/schemas/common.ts';
import { procedureReference } from '../../src/content/schemas/common.ts';
import { isEmpty, lineAt, parseYaml, splitFrontmatter, YamlDate } from '../../src/content/yaml.ts';

describe('parseYaml', () => {
  it('keeps an unquoted date as written, so an impossible day stays impossible and text refuses a date', () => {
    const { source } = parseYaml('date: 2016-02-31\nday: 2016-03-10\ntitle: "2016-03-10"\nyear: 2011-12\n', 'x.yaml');
    const data = source!.doc.toJS() as Record<string, unknown>;
    expect(data['date']).toEqual(new YamlDate('2016-02-31'));
    expect(isoDate.safeParse(data['date']).success).toBe(false);
    expect(isoDate.parse(data['day'])).toBe('2016-03-10');
    expect(data['title']).toBe('2016-03-10');
    expect(data['year']).toBe('2011-12');
    expect(procedureReference.safeParse(data['day']).success).toBe(false);
  });

  it('reports a syntax error once, on the line where the unclosed bracket or quote opens', () => {
    const text = '- id: a\n  label: [LGBTI rights\n  description: x\n  keywords: [a, b]\n';
    expect(parseYaml(text, 'themes.yaml').issues).toEqual([
      { file: 'themes.yaml', line: 2, field: '(yaml)', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
    ]);
    expect(parseYaml('a: "x\nb: 2\n', 'f.yaml', 1).issues.map((i) => i.line)).toEqual([2]);
    expect(parseYaml('a: 1\nb: c: d\n', 'f.yaml').issues.map((i) => i.line)).toEqual([2]);
  });

  it('gives the line of a field, or of its nearest ancestor, counting the lines before the YAML', () => {
    const { source } = parseYaml('reference: x\ndocuments:\n  - id: a\n    kind: summary\n', 'p.md', 1);
    expect(lineAt(source!, ['documents', 0, 'kind'])).toBe(5);
    expect(lineAt(source!, ['documents', 0, 'heading'])).toBe(4);
    expect(isEmpty(parseYaml('# only a comment\n', 'e.yaml').source!)).toBe(true);
  });
});

describe('splitFrontmatter', () => {
  it('leaves the body on the lines it has in the file', () => {
    const split = splitFrontmatter('---\nreference: x\n---\n\n## Heading\n')!;
    expect(split.frontmatter).toBe('reference: x\n');
    expect(split.body.split('\n').indexOf('## Heading') + 1).toBe(5);
    expect(splitFrontmatter('---\n---\nbody')).toEqual({ frontmatter: '', body: '\n\nbody' });
    expect(splitFrontmatter('no frontmatter\n---\n')).toBeUndefined();
  });
});
