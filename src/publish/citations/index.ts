// Citations of a procedure (resolution) or of one demand, in four formats: plain text, BibTeX,
// RIS and CSL-JSON. Pure functions of the download records (src/downloads/records.ts), so a
// citation says exactly what the data says: no date where no source states one.
import type { DemandRecord, ProcedureRecord } from '../../downloads/schemas.ts';

/** What a citation needs to know about a procedure: a subset of its download record. */
export type ProcedureFields = Pick<ProcedureRecord, 'reference' | 'slug' | 'title' | 'adoptedDate' | 'adoptedTextReference' | 'procedureFileUrl' | 'permalink'>;
/** What a citation needs to know about a demand. */
export type DemandFields = Pick<DemandRecord, 'id' | 'document' | 'paragraph' | 'text' | 'permalink'>;

export const AUTHOR = 'European Parliament';

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
  adoptedText?: string;
  /** "adopted-text summary, summary ¶5.1" for a demand. */
  section?: string;
  /** True for a demand from a motion (not Parliament's adopted position). */
  motion?: boolean;
  url: string;
  procedureFileUrl: string;
}

const DOCUMENT_NAME: Record<DemandRecord['document'], string> = {
  summary: 'summary of the text adopted',
  resolution: 'resolution text',
  motion: 'motion for a resolution',
};

export function citableProcedure(p: ProcedureFields): Citable {
  return {
    key: `ep-${p.slug}`,
    title: p.title,
    reference: p.reference,
    date: p.adoptedDate ?? undefined,
    adoptedText: p.adoptedTextReference ?? undefined,
    url: p.permalink,
    procedureFileUrl: p.procedureFileUrl,
  };
}

export function citableDemand(d: DemandFields, p: ProcedureFields): Citable {
  return {
    ...citableProcedure(p),
    key: `ep-${d.id}`,
    section: `${DOCUMENT_NAME[d.document]}, ${d.paragraph}`,
    motion: d.document === 'motion',
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

/** The facts after the title, in reading order. */
function details(c: Citable): string[] {
  return [
    `procedure ${c.reference}`,
    ...(c.adoptedText ? [`text adopted ${c.adoptedText}`] : []),
    c.date ? `adopted ${longDate(c.date)}` : 'adoption date not stated in the sources',
  ];
}

/** "European Parliament, <title>, procedure …, adopted 10 March 2016[, <section>]. <url>" */
export function plainText(c: Citable): string {
  if (c.kind === 'dataset') return `${DATASET_AUTHOR}, ${c.title} (dataset). ${c.url}`;
  const section = c.section ? `, ${c.section}${c.motion ? ' (not the adopted text)' : ''}` : '';
  return `${AUTHOR}, ${c.title}, ${details(c).join(', ')}${section}. ${c.url}`;
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
  const note = [`Procedure ${c.reference}`, ...(c.section ? [c.section + (c.motion ? ' (not the adopted text)' : '')] : []), ...(c.date ? [] : ['adoption date not stated in the sources'])].join('; ');
  const fields: Array<[string, string]> = [
    ['author', `{${bibtexEscape(AUTHOR)}}`],
    ['title', `{${bibtexEscape(c.title)}}`],
    ...(c.date ? ([['year', c.date.slice(0, 4)], ['date', c.date]] as Array<[string, string]>) : []),
    ...(c.adoptedText ? ([['number', bibtexEscape(c.adoptedText)]] as Array<[string, string]>) : []),
    ['publisher', bibtexEscape(AUTHOR)],
    ['note', bibtexEscape(note)],
    ['url', bibtexUrl(c.url)],
  ];
  return `@misc{${bibtexKey(c.key)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

// --- RIS --------------------------------------------------------------------------------------

/** One RIS line: a two-character tag, two spaces, a hyphen, a space, the value on one line. */
export const risLine = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;

/** A RIS record (type GOVDOC), lines joined with "\n" (readers accept LF; the spec's CRLF is a transport detail). */
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
    risLine('N1', `Procedure ${c.reference}${c.date ? '' : '; adoption date not stated in the sources'}`),
    ...(c.section ? [risLine('SE', c.section + (c.motion ? ' (not the adopted text)' : ''))] : []),
    risLine('UR', c.url),
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
  issued?: { 'date-parts': number[][] };
  number?: string;
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
    ...(c.date ? { issued: { 'date-parts': [c.date.split('-').map(Number)] } } : {}),
    ...(c.adoptedText ? { number: c.adoptedText } : {}),
    ...(c.section ? { section: c.section + (c.motion ? ' (not the adopted text)' : '') } : {}),
    note: `Procedure ${c.reference}${c.date ? '' : '; adoption date not stated in the sources'}`,
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
