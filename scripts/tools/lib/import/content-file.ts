/**
 * The procedure file the importer writes, `content/procedures/<year>-<number>.md`: frontmatter
 * between `---` lines, then one `## ` section per document, in the order of `documents`.
 *
 * - `newContentFile`: a whole file from frontmatter data and sections;
 * - `addToContentFile`: an existing file with one document added, or replaced (--force), keeping
 *   the rest as written;
 * - `checkContentFile`: what the build will see — the frontmatter read back with `yaml` and the
 *   schema, the body through the body parser (src/content/parse/), and the imported document's
 *   items read back as printed. Nothing is written unless this finds nothing.
 *
 * Pure: no file system.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parseProcedureBody } from '../../../../src/content/parse/index.ts';
import {
  procedureSchema,
  type ProcedureData,
  type ProcedureDocument,
} from '../../../../src/content/schemas/procedure.ts';
import { renderFrontmatter, reprinted, withDocument } from './frontmatter.ts';
import { findings, type ImportIssue } from './text.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const OUTPUT = 'Output';

/** What a document is, in the `# Sources:` comment: "003_….txt (resolution text)". */
export function sourceNote(doc: ProcedureDocument, data: Pick<ProcedureData, 'procedureFile' | 'adopted'>): string {
  const what =
    doc.kind === 'summary'
      ? data.procedureFile
        ? 'procedure file + summary of the text adopted'
        : 'summary of the text adopted'
      : doc.kind === 'resolution'
        ? 'resolution text'
        : 'motion for a resolution';
  return `${doc.source} (${what})`;
}

/** "Sources: 003_….txt (resolution text; no procedure file, no adoption data)". */
export function sourcesComment(data: ProcedureData): string {
  const notes = data.documents.map((d) => sourceNote(d, data));
  if (!data.procedureFile && notes.length) {
    const missing = data.adopted ? 'no procedure file' : 'no procedure file, no adoption data';
    notes[0] = notes[0]!.replace(/\)$/, `; ${missing})`);
  }
  return `Sources: ${notes.join(', ')}`;
}

/** A whole file: the frontmatter of `data` and its documents' sections (each ending with a newline). */
export function newContentFile(data: ProcedureData, sections: string[]): string {
  return `---\n${renderFrontmatter(data, sourcesComment(data))}---\n\n${sections.join('\n')}`;
}

interface SplitFile {
  frontmatter: string;
  data: ProcedureData;
  sections: string[];
}

/** An existing procedure file, read as the content check reads it; problems come back as issues. */
function readContentFile(text: string, file: string, issues: ImportIssue[]): SplitFile | undefined {
  const fail = (message: string, line?: number) =>
    issues.push(line !== undefined ? { section: OUTPUT, message, line } : { section: OUTPUT, message });
  const m = FRONTMATTER.exec(text);
  if (!m) {
    fail(
      `${file} exists but does not start with frontmatter between --- lines; the importer adds to procedure files only`,
    );
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parseYaml(m[1]!);
  } catch (e) {
    fail(
      `${file} exists but its frontmatter is not YAML (${(e as Error).message.split('\n')[0]}); fix it first (npm run check:content)`,
    );
    return undefined;
  }
  const checked = procedureSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues[0]!;
    fail(
      `${file} exists but does not pass the content check (${first.path.join('.') || '(frontmatter)'}: ${first.message}); fix it first (npm run check:content)`,
    );
    return undefined;
  }
  const body = text.slice(m[0].length);
  const parsed = parseProcedureBody(body, checked.data.documents, file, m[0].split('\n').length - 1);
  if (parsed.issues.length) {
    const first = parsed.issues[0]!;
    fail(
      `${file} exists but does not pass the content check (line ${first.line ?? '?'}: ${first.message}); fix it first (npm run check:content)`,
    );
    return undefined;
  }
  // The body parser has accepted the file, so every "## " line opens a document's section.
  const [before, ...sections] = body.split(/^(?=## )/m);
  if (before!.trim() !== '' || sections.length !== checked.data.documents.length) {
    fail(
      `${file}: cannot tell its documents' sections apart (${sections.length} "## " headings for ${checked.data.documents.length} documents)`,
    );
    return undefined;
  }
  return { frontmatter: `${m[1]}\n`, data: checked.data, sections: sections.map((s) => `${s.trimEnd()}\n`) };
}

/** The documents of an existing file, or nothing when it cannot be read (for a warning only). */
export function documentsIn(text: string): ProcedureDocument[] {
  const m = FRONTMATTER.exec(text);
  if (!m) return [];
  try {
    const checked = procedureSchema.safeParse(parseYaml(m[1]!));
    return checked.success ? checked.data.documents : [];
  } catch {
    return [];
  }
}

export interface Added {
  /** The whole new file, when nothing stands in the way. */
  text?: string;
  /** Its frontmatter data, to check the file against. */
  data?: ProcedureData;
  /** Where the document is in `documents`. */
  index?: number;
  /** The document replaced (with --force). */
  replaced?: ProcedureDocument;
  issues: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * Adds a full text to an existing procedure file: its `documents` entry after the others and its
 * section at the end of the body, or, with `force`, in place of the document with the same id.
 */
export function addToContentFile(
  existing: string,
  file: string,
  reference: string,
  entry: ProcedureDocument,
  section: string,
  force: boolean,
): Added {
  const { issues, warnings, fail, warn } = findings();
  const read = readContentFile(existing, file, issues);
  if (!read) return { issues, warnings };
  const { data } = read;
  if (data.reference !== reference) {
    fail(OUTPUT, `${file} is the file of ${data.reference}, but the text is of ${reference}`);
    return { issues, warnings };
  }
  const sameSource = data.documents.find((d) => d.source === entry.source && d.id !== entry.id);
  if (sameSource) {
    fail(
      OUTPUT,
      `${file} already holds ${entry.source} as the ${sameSource.kind} "${sameSource.id}"; importing it again as a ${entry.kind} would put the same text on the page twice and change its anchors, which published links point to. Change the file by hand if its kind is wrong.`,
    );
    return { issues, warnings };
  }
  let index: number | undefined = data.documents.findIndex((d) => d.id === entry.id);
  let replaced: ProcedureDocument | undefined;
  if (index >= 0) {
    replaced = data.documents[index]!;
    if (!force) {
      fail(
        OUTPUT,
        `${file} already holds the ${replaced.kind} "${replaced.id}" (from ${replaced.source}); pass --force to replace that section`,
      );
      return { issues, warnings };
    }
    if (replaced.source !== entry.source)
      warn(
        OUTPUT,
        `--force replaces the ${replaced.kind} "${replaced.id}" from ${replaced.source} with the one from ${entry.source}`,
      );
  } else index = undefined;

  if (reprinted(read.frontmatter) !== read.frontmatter) {
    warn(
      OUTPUT,
      `the frontmatter of ${file} is written again in the importer's style (quoting, flow maps): check the difference before committing`,
    );
  }
  const frontmatter = withDocument(read.frontmatter, entry, index, sourceNote(entry, data));
  const documents = [...data.documents];
  const sections = [...read.sections];
  if (index !== undefined) {
    documents[index] = entry;
    sections[index] = section;
  } else {
    documents.push(entry);
    sections.push(section);
  }
  const text = `---\n${frontmatter}---\n\n${sections.join('\n')}`;
  return {
    text,
    data: { ...data, documents },
    index: index ?? documents.length - 1,
    ...(replaced ? { replaced } : {}),
    issues,
    warnings,
  };
}

/** An item the imported document must read back as: its anchor and text, and the input line it came from. */
export interface ExpectedItem {
  anchor: string;
  text: string;
  line: number;
}

/**
 * Checks the file as the build will read it: the frontmatter gives back `data` through `yaml` and
 * the schema, the body parses without a problem, and document `index` reads back as `expected`
 * (undefined when the reader has checked that itself, as the procedure-file reader does).
 */
export function checkContentFile(
  text: string,
  file: string,
  data: ProcedureData,
  index: number,
  expected: ExpectedItem[] | undefined,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const fail = (message: string, line?: number) =>
    issues.push(line !== undefined ? { section: OUTPUT, message, line } : { section: OUTPUT, message });
  const m = FRONTMATTER.exec(text);
  if (!m) return [{ section: OUTPUT, message: 'the file written has no frontmatter (a bug in the importer)' }];
  const checked = procedureSchema.safeParse(parseYaml(m[1]!));
  if (!checked.success) {
    for (const i of checked.error.issues) fail(`frontmatter ${i.path.join('.') || '(root)'}: ${i.message}`);
    return issues;
  }
  if (!isDeepStrictEqual(checked.data, data))
    fail('the frontmatter reads back differently from the data imported (a bug in the importer)');
  const bodyLine = m[0].split('\n').length - 1;
  const parsed = parseProcedureBody(text.slice(m[0].length), checked.data.documents, file, bodyLine);
  for (const i of parsed.issues) fail(`${file}${i.line ? ` line ${i.line}` : ''}: ${i.message}`);
  if (parsed.issues.length || !expected) return issues;
  const items = parsed.documents[index]?.items ?? [];
  if (items.length !== expected.length) {
    fail(`the imported text reads back as ${items.length} items instead of ${expected.length}`);
    return issues;
  }
  expected.forEach((e, k) => {
    const got = items[k]!;
    if (got.anchor !== e.anchor || got.text !== e.text)
      fail(`this reads back as ${got.anchor} '${got.text}' instead of ${e.anchor} '${e.text}'`, e.line);
  });
  return issues;
}
