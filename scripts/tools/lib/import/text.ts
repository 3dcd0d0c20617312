/**
 * What both readers of exports share: the lines of an input with their numbers, the problems they
 * report, the Markdown escaping that makes a text read back exactly as printed, and the checks
 * that an export is whole (no cut character, a last sentence that ends).
 *
 * Pure: no file system, no process.
 */

/** A problem found in the input (or in what would be written), precise enough to fix. */
export interface ImportIssue {
  /** 1-based line of the input file, where the problem has one. */
  line?: number;
  /** Part of the export ("Key events", "Summary", "Recitals", …), or "Output" for the written file. */
  section: string;
  message: string;
}

/** Records a problem of a section, at a line where it has one. */
export type Report = (section: string, message: string, line?: number) => void;

/** Problems that forbid writing, and things worth a look that don't (nothing is guessed either way). */
export interface Findings {
  issues: ImportIssue[];
  warnings: ImportIssue[];
  fail: Report;
  warn: Report;
}

export function findings(): Findings {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const at =
    (list: ImportIssue[]): Report =>
    (section, message, line) =>
      list.push(line !== undefined ? { line, section, message } : { section, message });
  return { issues, warnings, fail: at(issues), warn: at(warnings) };
}

/** "line 12, Key events: cannot read date '31/02/2016'". */
export function formatIssue(i: ImportIssue): string {
  return i.line !== undefined ? `line ${i.line}, ${i.section}: ${i.message}` : `${i.section}: ${i.message}`;
}

export interface Line {
  /** 1-based line number in the input. */
  n: number;
  /** The raw line, without its end-of-line characters. */
  raw: string;
}

/** The lines of an export: byte-order mark dropped, CRLF, CR and LF all ending a line. */
export function linesOf(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ n: i + 1, raw }));
}

/**
 * A character that could not be decoded (U+FFFD, which Node puts where the bytes are not UTF-8)
 * means the export was cut inside a character or saved in another encoding: either way its text
 * is not the text printed.
 */
export function checkDecoded(lines: Line[], fail: Report): void {
  const bad = lines.find((l) => l.raw.includes('\uFFFD'));
  if (bad) {
    const last = bad === lines.filter((l) => l.raw.trim() !== '').at(-1);
    fail(
      'File',
      last
        ? 'the file ends inside a character (its last bytes are not UTF-8): the export is cut short'
        : 'a character here is not UTF-8: the export is damaged or was saved in another encoding; export it again as UTF-8 text',
      bad.n,
    );
  }
}

/** `31/12/2016` → `2016-12-31`, or undefined when it is not a real day written DD/MM/YYYY. */
export function readDate(s: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** `2016/2607(RSP)` → `2016-2607.md`. */
export function outputFileName(reference: string): string {
  const m = /^(\d{4})\/(\d{4})\(/.exec(reference);
  if (!m) throw new Error(`not a procedure reference: ${reference}`);
  return `${m[1]}-${m[2]}.md`;
}

/** The only procedure references the schema accepts (src/content/schemas/common.ts). */
export const RSP_REFERENCE = /^\d{4}\/\d{4}\(RSP\)$/;

/**
 * The end of a sentence: a full stop, question or exclamation mark, perhaps inside closing quotes
 * or brackets. A summary or a resolution that does not end so was cut short.
 */
export const SENTENCE_END = /[.!?…]["'’”)\]]*$/;

/** The last words of a text, for messages: "… report regularly to Parliament." */
export function lastWords(text: string, n = 60): string {
  return text.length <= n ? text : `…${text.slice(-n).replace(/^\S*\s/, '')}`;
}

/** What GFM's autolink-literal step links in text (mdast-util-gfm-autolink-literal). */
const AUTOLINK = /(?:https?:\/\/|www(?=\.))[-.\w]+[^\s]*|(?<=^|\s|\p{P}|\p{S})[-.\w+]+@[-\w]+(?:\.[-\w]+)+/giu;

/** GFM turns web and e-mail addresses into links after escapes are read, and the body parser refuses links. */
export function checkNoAutolink(text: string, section: string, line: number, fail: Report): void {
  if (!/@|https?:|www\./i.test(text)) return; // the full pattern is slow, and most texts hold neither
  for (const m of text.matchAll(AUTOLINK)) {
    fail(
      section,
      `'${m[0]}' would become a link, which the body parser (src/content/parse/remark-items.ts) refuses: the content format cannot hold web or e-mail addresses as printed yet`,
      line,
    );
  }
}

/**
 * Escapes what Markdown would otherwise read as markup, so the text reads back exactly as printed
 * (checked after rendering). Plain prose, as in the sources, comes out unchanged.
 */
export function escapeMarkdown(text: string): string {
  let s = text
    .replace(/[\\`*[\]<~]/g, (c) => `\\${c}`)
    // Underscores inside a word cannot open emphasis ("P7_TA"): only the others are escaped.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // Block markers at the start of a line: headings, quotes, list markers, setext underlines.
  s = s.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

/** A `## ` heading whose text reads back as `text`. */
export function headingLine(text: string): string {
  return `## ${escapeMarkdown(text).replace(/#/g, '\\#')}`;
}
