/**
 * Reads a procedure file exported as text from the European Parliament's Legislative Observatory
 * (OEIL) and turns it into the content format of `content/procedures/<year>-<number>.md`
 * (README, "Content format"): the frontmatter data and the Markdown body of the summary it ends with.
 *
 * Pure: no file system, no process. `parseProcedureFile` reads the export and checks that its
 * summary, rendered as Markdown, reads back through the body parser as printed; `content-file.ts`
 * writes the file. Every problem is collected with the line and section it was found in, so one
 * run lists everything to fix. An export cut short is refused: it lacks a section, ends inside a
 * row, or its summary does not end at the end of a sentence.
 *
 * Two layouts of the export are known (both are read by the same code, driven by header rows):
 * - 2016-style: "Basic information" rows separated by tabs, a "Subject …" and a
 *   "Geographical area …" line, a "Key players" section, key events without a header row,
 *   documentation-gateway rows with an institution column;
 * - 2021-style: reference in <b>, title/subject/geographical area on one line marked with
 *   <b>Subject</b> and <b>Geographical area</b>, key events with a "Date Event Reference Summary"
 *   header, gateway rows grouped under an institution heading ("European Parliament") with a
 *   "Document type Committee Reference Date Summary" header.
 */
import { documentReference, politicalGroup } from '../../../../src/content/schemas/common.ts';
import {
  gatewayDocumentType,
  keyEventName,
  procedureSchema,
  procedureStage,
  procedureSubtype,
  procedureType,
  type ProcedureData,
} from '../../../../src/content/schemas/procedure.ts';
import { parseProcedureBody } from '../../../../src/content/parse/index.ts';
import {
  checkDecoded,
  checkNoAutolink,
  escapeMarkdown,
  findings,
  headingLine,
  lastWords,
  linesOf,
  readDate,
  RSP_REFERENCE,
  SENTENCE_END,
  type ImportIssue,
  type Line,
  type Report,
} from './text.ts';

export interface ParseResult {
  /** The frontmatter; complete and schema-valid only when `issues` is empty. */
  data: ProcedureData | undefined;
  /** The Markdown body (the summary as "## heading", paragraphs and "- " bullets). */
  body: string;
  /** What was read, for the user to compare with the page exported (a summary cut exactly at a sentence end looks whole). */
  read?: { paragraphs: number; bullets: number; lastWords: string };
  /** Problems that forbid writing anything. */
  issues: ImportIssue[];
  /** Things worth a look that don't stop the import (nothing is guessed either way). */
  warnings: ImportIssue[];
}

// ---------------------------------------------------------------------------------------------
// Lines, cells and sections

const SECTION_NAMES = [
  'Basic information',
  'Key players',
  'Key events',
  'Technical information',
  'Documentation gateway',
] as const;
type SectionName = (typeof SECTION_NAMES)[number];
const REQUIRED_SECTIONS: SectionName[] = [
  'Basic information',
  'Key events',
  'Technical information',
  'Documentation gateway',
];
const SUMMARY = 'Summary';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Text of a table cell: HTML tags dropped (links, bold), common entities decoded, trimmed. */
function cellText(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A table row: its cells (tab-separated), as text. */
function cells(raw: string): string[] {
  return raw.split('\t').map(cellText);
}

/** The non-empty cells of a row. */
function filled(raw: string): string[] {
  return cells(raw).filter((c) => c !== '');
}

const isBlank = (raw: string) => cellText(raw.replace(/\t/g, ' ')) === '';

const SCHEMA_FILE = 'src/content/schemas/procedure.ts';
const extendEnum = (what: string, value: string, enumName: string, file = SCHEMA_FILE) =>
  `unknown ${what} '${value}': not in the schema enum ${enumName} (${file}); the schema enum must be extended before this file can be imported`;

// ---------------------------------------------------------------------------------------------
// The parser

/**
 * Parses a procedure file exported from the Legislative Observatory.
 * `sourceName` is the input file's base name (it becomes `procedureFile.source` and the summary
 * document's `source`).
 */
export function parseProcedureFile(text: string, sourceName: string): ParseResult {
  const { issues, warnings, fail, warn } = findings();
  const refused = (): ParseResult => ({ data: undefined, body: '', issues, warnings });
  const lines = linesOf(text);

  if (lines.every((l) => isBlank(l.raw))) {
    fail('File', 'the file is empty: expected a procedure file exported from the Legislative Observatory');
    return refused();
  }
  checkDecoded(lines, fail);

  // --- split into sections -------------------------------------------------------------------
  const sections = new Map<SectionName, { header: Line; rows: Line[] }>();
  let summaryHeading: Line | undefined;
  const summaryLines: Line[] = [];
  let current: { header: Line; rows: Line[] } | undefined;
  const stray: Line[] = [];
  for (const line of lines) {
    if (summaryHeading) {
      summaryLines.push(line);
      continue;
    }
    if (isBlank(line.raw)) continue;
    const heading = /^#\s+(.*\S)\s*$/.exec(line.raw);
    if (heading) {
      if (heading[1] === 'Procedure file' && sections.size === 0) continue;
      summaryHeading = line;
      current = undefined;
      continue;
    }
    const only = filled(line.raw);
    const name =
      only.length === 1 && cells(line.raw)[0] === only[0] ? SECTION_NAMES.find((s) => s === only[0]) : undefined;
    if (name) {
      if (sections.has(name)) {
        fail(name, `the section "${name}" appears twice (first on line ${sections.get(name)!.header.n})`, line.n);
        current = { header: line, rows: [] };
        continue;
      }
      current = { header: line, rows: [] };
      sections.set(name, current);
      continue;
    }
    if (!current) {
      stray.push(line);
      continue;
    }
    current.rows.push(line);
  }

  if (!sections.size) {
    fail(
      'File',
      `not a procedure file exported from the Legislative Observatory: none of its sections (${SECTION_NAMES.join(', ')}) was found before the file ends on line ${lastLineOf(lines) ?? 1}${summaryHeading ? `; a summary alone (line ${summaryHeading.n}) cannot be imported` : ': is it cut short, or another kind of file?'}`,
    );
    return refused();
  }
  if (stray.length) {
    fail(
      'File',
      `unexpected text before the first section (${stray.length} line${stray.length === 1 ? '' : 's'} from here): '${cellText(stray[0]!.raw)}'`,
      stray[0]!.n,
    );
  }
  for (const name of REQUIRED_SECTIONS) {
    if (!sections.has(name))
      fail(name, `missing section "${name}": expected a line reading "${name}" followed by its rows`);
  }
  if (!summaryHeading) {
    const last = [...sections].at(-1)!;
    const lastLine = [last[1].header, ...last[1].rows].at(-1)!;
    fail(
      SUMMARY,
      `missing summary: expected a "# <title>" heading (e.g. "# Resolution on …") followed by the summary text; the file ends on line ${lastLine.n}, in the section "${last[0]}": is the export cut short?`,
    );
  }
  for (const [name, s] of sections) {
    if (!s.rows.length && name !== 'Key players') fail(name, `the section "${name}" has no rows`, s.header.n);
  }

  // --- Basic information -----------------------------------------------------------------------
  const basic = readBasicInformation(sections.get('Basic information')?.rows ?? [], fail);

  // --- Key players ---------------------------------------------------------------------------------
  let keyPlayers: string[] | undefined;
  const playersSection = sections.get('Key players');
  if (playersSection) {
    keyPlayers = [];
    for (const l of playersSection.rows) {
      const c = filled(l.raw);
      if (c.length === 1 && !readDate(c[0]!)) keyPlayers.push(c[0]!);
      else
        fail(
          'Key players',
          `cannot read the row '${c.join(' | ')}' (expected one name per line; is a section heading missing before it?)`,
          l.n,
        );
    }
    if (!keyPlayers.length) {
      if (!playersSection.rows.length)
        warn('Key players', 'the section "Key players" is empty; keyPlayers left out', playersSection.header.n);
      keyPlayers = undefined;
    }
  }

  // --- Key events ------------------------------------------------------------------------------------
  const keyEvents = readKeyEvents(sections.get('Key events')?.rows ?? [], fail);

  // --- Technical information -----------------------------------------------------------------------
  const technical = readTechnicalInformation(sections.get('Technical information')?.rows ?? [], fail);

  // --- Documentation gateway -----------------------------------------------------------------------
  const gateway = readGateway(sections.get('Documentation gateway')?.rows ?? [], fail);

  // --- cross-checks between Basic and Technical information ------------------------------------
  const reference = technical.reference ?? basic.reference;
  if (sections.has('Basic information') && !basic.reference) {
    fail(
      'Basic information',
      'cannot find the procedure reference (e.g. 2016/2607(RSP))',
      sections.get('Basic information')!.header.n,
    );
  }
  if (technical.reference && basic.reference && technical.reference.value !== basic.reference.value) {
    fail(
      'Technical information',
      `the procedure reference '${technical.reference.value}' differs from '${basic.reference.value}' in Basic information (line ${basic.reference.line})`,
      technical.reference.line,
    );
  }
  for (const key of ['type', 'stage'] as const) {
    const t = technical[key];
    const b = basic[key];
    if (t && b && t.value !== b.value) {
      fail(
        'Technical information',
        `the ${key === 'type' ? 'procedure type' : 'stage'} '${t.value}' differs from '${b.value}' in Basic information (line ${b.line})`,
        t.line,
      );
    }
  }
  const type = technical.type ?? basic.type;
  const stage = technical.stage ?? basic.stage;
  if (type && !technical.type && !(procedureType.options as readonly string[]).includes(type.value)) {
    fail('Basic information', extendEnum('procedure type', type.value, 'procedureType'), type.line);
  }
  if (stage && !technical.stage && !(procedureStage.options as readonly string[]).includes(stage.value)) {
    fail('Basic information', extendEnum('stage', stage.value, 'procedureStage'), stage.line);
  }
  if (sections.has('Technical information') && !type)
    fail('Technical information', 'cannot find the procedure type (row "Procedure type")');
  if (sections.has('Technical information') && !stage)
    fail('Technical information', 'cannot find the stage (row "Stage reached in procedure")');
  if (reference && !RSP_REFERENCE.test(reference.value)) {
    fail(
      'Basic information',
      `the procedure reference '${reference.value}' is not an RSP procedure (YYYY/NNNN(RSP)), the only kind the schema accepts`,
      reference.line,
    );
  }

  // --- Summary --------------------------------------------------------------------------------------
  const summary = summaryHeading ? readSummary(summaryHeading, summaryLines, fail, warn) : undefined;

  // --- adopted text ---------------------------------------------------------------------------------
  const adopted: NonNullable<ProcedureData['adopted']> = {};
  const decisions = keyEvents.filter((e) => e.value.event === 'Decision by Parliament');
  if (decisions.length > 1) {
    fail(
      'Key events',
      `"Decision by Parliament" appears ${decisions.length} times (lines ${decisions.map((d) => d.line).join(', ')}); cannot tell which text was adopted`,
      decisions[1]!.line,
    );
  }
  const decision = decisions.length === 1 ? decisions[0] : undefined;
  if (decision) {
    if (decision.value.reference) adopted.reference = decision.value.reference;
    adopted.date = decision.value.date;
    adopted.dateSource = 'procedure-file';
  }
  if (summary?.dateline) {
    const d = summary.dateline;
    if (reference && d.reference !== reference.value) {
      fail(
        SUMMARY,
        `the dateline's procedure reference '${d.reference}' differs from '${reference.value}' (line ${reference.line})`,
        d.line,
      );
    }
    if (!d.date) fail(SUMMARY, `cannot read date '${d.rawDate}' in the dateline`, d.line);
    else if (decision && d.date !== decision.value.date && /Text adopted/i.test(d.what)) {
      fail(
        SUMMARY,
        `the dateline dates the text adopted ${d.rawDate} but the "Decision by Parliament" key event (line ${decision.line}) is dated ${decision.value.date}`,
        d.line,
      );
    } else if (!decision && /^Text adopted by Parliament/.test(d.what)) {
      adopted.date = d.date;
      adopted.dateSource = 'summary-dateline';
    }
  }
  if (summary) {
    const vote = findVote(summary.paragraphs, warn);
    if (vote) adopted.vote = vote;
    const tabling = findTablingGroups(summary.paragraphs, fail, warn);
    if (tabling) adopted.tablingGroups = tabling;
  }

  // --- assemble ---------------------------------------------------------------------------------------
  if (issues.length || !reference || !type || !stage || !summary) return refused();

  const procedureFile: NonNullable<ProcedureData['procedureFile']> = {
    source: sourceName,
    type: type.value as ProcedureType,
    stage: stage.value as ProcedureStage,
    subjects: basic.subjects,
    geographicalArea: basic.geographicalArea,
    keyEvents: keyEvents.map((e) => e.value),
    documentationGateway: gateway,
  };
  if (technical.subtype) procedureFile.subtype = technical.subtype.value as ProcedureSubtype;
  if (technical.legalBasis) procedureFile.legalBasis = technical.legalBasis;
  if (keyPlayers) procedureFile.keyPlayers = keyPlayers;
  const ordered: NonNullable<ProcedureData['procedureFile']> = {
    source: procedureFile.source,
    type: procedureFile.type,
    ...(procedureFile.subtype ? { subtype: procedureFile.subtype } : {}),
    ...(procedureFile.legalBasis ? { legalBasis: procedureFile.legalBasis } : {}),
    stage: procedureFile.stage,
    subjects: procedureFile.subjects,
    geographicalArea: procedureFile.geographicalArea,
    ...(procedureFile.keyPlayers ? { keyPlayers: procedureFile.keyPlayers } : {}),
    keyEvents: procedureFile.keyEvents,
    documentationGateway: procedureFile.documentationGateway,
  };

  const document: ProcedureData['documents'][number] = {
    id: 'summary',
    kind: 'summary',
    source: sourceName,
    heading: summary.heading,
    ...(summary.dateline ? { dateline: summary.dateline.text } : {}),
  };
  const data: ProcedureData = {
    reference: reference.value,
    ...(basic.title ? { title: basic.title } : {}),
    procedureFile: ordered,
    ...(Object.keys(adopted).length ? { adopted } : {}),
    documents: [document],
  };
  if (!basic.title) warn('Basic information', 'no title found; the frontmatter leaves title out');

  // --- the output must be accepted by the build as it is -------------------------------------
  const checked = procedureSchema.safeParse(data);
  if (!checked.success) {
    for (const i of checked.error.issues) fail('Output', `frontmatter ${i.path.join('.') || '(root)'}: ${i.message}`);
    return refused();
  }
  const body = renderBody(summary);
  const parsed = parseProcedureBody(body, checked.data.documents, 'body');
  for (const i of parsed.issues) fail('Output', `body${i.line ? ` line ${i.line}` : ''}: ${i.message}`);
  // The Markdown must read back to the text as printed, item by item.
  const items = parsed.documents[0]?.items ?? [];
  const expected = expectedItems(summary);
  if (!parsed.issues.length) {
    if (items.length !== expected.length) {
      fail('Output', `the body reads back as ${items.length} items instead of ${expected.length}`);
    } else {
      expected.forEach((e, k) => {
        const got = items[k]!;
        if (got.anchor !== e.anchor || got.text !== e.text) {
          fail(
            SUMMARY,
            `the Markdown of this ${e.anchor} reads back as ${got.anchor} '${got.text}' instead of '${e.text}'`,
            e.line,
          );
        }
      });
    }
  }
  if (issues.length) return refused();
  const last = expected.at(-1)!;
  const read = {
    paragraphs: summary.paragraphs.length,
    bullets: expected.length - summary.paragraphs.length,
    lastWords: lastWords(last.text),
  };
  return { data: checked.data, body, read, issues, warnings };
}

type ProcedureType = NonNullable<ProcedureData['procedureFile']>['type'];
type ProcedureStage = NonNullable<ProcedureData['procedureFile']>['stage'];
type ProcedureSubtype = NonNullable<NonNullable<ProcedureData['procedureFile']>['subtype']>;
type KeyEvent = NonNullable<ProcedureData['procedureFile']>['keyEvents'][number];
type GatewayDocument = NonNullable<ProcedureData['procedureFile']>['documentationGateway'][number];
type Fail = Report;
interface Located<T> {
  value: T;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Basic information

interface BasicInformation {
  reference?: Located<string>;
  type?: Located<string>;
  stage?: Located<string>;
  title?: string;
  subjects: Array<{ code: string; label: string }>;
  geographicalArea: string[];
}

const PROCEDURE_REFERENCE = /\d{4}\/\d{4}\([A-Z]{3}\)/;
const SUBJECT_CODE = /(?:^|\s)(\d+(?:\.\d+)+)\s+/g;

function readBasicInformation(rows: Line[], fail: Fail): BasicInformation {
  const S = 'Basic information';
  const out: BasicInformation = { subjects: [], geographicalArea: [] };
  if (!rows.length) return out;
  let subjectLine: number | undefined;
  let areaLine: number | undefined;
  let lastLabel: string | undefined;
  for (const row of rows) {
    // 2021-style rows mark their parts inline: "title  <b>Subject</b>  6.10.08 …  <b>Geographical area</b>  Kazakhstan".
    const parts = row.raw.split(/<b>\s*(Subject|Geographical area)\s*<\/b>/);
    const segments: Array<{ label?: string; raw: string }> = [{ raw: parts[0] ?? '' }];
    for (let k = 1; k < parts.length; k += 2) segments.push({ label: parts[k]!, raw: parts[k + 1] ?? '' });
    for (const seg of segments) {
      let label = seg.label;
      let raw = seg.raw;
      if (!label) {
        // 2016-style lines start with their label: "Subject 6.10.08 …", "Geographical area Kazakhstan".
        const m = /^\s*(Subject|Geographical area)\b\s*/.exec(raw);
        if (m) {
          label = m[1]!;
          raw = raw.slice(m[0].length);
        } else if (lastLabel === 'Subject' && /^\s*\d+(\.\d+)+\s/.test(raw)) {
          label = 'Subject'; // a further subject on its own line
        }
      }
      if (label === 'Subject') {
        subjectLine ??= row.n;
        lastLabel = label;
        out.subjects.push(...readSubjects(cellText(raw), row.n, fail));
        continue;
      }
      if (label === 'Geographical area') {
        areaLine ??= row.n;
        lastLabel = label;
        const areas = raw
          .split(/\t|<br\s*\/?>|\s{2,}/)
          .map(cellText)
          .filter(Boolean);
        if (!areas.length) fail(S, 'the geographical area is empty', row.n);
        out.geographicalArea.push(...areas);
        continue;
      }
      lastLabel = undefined;
      if (cellText(raw) === '') continue;
      const ref = PROCEDURE_REFERENCE.exec(raw);
      if (ref && !out.reference) {
        out.reference = { value: ref[0], line: row.n };
        // What is left of the row, cell by cell: the procedure type, then the stage.
        const rest = raw
          .replace(new RegExp(`<(a|b)\\b[^>]*>\\s*${escapeRegExp(ref[0])}\\s*</\\1>`), '\t')
          .replace(ref[0], '\t');
        const left = filled(rest);
        if (left.length !== 2) {
          fail(
            S,
            `cannot read the procedure type and stage from '${cellText(raw.replace(/\t/g, ' | '))}' (expected the type, the reference and the stage)`,
            row.n,
          );
        } else {
          out.type = { value: left[0]!, line: row.n };
          out.stage = { value: left[1]!, line: row.n };
        }
        continue;
      }
      const textCells = filled(raw);
      if (!out.title && textCells.length === 1) {
        out.title = textCells[0]!;
        continue;
      }
      fail(S, `unexpected row '${cellText(raw.replace(/\t/g, ' | '))}'`, row.n);
    }
  }
  if (subjectLine === undefined) fail(S, 'cannot find the subjects (a "Subject" line)', rows[0]!.n);
  else if (!out.subjects.length) fail(S, 'no subject could be read', subjectLine);
  if (areaLine === undefined) fail(S, 'cannot find the geographical area (a "Geographical area" line)', rows[0]!.n);
  return out;
}

function readSubjects(text: string, line: number, fail: Fail): Array<{ code: string; label: string }> {
  const S = 'Basic information';
  const found = [...text.matchAll(SUBJECT_CODE)];
  if (!found.length) {
    fail(
      S,
      `cannot read the subject '${text}' (expected a code and a label, e.g. "6.10.08 Fundamental freedoms, …")`,
      line,
    );
    return [];
  }
  const out: Array<{ code: string; label: string }> = [];
  const before = text.slice(0, found[0]!.index).trim();
  if (before) fail(S, `cannot read '${before}' before the first subject code`, line);
  found.forEach((m, k) => {
    const start = m.index + m[0].length;
    const end = k + 1 < found.length ? found[k + 1]!.index : text.length;
    const label = text.slice(start, end).trim();
    if (!label) fail(S, `the subject ${m[1]} has no label`, line);
    else out.push({ code: m[1]!, label });
  });
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Key events

function columnsOf(
  header: string[],
  known: Record<string, string>,
  section: string,
  line: number,
  fail: Fail,
): string[] {
  return header.map((h) => {
    const key = known[h];
    if (!key && h) fail(section, `unknown column '${h}' in the header row`, line);
    return key ?? '';
  });
}

/** Reads a row's cells by column name; a cell beyond the last column is reported. */
function cellsByColumn(
  c: string[],
  columns: string[],
  section: string,
  line: number,
  fail: Fail,
): (key: string) => string {
  c.forEach((v, k) => {
    if (v && !columns[k]) fail(section, `unexpected cell '${v}' after the last column`, line);
  });
  return (key) => {
    const k = columns.indexOf(key);
    return k >= 0 ? (c[k] ?? '') : '';
  };
}

function readKeyEvents(rows: Line[], fail: Fail): Array<Located<KeyEvent>> {
  const S = 'Key events';
  const known: Record<string, string> = { Date: 'date', Event: 'event', Reference: 'reference', Summary: 'summary' };
  let columns = ['date', 'event', 'reference', 'summary'];
  const out: Array<Located<KeyEvent>> = [];
  for (const row of rows) {
    const c = cells(row.raw);
    if (c[0] === 'Date' && c.includes('Event')) {
      columns = columnsOf(c, known, S, row.n, fail);
      continue;
    }
    const get = cellsByColumn(c, columns, S, row.n, fail);
    const rawDate = get('date');
    const date = readDate(rawDate);
    if (!date)
      fail(
        S,
        rawDate
          ? `cannot read date '${rawDate}' (expected a real day written DD/MM/YYYY)`
          : `the row '${c.filter(Boolean).join(' | ')}' has no date`,
        row.n,
      );
    const event = get('event');
    if (!event) fail(S, 'the row has no event', row.n);
    else if (!(keyEventName.options as readonly string[]).includes(event))
      fail(S, extendEnum('event', event, 'keyEventName'), row.n);
    const value: KeyEvent = { date: date ?? '', event: event as KeyEvent['event'] };
    const reference = get('reference');
    if (reference) {
      if (documentReference.safeParse(reference).success) value.reference = reference;
      else
        fail(
          S,
          `cannot read reference '${reference}' (expected e.g. T8-0083/2016, B8-0343/2016 or RC-B8-0337/2016)`,
          row.n,
        );
    }
    const summary = get('summary');
    if (summary === 'Summary') value.summary = true;
    else if (summary) fail(S, `cannot read the summary column '${summary}' (expected "Summary" or nothing)`, row.n);
    out.push({ value, line: row.n });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Technical information

interface TechnicalInformation {
  reference?: Located<string>;
  type?: Located<string>;
  subtype?: Located<string>;
  stage?: Located<string>;
  legalBasis?: { label: 'Legal basis' | 'Other legal basis'; value: string };
}

function readTechnicalInformation(rows: Line[], fail: Fail): TechnicalInformation {
  const S = 'Technical information';
  const out: TechnicalInformation = {};
  const seen = new Map<string, number>();
  for (const row of rows) {
    const c = filled(row.raw);
    const [label, value, ...extra] = c;
    if (!label || value === undefined || extra.length) {
      fail(S, `cannot read the row '${c.join(' | ')}' (expected a label and a value separated by a tab)`, row.n);
      continue;
    }
    const first = seen.get(label === 'Other legal basis' ? 'Legal basis' : label);
    if (first !== undefined) {
      fail(S, `'${label}' is given twice (first on line ${first}); the schema holds one`, row.n);
      continue;
    }
    seen.set(label === 'Other legal basis' ? 'Legal basis' : label, row.n);
    const at = { value, line: row.n };
    switch (label) {
      case 'Procedure reference':
        if (!PROCEDURE_REFERENCE.test(value) || PROCEDURE_REFERENCE.exec(value)![0] !== value)
          fail(S, `cannot read procedure reference '${value}'`, row.n);
        else out.reference = at;
        break;
      case 'Procedure type':
        // Kept even when unknown (the error stops the import) so Basic information does not stand in for it.
        if (!(procedureType.options as readonly string[]).includes(value))
          fail(S, extendEnum('procedure type', value, 'procedureType'), row.n);
        out.type = at;
        break;
      case 'Procedure subtype':
        if (!(procedureSubtype.options as readonly string[]).includes(value))
          fail(S, extendEnum('procedure subtype', value, 'procedureSubtype'), row.n);
        out.subtype = at;
        break;
      case 'Stage reached in procedure':
        if (!(procedureStage.options as readonly string[]).includes(value))
          fail(S, extendEnum('stage', value, 'procedureStage'), row.n);
        out.stage = at;
        break;
      case 'Legal basis':
      case 'Other legal basis':
        if (!/^Rules of Procedure EP \d+$/.test(value))
          fail(
            S,
            `cannot read the legal basis '${value}' (the schema expects e.g. "Rules of Procedure EP 144")`,
            row.n,
          );
        else out.legalBasis = { label, value };
        break;
      default:
        fail(S, `unknown row '${label}' (value '${value}'): the importer and the schema do not know this field`, row.n);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Documentation gateway

function readGateway(rows: Line[], fail: Fail): GatewayDocument[] {
  const S = 'Documentation gateway';
  const known: Record<string, string> = {
    'Document type': 'type',
    Committee: 'committee',
    Reference: 'reference',
    Date: 'date',
    Institution: 'institution',
    Summary: 'summary',
  };
  const institutions = ['EP', 'European Parliament'];
  let columns = ['type', 'committee', 'reference', 'date', 'institution', 'summary'];
  let group: string | undefined;
  const out: GatewayDocument[] = [];
  for (const row of rows) {
    const c = cells(row.raw);
    if (c[0] === 'Document type') {
      columns = columnsOf(c, known, S, row.n, fail);
      continue;
    }
    const nonEmpty = c.filter(Boolean);
    if (nonEmpty.length === 1 && c[0] === nonEmpty[0]) {
      // A group heading: the institution of the rows under it.
      const name = nonEmpty[0]!;
      if (!institutions.includes(name)) {
        fail(
          S,
          `cannot read the row '${name}': not a document row (type, reference, date), nor a known institution heading (${institutions.join(', ')}); if it is an institution, the schema enum gatewayDocument.institution (${SCHEMA_FILE}) must be extended`,
          row.n,
        );
      }
      group = name;
      continue;
    }
    const get = cellsByColumn(c, columns, S, row.n, fail);
    const type = get('type');
    if (!type) fail(S, 'the row has no document type', row.n);
    else if (!(gatewayDocumentType.options as readonly string[]).includes(type))
      fail(S, extendEnum('document type', type, 'gatewayDocumentType'), row.n);
    const reference = get('reference');
    if (!reference) fail(S, 'the row has no reference', row.n);
    else if (!documentReference.safeParse(reference).success)
      fail(
        S,
        `cannot read reference '${reference}' (expected e.g. B8-0343/2016, RC-B8-0337/2016 or T8-0083/2016)`,
        row.n,
      );
    const rawDate = get('date');
    const date = readDate(rawDate);
    if (!date)
      fail(
        S,
        rawDate ? `cannot read date '${rawDate}' (expected a real day written DD/MM/YYYY)` : 'the row has no date',
        row.n,
      );
    const doc: GatewayDocument = { type: type as GatewayDocument['type'], reference, date: date ?? '' };
    const institution = get('institution') || group;
    if (institution) {
      if (institutions.includes(institution)) doc.institution = institution as 'EP';
      else if (institution !== group)
        fail(S, extendEnum('institution', institution, 'gatewayDocument.institution'), row.n);
    }
    const committee = get('committee');
    if (committee) doc.committee = committee;
    const summary = get('summary');
    if (summary === 'Summary') doc.summary = true;
    else if (summary) fail(S, `cannot read the summary column '${summary}' (expected "Summary" or nothing)`, row.n);
    out.push(doc);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary

interface SummaryParagraph {
  /** `summary-N`. */
  anchor: string;
  text: string;
  line: number;
  bullets: Array<{ text: string; line: number }>;
}

interface Summary {
  heading: string;
  dateline?: { text: string; reference: string; rawDate: string; date: string | undefined; what: string; line: number };
  paragraphs: SummaryParagraph[];
}

/** What GFM's autolink-literal step links in text (mdast-util-gfm-autolink-literal). */
const DATELINE = /^(\d{4}\/\d{4}\([A-Z]{3}\)) - (\S+) - (.+)$/;
const BULLET = /^(?:[-–•]\s+|-(?=\S))/;

function readSummary(heading: Line, rows: Line[], fail: Fail, warn: Fail): Summary | undefined {
  const S = SUMMARY;
  const headingText = /^#\s+(.*\S)\s*$/.exec(heading.raw)![1]!;
  const summary: Summary = { heading: headingText, paragraphs: [] };
  let k = 0;
  const skipBlank = () => {
    while (k < rows.length && rows[k]!.raw.trim() === '') k++;
  };
  // Under the heading: a "---" separator and/or the dateline, in either order.
  for (let pass = 0; pass < 2; pass++) {
    skipBlank();
    const row = rows[k];
    if (!row) break;
    const t = row.raw.trim();
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(t)) {
      k++;
      continue;
    }
    const d = DATELINE.exec(t);
    if (d && !summary.dateline) {
      summary.dateline = { text: t, reference: d[1]!, rawDate: d[2]!, date: readDate(d[2]!), what: d[3]!, line: row.n };
      k++;
      continue;
    }
    break;
  }
  // Blocks: paragraphs (wrapped lines joined) and bullets ("- " or "-text"), bullets belonging
  // to the paragraph before them.
  let mode: 'none' | 'paragraph' | 'bullet' = 'none';
  let lastLine: Line | undefined;
  const join = (prev: string, next: string, line: number) => {
    if (/[-‐]$/.test(prev))
      warn(
        S,
        `the line before ends with a hyphen; joined with a space as printed ('${prev.slice(-20)} ${next.slice(0, 20)}'): check the source's spelling`,
        line,
      );
    return `${prev} ${next}`;
  };
  for (; k < rows.length; k++) {
    const row = rows[k]!;
    const t = row.raw.trim();
    if (t === '') {
      if (mode === 'paragraph') mode = 'none';
      lastLine = undefined;
      continue;
    }
    if (/^#\s/.test(t)) {
      fail(S, `a second heading '${t}': the importer reads one summary per file`, row.n);
      continue;
    }
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(t)) {
      fail(S, `unexpected separator '${t}' inside the summary`, row.n);
      continue;
    }
    if (DATELINE.test(t) && !summary.paragraphs.length) {
      fail(S, `unexpected second dateline '${t}'`, row.n);
      continue;
    }
    const bullet = BULLET.exec(t);
    const last = summary.paragraphs.at(-1);
    if (bullet) {
      if (!last) {
        fail(
          S,
          `a bullet before any paragraph: '${t}' (a bullet list must follow the paragraph that introduces it)`,
          row.n,
        );
        continue;
      }
      last.bullets.push({ text: t.slice(bullet[0].length), line: row.n });
      mode = 'bullet';
      lastLine = row;
      continue;
    }
    if (lastLine && mode === 'bullet' && last?.bullets.length) {
      const b = last.bullets.at(-1)!;
      b.text = join(b.text, t, row.n);
      lastLine = row;
      continue;
    }
    if (lastLine && mode === 'paragraph' && last) {
      last.text = join(last.text, t, row.n);
      lastLine = row;
      continue;
    }
    summary.paragraphs.push({ anchor: `summary-${summary.paragraphs.length + 1}`, text: t, line: row.n, bullets: [] });
    mode = 'paragraph';
    lastLine = row;
  }
  const items = expectedItems(summary);
  if (!items.length) fail(S, 'the summary has no text under its heading: is the export cut short?', heading.n);
  for (const item of items) checkNoAutolink(item.text, S, item.line, fail);
  // The export is read to its end; a summary whose last words do not end a sentence was cut short.
  const last = items.at(-1);
  if (last && !SENTENCE_END.test(last.text)) {
    fail(
      S,
      `the summary ends inside a sentence ('${lastWords(last.text)}', ${last.anchor}): the export is cut short; export the whole page again`,
      lastLineOf(rows) ?? last.line,
    );
  }
  return summary;
}

/** The last line with text. */
function lastLineOf(rows: Line[]): number | undefined {
  return rows.filter((r) => r.raw.trim() !== '').at(-1)?.n;
}

function expectedItems(summary: Summary): Array<{ anchor: string; text: string; line: number }> {
  return summary.paragraphs.flatMap((p) => [
    { anchor: p.anchor, text: p.text, line: p.line },
    ...p.bullets.map((b, m) => ({ anchor: `${p.anchor}-${m + 1}`, text: b.text, line: b.line })),
  ]);
}

// --- facts stated by the summary ------------------------------------------------------------------

const VOTE = /\badopted by (\d+) votes? to (\d+),? with (\d+) abstentions?\b/g;

function findVote(paragraphs: SummaryParagraph[], warn: Fail): NonNullable<ProcedureData['adopted']>['vote'] {
  const S = SUMMARY;
  const found: Array<{ for: number; against: number; abstentions: number; source: string; line: number }> = [];
  for (const p of paragraphs) {
    const hits = [...p.text.matchAll(VOTE)];
    for (const m of hits)
      found.push({
        for: Number(m[1]),
        against: Number(m[2]),
        abstentions: Number(m[3]),
        source: p.anchor,
        line: p.line,
      });
    if (!hits.length && /\b\d+ votes?\b/.test(p.text)) {
      warn(
        S,
        `${p.anchor} mentions votes but not as "adopted by N votes to N, with N abstentions"; adopted.vote left out`,
        p.line,
      );
    }
  }
  if (!found.length) return undefined;
  if (found.length > 1) {
    warn(
      S,
      `the vote is stated ${found.length} times (${found.map((f) => f.source).join(', ')}); adopted.vote left out as ambiguous`,
      found[1]!.line,
    );
    return undefined;
  }
  const f = found[0]!;
  return { for: f.for, against: f.against, abstentions: f.abstentions, source: f.source };
}

/**
 * "The text adopted in plenary was tabled by the EPP, S&D … and EFDD groups." /
 * "The text adopted in plenary had been tabled as a joint resolution by the EPP, …, ECR groups and The Left." /
 * "The resolution was tabled by …": the text or resolution as subject, so that e.g. amendments
 * "tabled by" a group are not taken for the authors of the text.
 */
const TABLED =
  /\b(?:[Tt]ext|[Rr]esolution)\b[^.;]*?\b(?:was|had been|has been)\s+tabled\s+(as\s+a\s+joint\s+resolution\s+)?by\s+(?:the\s+)?([^.;]+)/g;

function findTablingGroups(
  paragraphs: SummaryParagraph[],
  fail: Fail,
  warn: Fail,
): NonNullable<ProcedureData['adopted']>['tablingGroups'] {
  const S = SUMMARY;
  const found: Array<{ groups: string[]; joint: boolean; source: string; line: number }> = [];
  for (const p of paragraphs) {
    const hits = [...p.text.matchAll(TABLED)];
    if (!hits.length && /\btabled\b/i.test(p.text)) {
      warn(
        S,
        `${p.anchor} mentions "tabled" but not as "the text … was tabled by the … groups"; adopted.tablingGroups not taken from it`,
        p.line,
      );
    }
    for (const m of hits) {
      const list = m[2]!.trim().replace(/\s+groups?$/, '');
      const names = list
        .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
        .map((g) => g.trim().replace(/\s+groups?$/, ''))
        .filter(Boolean);
      const known = politicalGroup.options as readonly string[];
      const unknown = names.filter((g) => !known.includes(g));
      for (const g of unknown) {
        fail(
          S,
          `${extendEnum('political group', g, 'politicalGroup', 'src/content/schemas/common.ts')} (in "${m[0].trim()}", ${p.anchor}); it is not guessed`,
          p.line,
        );
      }
      if (unknown.length) continue;
      found.push({
        groups: names,
        joint: Boolean(m[1]) || /\bjoint resolution\b/.test(m[0]),
        source: p.anchor,
        line: p.line,
      });
    }
  }
  if (!found.length) return undefined;
  if (found.length > 1) {
    warn(
      S,
      `the tabling groups are stated ${found.length} times (${found.map((f) => f.source).join(', ')}); adopted.tablingGroups left out as ambiguous`,
      found[1]!.line,
    );
    return undefined;
  }
  const f = found[0]!;
  return {
    groups: f.groups as Array<(typeof politicalGroup.options)[number]>,
    ...(f.joint ? { joint: true } : {}),
    source: f.source,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown body

function renderBody(summary: Summary): string {
  const out: string[] = [headingLine(summary.heading), ''];
  for (const p of summary.paragraphs) {
    out.push(escapeMarkdown(p.text));
    for (const b of p.bullets) out.push(`- ${escapeMarkdown(b.text)}`);
    out.push('');
  }
  return out.join('\n');
}
