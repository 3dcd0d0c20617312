#!/usr/bin/env node
// Content gate: validates every file of the content folder with the site's own schemas (the same
// ones the Astro build uses) and cross-checks them (anchors, verbatim quotes, ids), then lists
// EVERY problem at once, each with file:line, field, what is wrong and what is expected.
//
//   node scripts/check-content.mjs      (npm run check:content)
//   CONTENT_DIR=tests/fixtures/content-errors/valid npm run check:content
//
// Exit 0 and "content OK: N procedures, N demands, …" when clean; exit 1 and the list otherwise.
//
// One bad record must not hide or fake other problems: list files (themes.yaml, …) are
// re-validated record by record so the valid records still take part in the cross-checks, and the
// cross-reference problems that only follow from a file that failed validation (e.g. "unknown
// theme" for a theme whose record is invalid) are left out and counted instead.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { contentDir, loadContent } from '../../src/content/load.ts';
import { buildSite, slugOf } from '../../src/content/model/build.ts';
import { ContentError, formatIssue } from '../../src/content/model/errors.ts';
import type { ContentIssue } from '../../src/content/parse/index.ts';
import type { SiteInput, SiteModel } from '../../src/content/model/types.ts';
import { procedureSchema } from '../../src/content/schemas/procedure.ts';
import { addresseeSchema, personSchema, provisionSchema, themeSchema } from '../../src/content/schemas/taxonomy.ts';
import { demandFileSchema, eventSchema, threadSchema } from '../../src/content/schemas/curation.ts';
import { citationOverrideSchema, followUpSchema } from '../../src/content/schemas/follow-up.ts';
import { isMain } from './lib/is-main.mjs';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** A problem, with what was found and what is expected when we can say it. */
export interface CheckedIssue extends ContentIssue {
  expected?: string;
  found?: string;
}

export interface CheckResult {
  dir: string;
  issues: CheckedIssue[];
  /** Cross-reference problems left out because they follow from a file that failed validation. */
  consequential: number;
  /** The model, when there is no problem at all. */
  site?: SiteModel;
}

type ListKey = 'themes' | 'addressees' | 'people' | 'provisions' | 'threads' | 'events' | 'followUp' | 'citationOverrides';
const LISTS: Record<ListKey, { file: string; schema: z.ZodType }> = {
  themes: { file: 'themes.yaml', schema: themeSchema },
  addressees: { file: 'addressees.yaml', schema: addresseeSchema },
  people: { file: 'people.yaml', schema: personSchema },
  provisions: { file: 'provisions.yaml', schema: provisionSchema },
  threads: { file: 'threads.yaml', schema: threadSchema },
  events: { file: 'events.yaml', schema: eventSchema },
  followUp: { file: 'follow-up.yaml', schema: followUpSchema },
  citationOverrides: { file: 'citations.yaml', schema: citationOverrideSchema },
};

/** The schema of a content file, by its path relative to the content folder. */
function schemaFor(relToContent: string): z.ZodType | undefined {
  const p = relToContent.split(path.sep).join('/');
  if (/^procedures\/[^/]+\.md$/.test(p)) return procedureSchema;
  if (/^demands\/[^/]+\.yaml$/.test(p)) return demandFileSchema;
  const list = Object.values(LISTS).find((l) => l.file === p);
  return list ? z.array(list.schema) : undefined;
}

/** `demands[3].themes[1]` → ['demands', 3, 'themes', 1]; `(file)` and `(yaml)` → []. */
export function parseFieldPath(field: string): Array<string | number> | undefined {
  if (field.startsWith('(')) return [];
  if (!/^(\[\d+\]|[A-Za-z_$][\w$-]*)(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/.test(field)) return undefined;
  const out: Array<string | number> = [];
  for (const m of field.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

// ---- introspection of the zod schemas, to say which keys a record accepts ----------------------

interface ZodDefLike {
  type?: string;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  innerType?: ZodLike;
  in?: ZodLike;
  out?: ZodLike;
  options?: ZodLike[];
}
interface ZodLike {
  def?: ZodDefLike;
  _zod?: { def?: ZodDefLike };
}
const defOf = (s: ZodLike | undefined): ZodDefLike | undefined => s?._zod?.def ?? s?.def;

/** Every schema a value at `p` may be checked against (unions give several). */
function schemasAt(schema: ZodLike, p: Array<string | number>): ZodLike[] {
  let current: ZodLike[] = [schema];
  const unwrap = (list: ZodLike[]): ZodLike[] =>
    list.flatMap((s) => {
      const d = defOf(s);
      if (!d) return [];
      if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault' || d.type === 'readonly' || d.type === 'catch') return unwrap([d.innerType!]);
      if (d.type === 'pipe') return unwrap([d.out!, d.in!].filter(Boolean));
      if (d.type === 'union') return unwrap(d.options ?? []);
      return [s];
    });
  for (const key of p) {
    current = unwrap(current).flatMap((s) => {
      const d = defOf(s)!;
      if (typeof key === 'number') return d.type === 'array' && d.element ? [d.element] : [];
      const shape = d.type === 'object' ? d.shape : undefined;
      return shape?.[key] ? [shape[key]] : [];
    });
  }
  return unwrap(current);
}

/** The keys an object at `p` accepts, or undefined when it isn't an object. */
export function allowedKeys(schema: z.ZodType, p: Array<string | number>, kind?: string): string[] | undefined {
  let objects = schemasAt(schema as unknown as ZodLike, p).filter((s) => defOf(s)?.type === 'object');
  if (!objects.length) return undefined;
  // A discriminated union: keep the options whose `kind` literal matches the record's.
  if (kind !== undefined && objects.length > 1) {
    const matching = objects.filter((s) => {
      const k = defOf(s)?.shape?.['kind'];
      const values = (defOf(k) as { values?: unknown[] } | undefined)?.values;
      return Array.isArray(values) && values.includes(kind);
    });
    if (matching.length) objects = matching;
  }
  return [...new Set(objects.flatMap((s) => Object.keys(defOf(s)?.shape ?? {})))];
}

// ---- positions in the files ---------------------------------------------------------------------

interface ParsedFile {
  doc: Document;
  lc: LineCounter;
  lineOffset: number;
}
const parsedCache = new Map<string, ParsedFile | null>();

function parsedFile(abs: string): ParsedFile | null {
  if (parsedCache.has(abs)) return parsedCache.get(abs)!;
  let result: ParsedFile | null = null;
  try {
    let text = fs.readFileSync(abs, 'utf8');
    let lineOffset = 0;
    if (abs.endsWith('.md')) {
      const m = FRONTMATTER.exec(text);
      text = m ? m[1]! : '';
      lineOffset = 1;
    }
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
    result = doc.errors.length ? null : { doc, lc, lineOffset };
  } catch {
    result = null;
  }
  parsedCache.set(abs, result);
  return result;
}

type RangeNode = { range?: [number, number, number] | null };

/** Line of the node at `p` (or of its nearest existing ancestor). */
function lineOf(pf: ParsedFile, p: Array<string | number>): number | undefined {
  for (let k = p.length; k >= 0; k--) {
    const node = (k === 0 ? pf.doc.contents : pf.doc.getIn(p.slice(0, k), true)) as RangeNode | null | undefined;
    if (node?.range) return pf.lc.linePos(node.range[0]).line + pf.lineOffset;
  }
  return undefined;
}

/** Line of the key `key` in the map at `p`. */
function keyLine(pf: ParsedFile, p: Array<string | number>, key: string): number | undefined {
  const parent = p.length ? pf.doc.getIn(p, true) : pf.doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === key);
  const range = (pair?.key as RangeNode | undefined)?.range;
  return range ? pf.lc.linePos(range[0]).line + pf.lineOffset : undefined;
}

function valueAt(pf: ParsedFile, p: Array<string | number>): unknown {
  try {
    const js = pf.doc.toJS() as unknown;
    return p.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), js);
  } catch {
    return undefined;
  }
}

const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v);
  return s && s.length > 90 ? `${s.slice(0, 87)}…` : s;
};

// ---- making each problem actionable ------------------------------------------------------------

const REFERENCE_FILES: Record<string, string> = {
  theme: 'themes.yaml',
  addressee: 'addressees.yaml',
  person: 'people.yaml',
  provision: 'provisions.yaml',
};

/**
 * Adds what we can: the key's own name and line for unknown keys, the line of the field when the
 * check didn't know it, the value found and what is expected.
 */
function enrich(issue: ContentIssue, dir: string, root: string, input: SiteInput): CheckedIssue[] {
  const abs = path.resolve(root, issue.file);
  const relToContent = path.relative(dir, abs);
  const schema = schemaFor(relToContent);
  const pf = schema ? parsedFile(abs) : null;
  const fieldPath = parseFieldPath(issue.field);
  const out: CheckedIssue = { ...issue };

  const unknown = /^Unrecognized keys?: (.*?)(?: \(([^)]*)\))?$/.exec(issue.message);
  if (unknown && fieldPath) {
    const keys = unknown[2] ? unknown[2].split(', ') : [...unknown[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const kindValue = pf ? valueAt(pf, [...fieldPath, 'kind']) : undefined;
    const allowed = schema ? allowedKeys(schema, fieldPath, typeof kindValue === 'string' ? kindValue : undefined) : undefined;
    return keys.map((key) => ({
      file: issue.file,
      line: (pf && keyLine(pf, fieldPath, key)) ?? issue.line,
      field: issue.field.startsWith('(') ? key : `${issue.field}.${key}`,
      message: `unknown key "${key}"`,
      expected: allowed ? `one of the keys ${allowed.join(', ')} (check the spelling, or remove it)` : 'remove it, or fix its spelling',
    }));
  }

  if (pf && fieldPath) {
    if (out.line === undefined) out.line = lineOf(pf, fieldPath);
    const value = valueAt(pf, fieldPath);
    if (value !== undefined && (typeof value !== 'object' || value instanceof Date) && !issue.message.includes(String(value))) {
      out.found = show(value);
    }
  }

  const m = issue.message;
  let match: RegExpExecArray | null;
  if (/^Invalid input: expected (\w+), received undefined$/.test(m)) {
    out.message = 'required field is missing';
    out.expected = `a ${/expected (\w+)/.exec(m)![1]} (see ${schemaFile(relToContent)})`;
  } else if (m === 'not a real calendar day') {
    out.expected = 'a real calendar day, written YYYY-MM-DD';
  } else if ((match = /^unknown (theme|addressee|person|provision) "([^"]+)"/.exec(m))) {
    const kind = match[1]!;
    const key = kind === 'person' ? 'people' : (`${kind}s` as ListKey);
    const ids = [...new Set((input[key].data as Array<{ id: string }>).map((x) => x.id))];
    out.expected = `an id from ${REFERENCE_FILES[kind]}${ids.length ? `: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}` : ' (none is defined)'}`;
  } else if (/^not verbatim/.test(m)) {
    out.expected = 'an exact substring of the item text, as printed in the source (same spelling, punctuation and quote characters)';
  } else if (/ is used twice/.test(m)) {
    out.expected = 'ids unique within the file';
  } else if (/^heading "## .*" does not match/.test(m)) {
    out.expected = 'the "## " heading in the body to equal the document\'s heading in the frontmatter, character for character';
  } else if (/^Invalid option: expected one of/.test(m)) {
    out.message = 'not an allowed value';
    out.expected = m.replace(/^Invalid option: expected /, '');
  } else if (/^Invalid input: expected (\w+), received (\w+)$/.test(m)) {
    out.expected = `a ${/expected (\w+)/.exec(m)![1]}`;
  }
  return [out];
}

function schemaFile(relToContent: string): string {
  const p = relToContent.split(path.sep).join('/');
  if (p.startsWith('procedures/')) return 'src/content/schemas/procedure.ts';
  if (p.startsWith('demands/') || /^(threads|events)\.yaml$/.test(p)) return 'src/content/schemas/curation.ts';
  if (/^(follow-up|citations)\.yaml$/.test(p)) return 'src/content/schemas/follow-up.ts';
  return 'src/content/schemas/taxonomy.ts';
}

export function formatChecked(i: CheckedIssue): string {
  let s = formatIssue(i);
  if (i.found !== undefined) s += `\n      found: ${i.found}`;
  if (i.expected && !/\bexpected\b/.test(i.message)) s += `\n      expected: ${i.expected}`;
  return s;
}

// ---- the check ---------------------------------------------------------------------------------

/**
 * Finds the ids of the records of a list file that failed validation (loadContent keeps only the
 * valid ones), so "unknown theme" problems that merely follow from them are not reported twice.
 * A file that can't be read as a list at all (a YAML syntax error) goes into `failedFiles`.
 */
function repairList(dir: string, key: ListKey, input: SiteInput, failedIds: Set<string>, failedFiles: Set<ListKey>): void {
  const { file, schema } = LISTS[key];
  const abs = path.join(dir, file);
  if (!fs.existsSync(abs)) return;
  const pf = parsedFile(abs);
  const raw = pf ? (pf.doc.toJS() as unknown) : undefined;
  if (!Array.isArray(raw)) {
    failedFiles.add(key);
    return;
  }
  const valid: unknown[] = [];
  for (const record of raw) {
    const r = schema.safeParse(record);
    if (r.success) valid.push(r.data);
    else if (record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string') failedIds.add((record as { id: string }).id);
  }
  (input[key] as { data: unknown[] }).data = valid;
}

export function checkContent(dir = contentDir(), root = process.cwd()): CheckResult {
  parsedCache.clear();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return {
      dir,
      issues: [{ file: path.relative(root, dir) || dir, field: '(folder)', message: 'the content folder does not exist', expected: 'CONTENT_DIR (or content/) to be a folder' }],
      consequential: 0,
    };
  }
  const { input, issues: schemaIssues } = loadContent(dir, root);

  // What failed validation, so the problems that merely follow from it can be told apart.
  const failedIds = new Set<string>();
  const failedFiles = new Set<ListKey>();
  for (const key of Object.keys(LISTS) as ListKey[]) repairList(dir, key, input, failedIds, failedFiles);
  const loadedProcs = new Set(input.procedures.map((p) => p.slug));
  const loadedDemandFiles = new Set(input.demandFiles.map((d) => d.slug));
  const failedProcSlugs = new Set<string>();
  const failedDemandSlugs = new Set<string>();
  const procDir = path.join(dir, 'procedures');
  const demandDir = path.join(dir, 'demands');
  if (fs.existsSync(procDir)) for (const f of fs.readdirSync(procDir)) if (f.endsWith('.md') && !loadedProcs.has(f.slice(0, -3))) failedProcSlugs.add(f.slice(0, -3));
  if (fs.existsSync(demandDir)) for (const f of fs.readdirSync(demandDir)) if (f.endsWith('.yaml') && !loadedDemandFiles.has(f.slice(0, -5))) failedDemandSlugs.add(f.slice(0, -5));

  let crossIssues: ContentIssue[] = [];
  let site: SiteModel | undefined;
  try {
    site = buildSite(input);
  } catch (error) {
    if (error instanceof ContentError) crossIssues = error.issues;
    else {
      const e = error as Error;
      crossIssues = [{ file: path.relative(root, dir) || dir, field: '(cross-check)', message: `the cross-checks crashed: ${e.stack ?? e.message}` }];
    }
  }

  const anyFailed = failedIds.size > 0 || failedFiles.size > 0 || failedProcSlugs.size > 0 || failedDemandSlugs.size > 0;
  const KIND_FILE: Record<string, ListKey> = { theme: 'themes', addressee: 'addressees', person: 'people', provision: 'provisions', thread: 'threads', event: 'events' };
  const isConsequence = (i: ContentIssue): boolean => {
    if (!anyFailed) return false;
    let m: RegExpExecArray | null;
    if ((m = /^unknown (theme|addressee|person|provision|thread|event) "([^"]+)"/.exec(i.message))) return failedFiles.has(KIND_FILE[m[1]!]!) || failedIds.has(m[2]!);
    if ((m = /^unknown procedure (\S+)/.exec(i.message))) return failedProcSlugs.has(slugOf(m[1]!));
    if ((m = /^no procedure file \S*?([^/\s]+)\.md/.exec(i.message))) return failedProcSlugs.has(m[1]!);
    if ((m = /^unknown demand "(\d{4}-\d{4})-/.exec(i.message))) return failedProcSlugs.has(m[1]!) || failedDemandSlugs.has(m[1]!);
    if (i.message.startsWith('a thread needs demands from at least two procedures')) {
      const idx = /^\[(\d+)\]/.exec(i.field);
      const thread = idx ? input.threads.data[Number(idx[1])] : undefined;
      return !thread || thread.demands.some((id) => failedProcSlugs.has(id.slice(0, 9)) || failedDemandSlugs.has(id.slice(0, 9)));
    }
    if (/is never printed in the sources/.test(i.message)) return failedProcSlugs.size > 0;
    return false;
  };
  const kept = crossIssues.filter((i) => !isConsequence(i));
  const consequential = crossIssues.length - kept.length;

  const seen = new Set<string>();
  const issues: CheckedIssue[] = [];
  for (const raw of [...schemaIssues, ...kept]) {
    for (const i of enrich(raw, dir, root, input)) {
      const key = `${i.file}\0${i.line ?? ''}\0${i.field}\0${i.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(i);
    }
  }
  // By file, then by line, so the list reads top to bottom (stable: same-line problems keep their order).
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  return issues.length ? { dir, issues, consequential } : { dir, issues, consequential, site: site! };
}

export function summary(site: SiteModel): string {
  const reviewed = site.demands.filter((d) => d.reviewed).length;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return [
    n(site.procedures.length, 'procedure'),
    `${n(site.demands.length, 'demand')} (${reviewed} reviewed)`,
    n(site.themes.length, 'theme'),
    n(site.addressees.length, 'addressee'),
    n(site.people.length, 'person', 'people'),
    n(site.provisions.length, 'provision'),
    n(site.threads.length, 'thread'),
    n(site.events.length, 'timeline event'),
  ].join(', ');
}

function main(): number {
  const root = process.cwd();
  const dir = contentDir(root);
  const result = checkContent(dir, root);
  const where = path.relative(root, dir) || dir;
  if (!result.issues.length) {
    console.log(`content OK: ${summary(result.site!)} (${where})`);
    return 0;
  }
  const files = new Set(result.issues.map((i) => i.file)).size;
  console.error(
    `content check FAILED: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${where}):\n`,
  );
  for (const i of result.issues) console.error(`  - ${formatChecked(i)}`);
  if (result.consequential) {
    console.error(
      `\n  (${result.consequential} more cross-reference problem${result.consequential === 1 ? '' : 's'} not shown: they follow from the invalid records above; fix those and run again.)`,
    );
  }
  return 1;
}

if (isMain(import.meta.url)) {
  process.exitCode = main();
}
