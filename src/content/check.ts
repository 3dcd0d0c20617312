/**
 * The verdict on the content, the same in `npm run check:content` and in the build: the files as
 * load.ts read them, the cross-checks of the model (model/build.ts), and the published permalinks
 * (permalinks.ts). Every problem comes out with file:line, field, what is wrong, what was found
 * and what is expected, in one list, formatted here for both.
 *
 * One bad record must not hide or fake other problems: list files are validated record by record
 * so the valid records still take part in the cross-checks, and a cross-reference problem that
 * only follows from a record that failed validation (e.g. "unknown theme" for a theme whose
 * record is invalid) is left out and counted instead.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import { DEMAND_FILES, LIST_FILES, PROCEDURES, type ListKey } from './files.ts';
import { contentDir, loadContent, type LoadResult } from './load.ts';
import { crossCheckSite, slugOf } from './model/build.ts';
import { formatIssue } from './model/errors.ts';
import type { SiteModel } from './model/types.ts';
import type { ContentIssue } from './parse/index.ts';
import { comparePermalinks, manifestFile, permalinksOf, readManifest, type Permalink } from './permalinks.ts';
import { keyLineAt, lineAt, valueAt, YamlDate, type YamlSource } from './yaml.ts';

/** A problem, with what was found and what is expected when we can say it. */
export interface CheckedIssue extends ContentIssue {
  expected?: string;
  found?: string;
}

export interface Verdict {
  /** The content folder, as the report names it. */
  where: string;
  issues: CheckedIssue[];
  /** Cross-reference problems left out because they follow from a record that failed validation. */
  consequential: number;
  /** Permalinks not recorded in the URL manifest yet (not a problem: see README). */
  unrecorded: Permalink[];
  /** The model, when there is no problem at all. */
  site?: SiteModel;
}

// ---- what each file holds, for messages ---------------------------------------------------------

/** The schema of a whole content file and its source file, by its path relative to the content folder. */
function schemaOf(relToContent: string): { schema: z.ZodType; schemaFile: string } | undefined {
  const p = relToContent.split(path.sep).join('/');
  if (p.startsWith(`${PROCEDURES.folder}/`)) return PROCEDURES;
  if (p.startsWith(`${DEMAND_FILES.folder}/`)) return DEMAND_FILES;
  const list = Object.values(LIST_FILES).find((l) => l.file === p);
  return list && { schema: z.array(list.schema), schemaFile: list.schemaFile };
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

// ---- making each problem actionable ------------------------------------------------------------

const show = (v: unknown) => {
  const s = v instanceof YamlDate ? v.literal : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
  return s && s.length > 90 ? `${s.slice(0, 87)}…` : s;
};

/**
 * Adds what we can: the key's own name and line for unknown keys, the line of the field when the
 * check didn't know it, the value found and what is expected.
 */
function explain(issue: ContentIssue, dir: string, read: LoadResult): CheckedIssue[] {
  const abs = path.resolve(read.sources.root, issue.file);
  const relToContent = path.relative(dir, abs);
  const kind = schemaOf(relToContent);
  const yamlFile = kind && (abs.endsWith('.yaml') || abs.endsWith('.md'));
  const src: YamlSource | undefined = yamlFile ? read.sources.get(issue.file) : undefined;
  const fieldPath = parseFieldPath(issue.field);
  const out: CheckedIssue = { ...issue };

  const unknown = /^Unrecognized keys?: (.*?)(?: \(([^)]*)\))?$/.exec(issue.message);
  if (unknown && fieldPath) {
    const keys = unknown[2] ? unknown[2].split(', ') : [...unknown[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const kindValue = src ? valueAt(src, [...fieldPath, 'kind']) : undefined;
    const allowed = kind ? allowedKeys(kind.schema, fieldPath, typeof kindValue === 'string' ? kindValue : undefined) : undefined;
    return keys.map((key) => ({
      file: issue.file,
      line: (src && keyLineAt(src, fieldPath, key)) ?? issue.line,
      field: issue.field.startsWith('(') ? key : `${issue.field}.${key}`,
      message: `unknown key "${key}"`,
      expected: allowed ? `one of the keys ${allowed.join(', ')} (check the spelling, or remove it)` : 'remove it, or fix its spelling',
    }));
  }

  if (src && fieldPath && out.line === undefined) out.line = lineAt(src, fieldPath);
  // A changed permalink's message already quotes the words, before and after.
  if (/ now points to other words: /.test(issue.message)) return [out];
  const value = src && fieldPath ? valueAt(src, fieldPath) : undefined;
  if (value !== undefined && (typeof value !== 'object' || value instanceof YamlDate) && !issue.message.includes(String(value))) out.found = show(value);

  const m = issue.message;
  let match: RegExpExecArray | null;
  if (value instanceof YamlDate && /^Invalid input: expected (string|number|boolean|array|object)/.test(m)) {
    out.message = `${value.literal} without quotes is read as a date, but this field takes text`;
    out.expected = `the text in quotes: ${fieldPath?.at(-1) ?? 'value'}: "${value.literal}"`;
    delete out.found;
  } else if (/^Invalid input: expected (\w+), received undefined$/.test(m)) {
    out.message = 'required field is missing';
    out.expected = `a ${/expected (\w+)/.exec(m)![1]} (see ${kind?.schemaFile ?? 'src/content/schemas/'})`;
  } else if (m === 'not a real calendar day') {
    out.expected = 'a real calendar day, written YYYY-MM-DD';
  } else if ((match = /^unknown (theme|addressee|person|provision) "([^"]+)"/.exec(m))) {
    const list = match[1] === 'person' ? 'people' : (`${match[1]}s` as ListKey);
    const ids = [...new Set((read.input[list].data as Array<{ id: string }>).map((x) => x.id))];
    out.expected = `an id from ${LIST_FILES[list].file}${ids.length ? `: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}` : ' (none is defined)'}`;
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

/** A cross-reference problem that only follows from a record or file that failed validation. */
function consequenceOf(read: LoadResult) {
  const { failed, input } = read;
  const anyFailed = failed.records.size > 0 || failed.lists.size > 0 || failed.procedures.size > 0 || failed.demandFiles.size > 0;
  const LIST_OF: Record<string, ListKey> = { theme: 'themes', addressee: 'addressees', person: 'people', provision: 'provisions', thread: 'threads', event: 'events' };
  return (i: ContentIssue): boolean => {
    if (!anyFailed) return false;
    let m: RegExpExecArray | null;
    if ((m = /^unknown (theme|addressee|person|provision|thread|event) "([^"]+)"/.exec(i.message))) return failed.lists.has(LIST_OF[m[1]!]!) || failed.records.has(m[2]!);
    if ((m = /^unknown procedure (\S+)/.exec(i.message))) return failed.procedures.has(slugOf(m[1]!));
    if ((m = /^no procedure file \S*?([^/\s]+)\.md/.exec(i.message))) return failed.procedures.has(m[1]!);
    if ((m = /^unknown demand "(\d{4}-\d{4})-/.exec(i.message))) return failed.procedures.has(m[1]!) || failed.demandFiles.has(m[1]!);
    if (i.message.startsWith('a thread needs demands from at least two procedures')) {
      const idx = /^\[(\d+)\]/.exec(i.field);
      const thread = idx ? input.threads.data[Number(idx[1])] : undefined;
      return !thread || thread.demands.some((id) => failed.procedures.has(id.slice(0, 9)) || failed.demandFiles.has(id.slice(0, 9)));
    }
    if (/is never printed in the sources/.test(i.message)) return failed.procedures.size > 0;
    // A published permalink looks gone because the file holding its words failed.
    if ((m = /^published at \S+ and now gone/.exec(i.message))) {
      const [kind, id] = [i.field.slice(0, i.field.indexOf(':')), i.field.slice(i.field.indexOf(':') + 1)];
      const slug = id.slice(0, 9);
      if (kind === 'demand') return failed.procedures.has(slug) || failed.demandFiles.has(slug);
      if (kind === 'item') return failed.procedures.has(slug);
      if (kind === 'event') return failed.lists.has('events') || failed.records.has(id) || failed.procedures.has(slug);
      if (kind === 'person') return failed.lists.has('people') || failed.records.has(id);
    }
    return false;
  };
}

// ---- the verdict --------------------------------------------------------------------------------

/**
 * Judges what load.ts read: cross-checks it into the model and compares its permalinks with the
 * URL manifest. `read` comes from `loadContent` (npm run check:content, and the build when a file
 * fails) or from the content collections (the build, get-site.ts).
 */
export function judge(read: LoadResult, dir: string, root = process.cwd()): Verdict {
  const where = path.relative(root, dir) || dir;
  let crossIssues: ContentIssue[] = [];
  let site: SiteModel | undefined;
  let unrecorded: Permalink[] = [];
  try {
    // Nothing to cross-check without a content folder or a single procedure that could be read.
    if (read.input.procedures.length || !read.issues.length) ({ site, issues: crossIssues } = crossCheckSite(read.input));
  } catch (error) {
    const e = error as Error;
    crossIssues = [{ file: path.relative(root, dir) || dir, field: '(cross-check)', message: `the cross-checks crashed: ${e.stack ?? e.message}` }];
  }
  if (site) {
    const file = manifestFile(root);
    const { manifest, text, issue } = readManifest(file, root);
    if (issue) crossIssues.push(issue);
    if (manifest) {
      const compared = comparePermalinks(permalinksOf(site, read.input), manifest, read.input.moved.data, { file: path.relative(root, file) || file, text });
      crossIssues.push(...compared.issues);
      unrecorded = compared.added;
    }
  }

  const isConsequence = consequenceOf(read);
  const kept = crossIssues.filter((i) => !isConsequence(i));
  const seen = new Set<string>();
  const issues: CheckedIssue[] = [];
  for (const raw of [...read.issues, ...kept]) {
    for (const i of explain(raw, dir, read)) {
      const key = `${i.file}\0${i.line ?? ''}\0${i.field}\0${i.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(i);
    }
  }
  // By file, then by line, so the list reads top to bottom (stable: same-line problems keep their order).
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  const verdict: Verdict = { where, issues, consequential: crossIssues.length - kept.length, unrecorded };
  if (!issues.length) verdict.site = site;
  return verdict;
}

/** Reads and judges a content folder: what `npm run check:content` runs. */
export function checkContent(dir = contentDir(), root = process.cwd()): Verdict {
  return judge(loadContent(dir, root), dir, root);
}

// ---- the report ---------------------------------------------------------------------------------

export function formatChecked(i: CheckedIssue): string {
  let s = formatIssue(i);
  if (i.found !== undefined) s += `\n      found: ${i.found}`;
  if (i.expected && !/\bexpected\b/.test(i.message)) s += `\n      expected: ${i.expected}`;
  return s;
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

/** The report both commands print: "content OK: …" (stdout), or the list of problems (stderr). */
export function formatVerdict(v: Verdict): { ok: boolean; text: string } {
  if (!v.issues.length) {
    const lines = [`content OK: ${summary(v.site!)} (${v.where})`];
    if (v.unrecorded.length) {
      const n = v.unrecorded.length;
      lines.push(`  ${n} new permalink${n === 1 ? '' : 's'} not in the URL manifest yet (${v.unrecorded.slice(0, 3).map((p) => p.id).join(', ')}${n > 3 ? ', …' : ''}); record ${n === 1 ? 'it' : 'them'} when published: npm run urls:manifest -- --accept-new`);
    }
    return { ok: true, text: lines.join('\n') };
  }
  const files = new Set(v.issues.map((i) => i.file)).size;
  const n = v.issues.length;
  const lines = [`content check FAILED: ${n} problem${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${v.where}):`, ''];
  for (const i of v.issues) lines.push(`  - ${formatChecked(i)}`);
  if (v.consequential) {
    lines.push('', `  (${v.consequential} more cross-reference problem${v.consequential === 1 ? '' : 's'} not shown: they follow from the invalid records above; fix those and run again.)`);
  }
  return { ok: false, text: lines.join('\n') };
}

/**
 * The error the build stops with: its message is the report, and it has no stack, so Astro
 * prints exactly the list `npm run check:content` prints and nothing else.
 */
export function contentFailure(v: Verdict): Error {
  const error = new Error(formatVerdict(v).text);
  error.name = 'ContentFailure';
  error.stack = '';
  return error;
}
