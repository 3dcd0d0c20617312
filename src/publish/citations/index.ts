// Citations of a procedure (resolution) or of one demand, in four formats: plain text, BibTeX,
// RIS and CSL-JSON. Pure functions of the download records (src/downloads/records.ts), so a
// citation says exactly what the data says: no date where no source states one ("date not
// stated" stands where the date would go, never in the title), the official text reference where
// a source states it, whose words a demand is (Parliament's text, the Observatory's summary, a
// motion), the site's own paragraph numbers marked as such, and the demand quoted with the
// verbatim words that govern it.
//
// Links: with SITE_URL every link is absolute. Without it the site's own links are paths from the
// host root (`/procedures/2021-2544/#demand-…`); the pages say so beside the citation and their
// copy buttons complete them from the page's own address (src/browser/cite-copy.ts), and
// `warnRelativeLinks` prints one line at build time.
import type { DemandRecord, ProcedureRecord } from '../../downloads/schemas.ts';
import { SITE_NUMBERING, sourceKindInline } from '../../site/labels.ts';
import type { Links } from '../../site/paths.ts';

/** What a citation needs to know about a procedure: a subset of its download record. */
export type ProcedureFields = Pick<ProcedureRecord, 'reference' | 'slug' | 'title' | 'adoptedDate' | 'adoptedTextReference' | 'adoptedTextUrl' | 'procedureFileUrl' | 'permalink'>;
/** What a citation needs to know about a demand. */
export type DemandFields = Pick<DemandRecord, 'id' | 'document' | 'paragraph' | 'leadIn' | 'text' | 'permalink'>;

export const AUTHOR = 'European Parliament';
/** Stands where the date would go when no source states it. */
export const DATE_NOT_STATED = 'date not stated';

/** Everything the four formats are made from. */
export interface Citable {
  /** BibTeX key and CSL id. */
  key: string;
  /** A resolution (or a demand in one), or this site's dataset. */
  kind?: 'resolution' | 'dataset';
  title: string;
  /** Procedure reference (resolutions only). */
  reference: string;
  /** YYYY-MM-DD, only where a source states it. */
  date?: string;
  /** The official reference of the text adopted (T9-0056/2021), only where a source states it. */
  adoptedText?: string;
  /** Its page on the European Parliament's site. */
  adoptedTextUrl?: string;
  /** For a demand: whose words they are, in plain words ("the Legislative Observatory's summary …"). */
  source?: string;
  /** For a demand: where it stands, "paragraph 6" or "summary ¶5.3 (this site's numbering)". */
  section?: string;
  /** For a demand: the words quoted, its lead-in before it. */
  quote?: string;
  /** True for a demand from a motion (not Parliament's adopted position). */
  motion?: boolean;
  url: string;
  procedureFileUrl: string;
}

export function citableProcedure(p: ProcedureFields): Citable {
  return {
    key: `ep-${p.slug}`,
    title: p.title,
    reference: p.reference,
    date: p.adoptedDate ?? undefined,
    adoptedText: p.adoptedTextReference ?? undefined,
    adoptedTextUrl: p.adoptedTextUrl ?? undefined,
    url: p.permalink,
    procedureFileUrl: p.procedureFileUrl,
  };
}

export function citableDemand(d: DemandFields, p: ProcedureFields): Citable {
  const motion = d.document === 'motion';
  const procedure = citableProcedure(p);
  return {
    ...procedure,
    key: `ep-${d.id}`,
    // A motion is not the text adopted: neither its day nor its reference is the adopted text's.
    ...(motion ? { date: undefined, adoptedText: undefined, adoptedTextUrl: undefined } : {}),
    source: sourceKindInline[d.document],
    section: d.document === 'summary' ? `${d.paragraph} (${SITE_NUMBERING})` : d.paragraph,
    quote: d.leadIn ? `${d.leadIn} ${d.text}` : d.text,
    motion,
    url: d.permalink,
  };
}

/** The dataset as a whole (CITATION.cff says the same). */
export const DATASET_AUTHOR = 'EP demands on Kazakhstan';
export const DATASET_TITLE = 'EP demands on Kazakhstan: resolutions, demands and timeline';

export function citableDataset(url: string): Citable {
  return { key: 'ep-demands-kazakhstan-dataset', kind: 'dataset', title: DATASET_TITLE, reference: '', url, procedureFileUrl: '' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** "Text adopted T9-0056/2021" or, where no source states it, that it is not stated (a motion's own reference, for a motion). */
const officialText = (c: Citable) => (c.adoptedText ? `Text adopted ${c.adoptedText}` : c.motion ? 'the motion’s reference is not stated' : 'official text reference not stated');

/**
 * "European Parliament (11 February 2021). <title>. Text adopted T9-0056/2021 (<official URL>),
 * procedure 2021/2544(RSP)[; quoted from <source>, <section>: “<lead-in> <demand>”]. <url>"
 */
export function plainText(c: Citable): string {
  if (c.kind === 'dataset') return `${DATASET_AUTHOR}, ${c.title} (dataset). ${c.url}`;
  const when = c.date ? longDate(c.date) : DATE_NOT_STATED;
  const official = c.adoptedText ? `${officialText(c)}${c.adoptedTextUrl ? ` (${c.adoptedTextUrl})` : ''}, procedure ${c.reference}` : `Procedure ${c.reference}; ${officialText(c)}`;
  const quoted = c.quote ? `; quoted from ${c.source}, ${c.section}: “${c.quote}”` : '';
  return `${AUTHOR} (${when}). ${c.title}. ${official}${quoted}. ${c.url}`;
}

/** Said beside citations whose links are paths (a build without SITE_URL); the copy script hides it once it has completed them. */
export const RELATIVE_NOTE = 'The link to this site is a path: this copy of the site was built without its address. Add the address you are reading it at, or use the Copy button, which does.';

/** Prints one line at build time when the citations' links are paths, not URLs (no SITE_URL). */
let warned = false;
export function warnRelativeLinks(links: Links, log: (line: string) => void = console.warn): void {
  if (links.absolute || warned) return;
  warned = true;
  log('\n[citations] SITE_URL is not set: citations, feeds and JSON-LD carry paths from the host root (/procedures/…), not URLs; copy buttons complete them from the page address. Set SITE_URL=https://… for absolute links.');
}

// --- BibTeX -----------------------------------------------------------------------------------

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  _: '\\_',
  '#': '\\#',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes text for a BibTeX field: LaTeX's special characters become commands. */
export function bibtexEscape(s: string): string {
  return s.replace(/[\\{}&%_#$~^]/g, (ch) => BIBTEX_SPECIAL[ch]!);
}

/** A URL for BibTeX's verbatim `url` field: only `%` (a comment in TeX) and unbalanced braces need care. */
export function bibtexUrl(u: string): string {
  return u.replace(/%/g, '\\%').replace(/[{}]/g, (ch) => encodeURIComponent(ch));
}

/** A BibTeX key: letters, digits and - : . only. */
export const bibtexKey = (k: string) => k.replace(/[^A-Za-z0-9:.-]/g, '-');

/** One @misc entry (the portable type; biblatex and BibTeX styles both read it). */
export function bibtex(c: Citable): string {
  if (c.kind === 'dataset') {
    return `@misc{${bibtexKey(c.key)},\n  author = {{${bibtexEscape(DATASET_AUTHOR)}}},\n  title = {{${bibtexEscape(c.title)}}},\n  note = {Dataset},\n  url = {${bibtexUrl(c.url)}}\n}\n`;
  }
  const note = [`Procedure ${c.reference}`, ...(c.adoptedText ? [] : [officialText(c)]), ...(c.section ? [c.section] : []), ...(c.quote ? [`“${c.quote}”`] : [])].join('; ');
  const fields: Array<[string, string]> = [
    ['author', `{${bibtexEscape(AUTHOR)}}`],
    ['title', `{${bibtexEscape(c.title)}}`],
    // Where no source states the day, the year field says so: styles print it where the date goes.
    ...(c.date ? ([['year', c.date.slice(0, 4)], ['date', c.date]] as Array<[string, string]>) : ([['year', DATE_NOT_STATED]] as Array<[string, string]>)),
    ...(c.adoptedText ? ([['number', bibtexEscape(c.adoptedText)]] as Array<[string, string]>) : []),
    ...(c.source ? ([['howpublished', bibtexEscape(capitalise(c.source))]] as Array<[string, string]>) : c.adoptedText ? ([['howpublished', bibtexEscape(officialText(c))]] as Array<[string, string]>) : []),
    ['publisher', bibtexEscape(AUTHOR)],
    ['note', bibtexEscape(note)],
    ['url', bibtexUrl(c.url)],
  ];
  return `@misc{${bibtexKey(c.key)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// --- RIS --------------------------------------------------------------------------------------

/** One RIS line: a two-character tag, two spaces, a hyphen, a space, the value on one line. */
export const risLine = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;

/**
 * A RIS record (type GOVDOC), lines joined with "\n" (readers accept LF; the spec's CRLF is a
 * transport detail). An undated record has no PY/DA: importers read those as dates (Zotero would
 * turn "date not stated" into a year 0000), so a note says it instead.
 */
export function ris(c: Citable): string {
  if (c.kind === 'dataset') {
    return `${[risLine('TY', 'DATA'), risLine('AU', DATASET_AUTHOR), risLine('TI', c.title), risLine('UR', c.url), risLine('ID', c.key), 'ER  - '].join('\n')}\n`;
  }
  const [y, m, d] = c.date?.split('-') ?? [];
  const lines = [
    risLine('TY', 'GOVDOC'),
    risLine('AU', AUTHOR),
    risLine('TI', c.title),
    ...(c.date ? [risLine('PY', y!), risLine('DA', `${y}/${m}/${d}/`)] : []),
    risLine('PB', AUTHOR),
    ...(c.adoptedText ? [risLine('M1', c.adoptedText)] : []),
    ...(c.source ? [risLine('M3', capitalise(c.source))] : []),
    risLine('N1', `Procedure ${c.reference}${c.adoptedText ? '' : `; ${officialText(c)}`}${c.date ? '' : `; ${DATE_NOT_STATED} in the sources`}`),
    ...(c.section ? [risLine('SE', c.section)] : []),
    ...(c.quote ? [risLine('N1', `“${c.quote}”`)] : []),
    risLine('UR', c.url),
    ...(c.adoptedTextUrl ? [risLine('UR', c.adoptedTextUrl)] : []),
    risLine('UR', c.procedureFileUrl),
    risLine('ID', c.key),
    'ER  - ',
  ];
  return `${lines.join('\n')}\n`;
}

// --- CSL-JSON ---------------------------------------------------------------------------------

export interface CslItem {
  id: string;
  type: 'legislation' | 'dataset';
  title: string;
  author: Array<{ literal: string }>;
  authority?: string;
  publisher?: string;
  /** Date parts where a source states the day; else `literal` ("date not stated"), which CSL processors print as is. */
  issued?: { 'date-parts': number[][] } | { literal: string };
  number?: string;
  genre?: string;
  section?: string;
  note?: string;
  URL: string;
}

/** A CSL-JSON item (citeproc-js, Zotero, Pandoc). */
export function csl(c: Citable): CslItem {
  if (c.kind === 'dataset') return { id: c.key, type: 'dataset', title: c.title, author: [{ literal: DATASET_AUTHOR }], URL: c.url };
  return {
    id: c.key,
    type: 'legislation',
    title: c.title,
    author: [{ literal: AUTHOR }],
    authority: AUTHOR,
    publisher: AUTHOR,
    issued: c.date ? { 'date-parts': [c.date.split('-').map(Number)] } : { literal: DATE_NOT_STATED },
    ...(c.adoptedText ? { number: c.adoptedText } : {}),
    ...(c.source ? { genre: capitalise(c.source) } : {}),
    ...(c.section ? { section: c.section } : {}),
    note: `Procedure ${c.reference}${c.adoptedText ? '' : `; ${officialText(c)}`}${c.quote ? `; “${c.quote}”` : ''}`,
    URL: c.url,
  };
}

/** CSL-JSON text: an array of one item, as citation managers import it; one variable per line. */
export function cslJson(c: Citable): string {
  const fields = Object.entries(csl(c)).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `[\n  {\n${fields.join(',\n')}\n  }\n]\n`;
}

export interface CitationFormats {
  text: string;
  bibtex: string;
  ris: string;
  cslJson: string;
}

export function allFormats(c: Citable): CitationFormats {
  return { text: plainText(c), bibtex: bibtex(c), ris: ris(c), cslJson: cslJson(c) };
}
