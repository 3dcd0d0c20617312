/**
 * Reading YAML with positions: every content file's YAML (the procedures' frontmatter, the curated
 * files) is parsed here, once, keeping a line for every node so any problem found later, by the
 * schemas or the cross-checks, names the file and line.
 *
 * One reader for the whole project (the `yaml` package, YAML 1.2 core schema), plus one rule from
 * YAML 1.1 that other readers apply: an unquoted date (`title: 2016-03-10`) is a date, not text.
 * It becomes a `YamlDate` holding the literal as written, so a date field validates the literal
 * (2016-02-31 stays impossible instead of turning into 2 March) and a text field refuses it.
 */
import { isCollection, isMap, isScalar, LineCounter, parseDocument, visit, type Document, type ScalarTag } from 'yaml';
import type { ContentIssue } from './parse/index.ts';

/** An unquoted date or timestamp in YAML, kept exactly as written. */
export class YamlDate {
  readonly literal: string;
  constructor(literal: string) {
    this.literal = literal;
  }
  toString(): string {
    return this.literal;
  }
}

/** YAML 1.1's timestamp: what other YAML readers (js-yaml, Astro's) turn into a Date. */
const TIMESTAMP = /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;

const timestampTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  test: TIMESTAMP,
  resolve: (literal) => new YamlDate(literal),
};

/** A parsed YAML text and what is needed to turn a node into a line of its file. */
export interface YamlSource {
  file: string;
  doc: Document;
  lc: LineCounter;
  /** Lines of the file before the YAML text (1 for frontmatter, after the opening `---`). */
  lineOffset: number;
}

type Path = Array<string | number>;
type RangeNode = { range?: [number, number, number] | null };

/**
 * Parses YAML keeping positions. A syntax error becomes one issue, on the line where the mistake
 * is: an unclosed `[`, `{` or quote is reported where it opens, not where the parser gave up. Only
 * a file's first syntax error is reported: the parser's later ones mostly follow from it.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): { source?: YamlSource; issues: ContentIssue[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, customTags: (tags) => [...tags, timestampTag] });
  if (!doc.errors.length) return { source: { file, doc, lc, lineOffset }, issues: [] };
  const issues = doc.errors.slice(0, 1).map((e): ContentIssue => {
    const at = e.pos[0];
    let opened: number | undefined;
    visit(doc, (_key, node) => {
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      const flow = isCollection(node) && node.flow;
      const range = (node as RangeNode).range;
      // The node the parser was still inside when it failed: it starts before and ends at the error.
      if ((quoted || flow) && range && range[0] < at && range[1] >= at) opened = range[0];
    });
    const line = lc.linePos(opened ?? at).line + lineOffset;
    return { file, line, field: '(yaml)', message: e.message.split('\n')[0]! };
  });
  return { issues };
}

/** True when the YAML text holds nothing but comments and blank lines. */
export const isEmpty = (src: YamlSource): boolean => src.doc.contents === null;

/** Line of the node at `path`, or of its nearest ancestor that exists. */
export function lineAt(src: YamlSource, path: Path): number | undefined {
  for (let k = path.length; k >= 0; k--) {
    const node = (k === 0 ? src.doc.contents : src.doc.getIn(path.slice(0, k), true)) as RangeNode | null | undefined;
    if (node?.range) return src.lc.linePos(node.range[0]).line + src.lineOffset;
  }
  return undefined;
}

/** Line of the key `key` of the map at `path`. */
export function keyLineAt(src: YamlSource, path: Path, key: string): number | undefined {
  const parent = path.length ? src.doc.getIn(path, true) : src.doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === key);
  const range = (pair?.key as RangeNode | undefined)?.range;
  return range ? src.lc.linePos(range[0]).line + src.lineOffset : undefined;
}

/** The plain value at `path` (a YamlDate for an unquoted date), or undefined. */
export function valueAt(src: YamlSource, path: Path): unknown {
  const node = path.length ? src.doc.getIn(path, true) : src.doc.contents;
  if (isScalar(node)) return node.value;
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
}

/**
 * Frontmatter between `---` lines at the very start of a Markdown file. The body keeps its place
 * in the file (the frontmatter's lines become blank lines), so every line the Markdown parser
 * reports is a line of the file.
 */
const FRONTMATTER = /^---[ \t]*\r?\n((?:[\s\S]*?\r?\n)?)---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(text: string): { frontmatter: string; body: string } | undefined {
  const m = FRONTMATTER.exec(text);
  if (!m) return undefined;
  const lines = m[0].split('\n').length - 1;
  return { frontmatter: m[1]!, body: '\n'.repeat(lines) + text.slice(m[0].length) };
}
