import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { procedureSchema } from './schemas/procedure.ts';
import { addresseeSchema, personSchema, provisionSchema, themeSchema } from './schemas/taxonomy.ts';
import { demandFileSchema, eventSchema, threadSchema } from './schemas/curation.ts';
import { citationOverrideSchema, followUpSchema } from './schemas/follow-up.ts';
import type { ContentIssue } from './parse/index.ts';
import type { Entry, SiteInput } from './model/types.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The content folder: `CONTENT_DIR` (for fixtures and synthetic corpora) or `content/`. */
export function contentDir(root = process.cwd()): string {
  return path.resolve(root, process.env.CONTENT_DIR ?? 'content');
}

function pathLabel(p: PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('') || '(file)';
}

interface YamlSource {
  doc: Document;
  lc: LineCounter;
  file: string;
  lineOffset: number;
}

/** Parses YAML keeping positions; syntax errors become issues and give undefined. */
function parseYaml(text: string, file: string, issues: ContentIssue[], lineOffset = 0): YamlSource | undefined {
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (!doc.errors.length) return { doc, lc, file, lineOffset };
  for (const e of doc.errors) issues.push({ file, line: lc.linePos(e.pos[0]).line + lineOffset, field: '(yaml)', message: e.message.split('\n')[0]! });
  return undefined;
}

/** Validates the value at `at` in a parsed YAML file, turning every problem into an issue with its line. */
function check<S extends z.ZodType>(src: YamlSource, value: unknown, schema: S, issues: ContentIssue[], at: Array<string | number> = []): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const i of result.error.issues) {
    const full = [...at, ...(i.path as Array<string | number>)];
    let node = src.doc.getIn(full, true) as { range?: [number, number, number] } | undefined;
    for (let k = full.length - 1; !node?.range && k >= 0; k--) node = src.doc.getIn(full.slice(0, k), true) as typeof node;
    const line = node?.range ? src.lc.linePos(node.range[0]).line + src.lineOffset : undefined;
    const keys = 'keys' in i && Array.isArray(i.keys) ? ` (${i.keys.join(', ')})` : '';
    issues.push({ file: src.file, line, field: pathLabel(full), message: i.message + keys });
  }
  return undefined;
}

function validateYaml<S extends z.ZodType>(text: string, schema: S, file: string, issues: ContentIssue[], lineOffset = 0): z.output<S> | undefined {
  const src = parseYaml(text, file, issues, lineOffset);
  return src ? check(src, src.doc.toJS(), schema, issues) : undefined;
}

/** A YAML list of records (themes, people, …): validated record by record, so one bad entry doesn't hide the others. */
function loadList<S extends z.ZodType>(dir: string, name: string, schema: S, issues: ContentIssue[], rel: (f: string) => string): Entry<Array<z.output<S>>> {
  const full = path.join(dir, name);
  const file = rel(full);
  if (!fs.existsSync(full)) return { file, data: [] };
  const src = parseYaml(fs.readFileSync(full, 'utf8'), file, issues);
  if (!src) return { file, data: [] };
  const all = src.doc.toJS() as unknown;
  if (!Array.isArray(all)) {
    issues.push({ file, line: 1, field: '(file)', message: 'expected a YAML list of records (lines starting with "- ")' });
    return { file, data: [] };
  }
  const data = all.flatMap((record, i) => {
    const ok = check(src, record, schema, issues, [i]);
    return ok === undefined ? [] : [ok];
  });
  return { file, data };
}

export interface LoadResult {
  input: SiteInput;
  issues: ContentIssue[];
}

/**
 * Reads and validates every content file from disk, collecting every problem instead of stopping
 * at the first. The Astro build validates the same files with the same schemas through its content
 * collections; this path serves `npm run check:content`, scripts and tests.
 */
export function loadContent(dir = contentDir(), root = process.cwd()): LoadResult {
  const issues: ContentIssue[] = [];
  const rel = (f: string) => path.relative(root, f) || f;
  const procDir = path.join(dir, 'procedures');
  const procedures: SiteInput['procedures'] = [];
  const files = fs.existsSync(procDir) ? fs.readdirSync(procDir).filter((f) => f.endsWith('.md')).sort() : [];
  if (!files.length) issues.push({ file: rel(procDir), field: '(folder)', message: 'no procedure files (*.md)' });
  for (const f of files) {
    const full = path.join(procDir, f);
    const file = rel(full);
    const slug = f.replace(/\.md$/, '');
    if (!/^\d{4}-\d{4}$/.test(slug)) issues.push({ file, field: '(file name)', message: 'expected <year>-<number>.md, e.g. 2013-2600.md' });
    const src = fs.readFileSync(full, 'utf8');
    const m = FRONTMATTER.exec(src);
    if (!m) {
      issues.push({ file, line: 1, field: '(frontmatter)', message: 'the file must start with YAML frontmatter between --- lines' });
      continue;
    }
    const data = validateYaml(m[1]!, procedureSchema, file, issues, 1);
    if (!data) continue;
    procedures.push({ file, slug, data, body: src.slice(m[0].length), bodyLine: m[0].split('\n').length - 1 });
  }
  const demandDir = path.join(dir, 'demands');
  const demandFiles: SiteInput['demandFiles'] = [];
  if (fs.existsSync(demandDir)) {
    for (const f of fs.readdirSync(demandDir).filter((x) => x.endsWith('.yaml')).sort()) {
      const full = path.join(demandDir, f);
      const data = validateYaml(fs.readFileSync(full, 'utf8'), demandFileSchema, rel(full), issues);
      if (data) demandFiles.push({ file: rel(full), slug: f.replace(/\.yaml$/, ''), data });
    }
  }
  const input: SiteInput = {
    procedures,
    demandFiles,
    themes: loadList(dir, 'themes.yaml', themeSchema, issues, rel),
    addressees: loadList(dir, 'addressees.yaml', addresseeSchema, issues, rel),
    people: loadList(dir, 'people.yaml', personSchema, issues, rel),
    provisions: loadList(dir, 'provisions.yaml', provisionSchema, issues, rel),
    threads: loadList(dir, 'threads.yaml', threadSchema, issues, rel),
    events: loadList(dir, 'events.yaml', eventSchema, issues, rel),
    followUp: loadList(dir, 'follow-up.yaml', followUpSchema, issues, rel),
    citationOverrides: loadList(dir, 'citations.yaml', citationOverrideSchema, issues, rel),
  };
  return { input, issues };
}
