/**
 * Reads the full text of a resolution or motion exported as plain text from Parliament's pages
 * (the layouts of content/sources/003_… and 001_…) and turns it into a document section of the
 * content format (README, "Content format"): the title as the `## ` heading, the opening formula,
 * citations as a "- " list, recitals as "A. …" paragraphs, numbered paragraphs as an ordered list
 * and footnotes as GFM footnotes.
 *
 * What the export leaves in, and how it is undone (README, "Transcription rules": line-wrapping and
 * hyphenation only, words as printed):
 * - lines wrapped at the page width, one after the other (003) or each followed by a blank line
 *   (001): joined with a space; a word hyphenated at a line end ("Prosecutor- ⏎ General") is joined
 *   as the text spells it elsewhere, and kept hyphenated with a warning where it does not;
 * - page breaks: a new page's first line starts with a space, and may continue the paragraph of
 *   the page before;
 * - footnotes printed at the end of a page, in the middle of the text ("1 P7_TA(2012)0089."),
 *   their numbers glued to the word they follow ("on Kazakhstan1,"): moved to the end of the
 *   document as `[^1]: …`, the references written `Kazakhstan[^1],`.
 *
 * Whether a text is the one adopted or a motion is not in the export (003 does not say, 001 is a
 * motion only by what is known about it): the caller states it (`--kind`), nothing here guesses.
 *
 * Pure: no file system, no process.
 */
import type { ProcedureDocument } from '../../../../src/content/schemas/procedure.ts';
import {
  checkDecoded,
  checkNoAutolink,
  escapeMarkdown,
  findings,
  headingLine,
  lastWords,
  linesOf,
  RSP_REFERENCE,
  SENTENCE_END,
  type ImportIssue,
  type Line,
} from './text.ts';

/** The kinds of full text; which one a text is, the user says. */
export const FULL_TEXT_KINDS = ['resolution', 'motion'] as const;
export type FullTextKind = (typeof FULL_TEXT_KINDS)[number];

type ItemKind = 'preamble' | 'citation' | 'recital' | 'para' | 'footnote';

/** One citable unit, as the body parser will read it back. */
export interface FullTextItem {
  /** Anchor without the document's prefix: `preamble`, `citation-2`, `recital-b`, `para-13`, `footnote-1`. */
  anchor: string;
  kind: ItemKind;
  /** The printed label: "B", "13", "1"; empty for the preamble and citations. */
  label: string;
  /** The text as printed, footnote references as their numbers ("on Kazakhstan1,"). */
  text: string;
  /** The Markdown of the text, footnote references as `[^1]`. */
  markdown: string;
  /** Line of the export where it starts. */
  line: number;
}

export interface FullText {
  /** Procedure reference from the procedure line, e.g. `2013/2600(RSP)`. */
  reference: string;
  /** The title as printed (the section's heading). */
  heading: string;
  /** The procedure line as printed: `(2013/2600(RSP))`. */
  dateline: string;
  items: FullTextItem[];
}

export interface FullTextResult {
  text: FullText | undefined;
  issues: ImportIssue[];
  warnings: ImportIssue[];
}

const PROCEDURE_LINE = /^\((\d{4}\/\d{4}\([A-Z]{3}\))\)$/;
const OPENING_FORMULA = 'The European Parliament,';
const CITATION = /^[-–—]\s+(?=\S)/;
const RECITAL = /^([A-Z]{1,2})\.\s+(?=\S)/;
const PARAGRAPH = /^(\d{1,3})\.\s+(?=\S)/;
const SUB_ITEM = /^(?:\([a-z]{1,4}\)|[-–—•])\s+(?=\S)/;
const FOOTNOTE = /^(\d{1,3})\s+(\S.*)$/;
/** A footnote number glued to the word (or closing quote or bracket) it follows, before a space or punctuation. */
const GLUED_NUMBER = /(?<=[\p{L}’”)])(\d{1,3})(?=[\s,.;:!?)’”]|$)/gu;
/** Page furniture that carries no text: a page number alone, a PE number or a document code. */
const FURNITURE = /^(?:\d{1,3}|\d{1,3}\/\d{1,3}|PE\s?\d{3}\.\d{3}(?:v\d{2}-\d{2})?|(?:RE|AM)\\\S+)$/;
/** The paragraph every resolution and motion ends with. */
const CLOSING = /^Instructs its President\b/;
/** A word hyphenated at the end of a line ("Prosecutor-"), and the word the next line starts with. */
const LINE_END_HYPHEN = /(\p{L}+)([-‐])$/u;
const WORD_START = /^\p{L}+/u;
/** Marks a footnote reference inside a fragment's text until it is rendered. */
const REF = /\u0001(\d+)\u0002/g;

const SECTIONS: Record<ItemKind | 'head', string> = {
  head: 'Title',
  preamble: 'Opening formula',
  citation: 'Citations',
  recital: 'Recitals',
  para: 'Paragraphs',
  footnote: 'Footnotes',
};

/** True when the text starts like a resolution or motion (title, procedure line, opening formula) rather than a procedure file. */
export function looksLikeFullText(text: string): boolean {
  const first = linesOf(text)
    .map((l) => l.raw.trim())
    .filter(Boolean)
    .slice(0, 6);
  return first.some((t) => PROCEDURE_LINE.test(t) || t === OPENING_FORMULA);
}

interface Draft {
  kind: ItemKind;
  label: string;
  line: number;
  /** The lines of the item as printed (marker removed), footnote references marked. */
  fragments: Array<{ text: string; line: number }>;
  subItems?: boolean;
}

/** Recital letters in order: A … Z, AA, AB, … */
const letterIndex = (label: string) => [...label].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0);

export function parseFullText(input: string): FullTextResult {
  const { issues, warnings, fail, warn } = findings();
  const refused = (): FullTextResult => ({ text: undefined, issues, warnings });
  const lines = linesOf(input);
  if (lines.every((l) => l.raw.trim() === '')) {
    fail('File', 'the file is empty: expected a resolution or motion text');
    return refused();
  }
  checkDecoded(lines, fail);

  // --- title, procedure line, opening formula --------------------------------------------------
  let k = 0;
  const skipBlank = () => {
    while (k < lines.length && lines[k]!.raw.trim() === '') k++;
  };
  skipBlank();
  const titleLines: Line[] = [];
  let procedure: { line: Line; reference: string; text: string } | undefined;
  while (k < lines.length && titleLines.length <= 3) {
    const l = lines[k]!;
    const t = l.raw.trim();
    if (t === '') {
      k++;
      continue;
    }
    const m = PROCEDURE_LINE.exec(t);
    if (m) {
      procedure = { line: l, reference: m[1]!, text: t };
      k++;
      break;
    }
    if (t === OPENING_FORMULA) break;
    titleLines.push(l);
    k++;
  }
  if (!titleLines.length) {
    fail(SECTIONS.head, 'no title before the procedure line (e.g. "European Parliament resolution on …")', lines[k]?.n);
  }
  if (!procedure) {
    fail('Procedure line', 'cannot find the procedure line under the title, e.g. "(2013/2600(RSP))"', titleLines[0]?.n);
    return refused();
  }
  if (!RSP_REFERENCE.test(procedure.reference)) {
    fail(
      'Procedure line',
      `the procedure reference '${procedure.reference}' is not an RSP procedure (YYYY/NNNN(RSP)), the only kind the schema accepts`,
      procedure.line.n,
    );
  }
  skipBlank();
  const opening = lines[k];
  if (!opening) {
    fail(
      SECTIONS.preamble,
      `the file ends after the procedure line (line ${procedure.line.n}): the export is cut short`,
    );
    return refused();
  }
  if (opening.raw.trim() !== OPENING_FORMULA) {
    fail(
      SECTIONS.preamble,
      `expected the opening formula "${OPENING_FORMULA}" after the procedure line, found '${opening.raw.trim()}'`,
      opening.n,
    );
    return refused();
  }
  k++;
  const body = lines.slice(k);

  // --- layout: wrapped lines one after the other, or each followed by a blank line (001) -------
  const textLines = body.filter((l) => l.raw.trim() !== '');
  const followedByBlank = body.filter(
    (l, i) => l.raw.trim() !== '' && i + 1 < body.length && body[i + 1]!.raw.trim() === '',
  ).length;
  const doubleSpaced = textLines.length > 4 && followedByBlank / textLines.length > 0.75;

  // --- items -------------------------------------------------------------------------------------
  const drafts: Draft[] = [
    { kind: 'preamble', label: '', line: opening.n, fragments: [{ text: OPENING_FORMULA, line: opening.n }] },
  ];
  const footnotes: Draft[] = [];
  /** Footnote references found so far, in order: number → line. */
  const references: Array<{ line: number; word: string }> = [];
  let phase: 'citation' | 'recital' | 'para' | undefined;
  let blankBefore = false;
  let inFootnotes = false;
  let lastParagraph: Draft | undefined;
  let lastRecital: Draft | undefined;

  const markReferences = (text: string, line: number) =>
    text.replace(GLUED_NUMBER, (digits: string, _g: string, offset: number) => {
      if (Number(digits) !== references.length + 1) return digits;
      references.push({ line, word: lastWords(text.slice(0, offset + digits.length), 25) });
      return `\u0001${digits}\u0002`;
    });
  const start = (kind: ItemKind, label: string, line: Line, text: string): Draft => {
    const d: Draft = { kind, label, line: line.n, fragments: [{ text: markReferences(text, line.n), line: line.n }] };
    drafts.push(d);
    return d;
  };

  for (const line of body) {
    const t = line.raw.trim();
    if (t === '') {
      blankBefore = true;
      continue;
    }
    const pageStart = /^\s/.test(line.raw);
    const mayStart = doubleSpaced || blankBefore || pageStart;
    const afterBlank = blankBefore;
    blankBefore = false;

    if (FURNITURE.test(t) && mayStart) {
      warn(
        'File',
        `'${t}' alone on a line is taken for page furniture (a page number or document code) and left out; check the page`,
        line.n,
      );
      continue;
    }

    // Footnotes printed at the end of a page: "1 P7_TA(2012)0089.", numbered in order, each referenced before.
    const fn = FOOTNOTE.exec(t);
    const nextFootnote = footnotes.length + 1;
    if (
      fn &&
      Number(fn[1]) === nextFootnote &&
      nextFootnote <= references.length &&
      (inFootnotes || afterBlank || pageStart)
    ) {
      inFootnotes = true;
      footnotes.push({ kind: 'footnote', label: fn[1]!, line: line.n, fragments: [{ text: fn[2]!, line: line.n }] });
      continue;
    }
    if (inFootnotes && !pageStart) {
      if (fn && Number(fn[1]) === nextFootnote) {
        fail(
          SECTIONS.footnote,
          `footnote ${nextFootnote} is printed here, but no word before it carries the number ${nextFootnote}: a reference is missing`,
          line.n,
        );
        continue;
      }
      footnotes.at(-1)!.fragments.push({ text: t, line: line.n }); // a footnote wrapped onto a second line
      continue;
    }
    inFootnotes = false;

    const current = drafts.at(-1)!;
    // A paragraph number or recital letter opens an item when it is the next one, or (where an item
    // may start) a later one, whose gap is kept; the same or an earlier one there is damage.
    const numbered = (
      what: 'paragraph' | 'recital',
      label: string,
      at: number,
      last: Draft | undefined,
    ): 'next' | 'damaged' | undefined => {
      const prev = last ? (what === 'paragraph' ? Number(last.label) : letterIndex(last.label)) : 0;
      const section = what === 'paragraph' ? SECTIONS.para : SECTIONS.recital;
      if (at === prev + 1 || (mayStart && at > prev + 1)) {
        if (at > prev + 1)
          warn(
            section,
            `${what} ${label} follows ${what} ${last?.label ?? '(none)'}: the gap in the printed numbering is kept`,
            line.n,
          );
        return 'next';
      }
      if (!mayStart || !last) return undefined;
      fail(
        section,
        at === prev
          ? `${what} ${label} is printed twice (first on line ${last.line}): the export is damaged; anchors must not repeat`
          : `${what} ${label} comes after ${what} ${last.label} (line ${last.line}): the numbering goes backwards`,
        line.n,
      );
      return 'damaged';
    };
    const para = PARAGRAPH.exec(t);
    const paraState = para ? numbered('paragraph', para[1]!, Number(para[1]), lastParagraph) : undefined;
    if (paraState) {
      if (paraState === 'next') lastParagraph = start('para', para![1]!, line, t.slice(para![0].length));
      phase = 'para';
      continue;
    }
    const recital = phase !== 'para' ? RECITAL.exec(t) : null;
    const recitalState = recital ? numbered('recital', recital[1]!, letterIndex(recital[1]!), lastRecital) : undefined;
    if (recitalState) {
      if (recitalState === 'next') lastRecital = start('recital', recital![1]!, line, t.slice(recital![0].length));
      phase = 'recital';
      continue;
    }
    const lateRecital = phase === 'para' && mayStart ? /^([A-Z]{1,2})\.\s+whereas\b/i.exec(t) : null;
    if (lateRecital) {
      fail(
        SECTIONS.recital,
        `recital ${lateRecital[1]} after the numbered paragraphs: the text is out of order`,
        line.n,
      );
      continue;
    }
    if (mayStart && phase === 'para' && SUB_ITEM.test(t)) {
      // The content format has no anchors for a paragraph's sub-items: they stay in its text, as printed.
      if (!current.subItems) {
        warn(
          SECTIONS.para,
          `paragraph ${current.label} has sub-items ('${t.slice(0, 20)}…'): they are kept in the paragraph's text as printed, one after the other, because the content format gives sub-items no anchors of their own`,
          line.n,
        );
      }
      current.subItems = true;
      current.fragments.push({ text: markReferences(t, line.n), line: line.n });
      continue;
    }
    if (CITATION.test(t) && mayStart && (phase === undefined || phase === 'citation')) {
      start('citation', '', line, t.replace(CITATION, ''));
      phase = 'citation';
      continue;
    }
    if (CITATION.test(t) && mayStart && phase === 'recital') {
      fail(SECTIONS.citation, 'a citation ("– having regard …") after the recitals: the text is out of order', line.n);
      continue;
    }
    // A wrapped line. In the layout with blank lines only between blocks, text after a blank line
    // that starts no block is not a continuation but something the importer cannot place.
    if (!doubleSpaced && afterBlank && !pageStart) {
      const looksLikeFootnote = fn
        ? ` It looks like footnote ${fn[1]}, but ${Number(fn[1]) > references.length ? `no word before it carries the number ${fn[1]}` : `footnote ${nextFootnote} comes first`}.`
        : '';
      fail(
        SECTIONS[current.kind],
        `'${lastWords(t, 50)}' follows a blank line but starts no citation ("– having regard …"), recital ("A. whereas …"), numbered paragraph ("1. …") or footnote.${looksLikeFootnote}`,
        line.n,
      );
      continue;
    }
    if (current.kind === 'preamble') {
      fail(SECTIONS.preamble, `unexpected text after the opening formula: '${lastWords(t, 50)}'`, line.n);
      continue;
    }
    current.fragments.push({ text: markReferences(t, line.n), line: line.n });
  }

  // --- join the lines of each item -------------------------------------------------------------------
  const plain = (s: string) => s.replace(REF, '$1');
  const everything = [...drafts, ...footnotes].flatMap((d) => d.fragments.map((f) => plain(f.text))).join(' ');
  const join = (d: Draft): string => {
    let out = '';
    for (const f of d.fragments) {
      if (!out) {
        out = f.text;
        continue;
      }
      const hyphen = out.endsWith('-') || out.endsWith('‐') ? LINE_END_HYPHEN.exec(out.slice(-80)) : null;
      const next = hyphen && WORD_START.exec(f.text);
      if (hyphen && next) {
        const hyphenated = `${hyphen[1]}${hyphen[2]}${next[0]}`;
        const joined = `${hyphen[1]}${next[0]}`;
        // Evidence from the rest of the text: the same words not broken at a line end.
        const elsewhere = everything.replaceAll(`${hyphen[1]}${hyphen[2]} ${next[0]}`, ' ');
        const spelt = (w: string) => new RegExp(`(?<![\\p{L}-])${w}(?![\\p{L}])`, 'iu').test(elsewhere);
        if (spelt(hyphenated)) out += f.text;
        else if (spelt(joined)) out = out.slice(0, -1) + f.text;
        else {
          warn(
            SECTIONS[d.kind],
            `'${hyphen[1]}${hyphen[2]}' ends the line and the text spells neither '${hyphenated}' nor '${joined}' elsewhere: kept as '${hyphenated}'; check the printed page`,
            f.line,
          );
          out += f.text;
        }
        continue;
      }
      out += ` ${f.text}`;
    }
    return out;
  };

  const items: FullTextItem[] = [];
  let citations = 0;
  for (const d of [...drafts, ...footnotes]) {
    const marked = join(d);
    const text = plain(marked);
    const markdown = marked
      .split(REF)
      .map((part, i) => (i % 2 ? `[^${part}]` : escapeMarkdown(part)))
      .join('');
    const anchor =
      d.kind === 'preamble'
        ? 'preamble'
        : d.kind === 'citation'
          ? `citation-${++citations}`
          : d.kind === 'recital'
            ? `recital-${d.label.toLowerCase()}`
            : `${d.kind}-${d.label}`;
    items.push({ anchor, kind: d.kind, label: d.label, text, markdown, line: d.line });
    checkNoAutolink(text, SECTIONS[d.kind], d.line, fail);
  }

  // --- is the text whole? -----------------------------------------------------------------------------
  const lastLine = textLines.at(-1)?.n ?? opening.n;
  const paragraphs = items.filter((i) => i.kind === 'para');
  const lastText = [...items].reverse().find((i) => i.kind !== 'footnote')!;
  if (!paragraphs.length) {
    fail(
      SECTIONS.para,
      `no numbered paragraph ("1. …"): the text ends on line ${lastLine}, in the ${SECTIONS[lastText.kind].toLowerCase()} ('${lastWords(lastText.text, 40)}'): the export is cut short`,
      lastLine,
    );
  } else {
    const last = paragraphs.at(-1)!;
    if (!SENTENCE_END.test(last.text)) {
      fail(
        SECTIONS.para,
        `the text ends inside paragraph ${last.label} ('${lastWords(last.text, 50)}'): the export is cut short`,
        lastLine,
      );
    } else if (!CLOSING.test(last.text)) {
      fail(
        SECTIONS.para,
        `the last paragraph read, ${last.label} ('${lastWords(last.text, 50)}'), is not the "Instructs its President to forward this resolution …" that ends every resolution and motion: the export is cut short`,
        lastLine,
      );
    }
  }
  if (!items.some((i) => i.kind === 'citation'))
    warn(SECTIONS.citation, 'the text has no citation ("– having regard to …"); check that the export is complete');
  if (!items.some((i) => i.kind === 'recital'))
    warn(SECTIONS.recital, 'the text has no recital ("A. whereas …"); check that the export is complete');
  for (const i of items) {
    if (i !== lastText && i.kind !== 'footnote' && !/[,;:.]["'’”)]*$/.test(i.text)) {
      warn(
        SECTIONS[i.kind],
        `${i.anchor} ends without punctuation ('${lastWords(i.text, 40)}'): is a line missing?`,
        i.line,
      );
    }
  }
  references.forEach((r, i) => {
    if (i >= footnotes.length) {
      fail(
        SECTIONS.footnote,
        `footnote ${i + 1} is referenced here ('${r.word}') but no footnote ${i + 1} is printed: the page end holding it is missing`,
        r.line,
      );
    }
  });

  if (issues.length) return refused();
  return {
    text: {
      reference: procedure.reference,
      heading: titleLines.map((l) => l.raw.trim()).join(' '),
      dateline: procedure.text,
      items,
    },
    issues,
    warnings,
  };
}

/** The `documents` entry of a full text: the id and anchor prefix follow from the kind (README, "Adding a procedure"). */
export function fullTextDocument(text: FullText, kind: FullTextKind, source: string): ProcedureDocument {
  // A motion's anchors are always prefixed, so that `#para-4` means the resolution's paragraph 4 on
  // every page, and a link to a motion's paragraph keeps its meaning when the adopted text is added.
  return kind === 'motion'
    ? { id: 'motion', kind, source, heading: text.heading, dateline: text.dateline, anchorPrefix: 'motion-' }
    : { id: 'text', kind, source, heading: text.heading, dateline: text.dateline };
}

/** The document's section of the body: `## heading`, then its blocks; ends with a newline. */
export function renderFullText(text: FullText): string {
  const out: string[] = [headingLine(text.heading), ''];
  const blocks = text.items.filter((i) => i.kind !== 'footnote');
  blocks.forEach((item, i) => {
    const next = blocks[i + 1];
    if (item.kind === 'citation') out.push(`- ${item.markdown}`);
    else if (item.kind === 'recital') out.push(`${item.label}. ${item.markdown}`);
    else if (item.kind === 'para') out.push(`${item.label}. ${item.markdown}`);
    else out.push(item.markdown);
    // Citations form one tight list; every other block stands apart.
    if (!(item.kind === 'citation' && next?.kind === 'citation')) out.push('');
  });
  const notes = text.items.filter((i) => i.kind === 'footnote');
  for (const n of notes) out.push(`[^${n.label}]: ${n.markdown}`);
  if (notes.length) out.push('');
  return out.join('\n').replace(/\n+$/, '\n');
}

/** One line on what was read, for the user to compare with the page: "18 paragraphs, ending '… of Kazakhstan.'". */
export function describeFullText(text: FullText): string {
  const count = (kind: ItemKind, one: string, many: string) => {
    const n = text.items.filter((i) => i.kind === kind).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  const last = text.items.filter((i) => i.kind === 'para').at(-1)!;
  return `${count('citation', 'citation', 'citations')}, ${count('recital', 'recital', 'recitals')}, ${count('para', 'paragraph', 'paragraphs')}, ${count('footnote', 'footnote', 'footnotes')}; ends '${lastWords(last.text, 50)}'`;
}
