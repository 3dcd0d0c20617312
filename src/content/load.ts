/**
 * The one way content is read: every file of the content folder (files.ts), once, checked for
 * size before it is read, parsed with positions (yaml.ts) and validated with the zod schemas,
 * every problem collected with its file, line and field. `npm run check:content` (check.ts) and
 * the build (the content collections of content.config.ts) both start here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { DEMAND_FILES, LIST_FILES, LIST_KEYS, MAX_FILE_BYTES, PROCEDURES, type ListKey } from './files.ts';
import type { ContentIssue } from './parse/index.ts';
import type { Entry, SiteInput } from './model/types.ts';
import { isEmpty, lineAt, parseYaml, splitFrontmatter, type YamlSource } from './yaml.ts';

/** The content folder: `CONTENT_DIR` (for fixtures and synthetic corpora) or `content/`. */
export function contentDir(root = process.cwd()): string {
  return path.resolve(root, process.env.CONTENT_DIR || 'content');
}

/** `demands[3].themes[1]`, `[0].id`, `(file)` for the whole file. */
export function fieldLabel(p: ReadonlyArray<PropertyKey>): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('') || '(file)';
}

/** What failed validation, so the problems that only follow from it can be told apart. */
export interface Failed {
  /** Ids of list records (themes, people, …) that failed validation. */
  records: Set<string>;
  /** List files that could not be read at all. */
  lists: Set<ListKey>;
  /** Procedures (slugs) whose file failed. */
  procedures: Set<string>;
  /** Demand files (slugs) that failed. */
  demandFiles: Set<string>;
}

/**
 * The parsed YAML of every file read, by file (relative to the project), for turning a field into
 * a line. A file not read in this process (the build's cross-checks run after Astro stored the
 * content) is parsed from disk when a problem in it has to be located.
 */
export class Sources {
  readonly #parsed = new Map<string, YamlSource | null>();
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  add(source: YamlSource): void {
    this.#parsed.set(source.file, source);
  }

  get(file: string): YamlSource | undefined {
    if (!this.#parsed.has(file)) this.#parsed.set(file, readSource(path.resolve(this.root, file), file) ?? null);
    return this.#parsed.get(file) ?? undefined;
  }
}

function readSource(abs: string, file: string): YamlSource | undefined {
  try {
    if (fs.statSync(abs).size > MAX_FILE_BYTES) return undefined;
    const text = fs.readFileSync(abs, 'utf8');
    if (!abs.endsWith('.md')) return parseYaml(text, file).source;
    const split = splitFrontmatter(text);
    return split ? parseYaml(split.frontmatter, file, 1).source : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadResult {
  input: SiteInput;
  issues: ContentIssue[];
  failed: Failed;
  sources: Sources;
}

const bytes = (n: number) => n.toLocaleString('en-GB');

/** Reads and validates every content file, collecting every problem instead of stopping at the first. */
export function loadContent(dir = contentDir(), root = process.cwd()): LoadResult {
  const issues: ContentIssue[] = [];
  const failed: Failed = { records: new Set(), lists: new Set(), procedures: new Set(), demandFiles: new Set() };
  const sources = new Sources(root);
  const rel = (f: string) => path.relative(root, f) || f;

  /** The file's text, or undefined (and an issue) when it is too large to read. */
  const read = (abs: string): string | undefined => {
    try {
      const size = fs.statSync(abs).size;
      if (size <= MAX_FILE_BYTES) return fs.readFileSync(abs, 'utf8');
      issues.push({ file: rel(abs), field: '(file)', message: `the file is ${bytes(size)} bytes, over the limit of ${bytes(MAX_FILE_BYTES)} bytes for a content file (see README, "Content format")` });
    } catch (error) {
      issues.push({ file: rel(abs), field: '(file)', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    }
    return undefined;
  };

  /** Parses YAML text; undefined (and issues) on a syntax error or when it holds nothing. */
  const parse = (text: string, file: string, empty: string, lineOffset = 0): YamlSource | undefined => {
    const parsed = parseYaml(text, file, lineOffset);
    issues.push(...parsed.issues);
    if (!parsed.source) return undefined;
    sources.add(parsed.source);
    if (!isEmpty(parsed.source)) return parsed.source;
    issues.push({ file, line: 1 + lineOffset, field: '(file)', message: empty });
    return undefined;
  };

  /** Validates the value at `at`, every problem an issue with the line of its field. */
  const check = <S extends z.ZodType>(src: YamlSource, value: unknown, schema: S, at: Array<string | number> = []): z.output<S> | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const i of result.error.issues) {
      const full = [...at, ...(i.path as Array<string | number>)];
      const keys = 'keys' in i && Array.isArray(i.keys) ? ` (${i.keys.join(', ')})` : '';
      issues.push({ file: src.file, line: lineAt(src, full), field: fieldLabel(full), message: i.message + keys });
    }
    return undefined;
  };

  const files = (folder: string, extension: string) => {
    const abs = path.join(dir, folder);
    return fs.existsSync(abs) ? fs.readdirSync(abs).filter((f) => f.endsWith(extension)).sort().map((f) => ({ abs: path.join(abs, f), slug: f.slice(0, -extension.length) })) : [];
  };

  const input: SiteInput = {
    procedures: [],
    demandFiles: [],
    ...(Object.fromEntries(LIST_KEYS.map((key) => [key, { file: rel(path.join(dir, LIST_FILES[key].file)), data: [] }])) as unknown as Pick<SiteInput, ListKey>),
  };

  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    issues.push({ file: rel(dir), field: '(folder)', message: 'the content folder does not exist (CONTENT_DIR, or content/)' });
    return { input, issues, failed, sources };
  }

  const procedureFiles = files(PROCEDURES.folder, PROCEDURES.extension);
  if (!procedureFiles.length) issues.push({ file: rel(path.join(dir, PROCEDURES.folder)), field: '(folder)', message: 'no procedure files (*.md)' });
  for (const { abs, slug } of procedureFiles) {
    const file = rel(abs);
    const fail = () => failed.procedures.add(slug);
    if (!/^\d{4}-\d{4}$/.test(slug)) issues.push({ file, field: '(file name)', message: 'expected <year>-<number>.md, e.g. 2013-2600.md' });
    const text = read(abs);
    const split = text === undefined ? undefined : splitFrontmatter(text);
    if (text !== undefined && !split) issues.push({ file, line: 1, field: '(frontmatter)', message: 'the file must start with YAML frontmatter between --- lines' });
    const src = split && parse(split.frontmatter, file, `the frontmatter is empty: expected the procedure's reference, title and documents (see ${PROCEDURES.schemaFile})`, 1);
    const data = src && check(src, src.doc.toJS(), PROCEDURES.schema);
    if (!data) fail();
    else input.procedures.push({ file, slug, data, body: split!.body });
  }

  for (const { abs, slug } of files(DEMAND_FILES.folder, DEMAND_FILES.extension)) {
    const file = rel(abs);
    const text = read(abs);
    const src = text === undefined ? undefined : parse(text, file, `the file is empty: expected the procedure, its demands and nonDemands (see ${DEMAND_FILES.schemaFile})`);
    const data = src && check(src, src.doc.toJS(), DEMAND_FILES.schema);
    if (!data) failed.demandFiles.add(slug);
    else input.demandFiles.push({ file, slug, data });
  }

  for (const key of LIST_KEYS) {
    const { file: name, schema, key: idField, what } = LIST_FILES[key];
    const abs = path.join(dir, name);
    if (!fs.existsSync(abs)) continue;
    const entry = input[key] as Entry<Array<Record<string, unknown>>>;
    const text = read(abs);
    const src = text === undefined ? undefined : parse(text, entry.file, `the file is empty: expected a YAML list of ${what} records (write [] for none; see ${LIST_FILES[key].schemaFile})`);
    const all = src?.doc.toJS() as unknown;
    if (!src || !Array.isArray(all)) {
      if (src) issues.push({ file: entry.file, line: lineAt(src, []), field: '(file)', message: `expected a YAML list of ${what} records (lines starting with "- ")` });
      failed.lists.add(key);
      continue;
    }
    // Validated record by record, so one bad record neither hides the others' problems nor drops them.
    const firstAt = new Map<string, number>();
    all.forEach((record, i) => {
      const ok = check(src, record, schema, [i]) as Record<string, unknown> | undefined;
      const id = (record as Record<string, unknown> | null)?.[idField];
      if (!ok) {
        if (typeof id === 'string') failed.records.add(id);
        return;
      }
      const first = firstAt.get(ok[idField] as string);
      if (first !== undefined) {
        issues.push({ file: entry.file, line: lineAt(src, [i, idField]), field: `[${i}].${idField}`, message: `${what} ${idField} "${String(ok[idField])}" is used twice (also [${first}], line ${lineAt(src, [first, idField])})` });
        return;
      }
      firstAt.set(ok[idField] as string, i);
      entry.data.push(ok);
    });
  }
  return { input, issues, failed, sources };
}
