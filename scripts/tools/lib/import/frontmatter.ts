/**
 * The frontmatter of a procedure file, written through `yaml`'s Document API in the style of the
 * hand-made files: flow maps for table rows (`{ date: 2016-03-10, event: … }`), tight flow
 * sequences for short lists (`[Kazakhstan]`), plain scalars where plainly strings, double quotes
 * otherwise, and a first comment line naming the sources. The library does the quoting, so no
 * hand-written YAML needs a second parser to check it; `yaml` is also what the content loader
 * reads it with (src/content/load.ts).
 *
 * Pure: no file system.
 */
import { Document, isMap, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { ProcedureData, ProcedureDocument } from '../../../../src/content/schemas/procedure.ts';

/** The content files print short sequences without padding (`[EPP, S&D]`) but flow maps with it (`{ date: … }`). */
class TightFlowSeq<T = unknown> extends YAMLSeq<T> {
  override toString(
    ctx?: Parameters<YAMLSeq['toString']>[0],
    onComment?: () => void,
    onChompKeep?: () => void,
  ): string {
    return super.toString(ctx && { ...ctx, flowCollectionPadding: '' }, onComment, onChompKeep);
  }
}

/** No line folding: a heading or dateline stays on its line, as in the hand-made files. */
const TO_STRING = { lineWidth: 0, flowCollectionPadding: true } as const;

/** Table rows, one flow map each. */
const FLOW_MAP_ROWS = new Set(['subjects', 'keyEvents', 'documentationGateway']);
/** Maps printed on one line. */
const FLOW_MAPS = new Set(['vote']);
/** Lists printed on one line. */
const FLOW_SEQS = new Set(['geographicalArea', 'keyPlayers', 'groups', 'tablingGroups']);
/** Words YAML 1.1 readers take for booleans or null: quoted, so that every reader sees a string. */
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** Plain when plainly a string to any YAML reader; else double-quoted. */
function plainlyString(v: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9 ./()&'’‘_-]*$/.test(v) &&
    !/\s$/.test(v) &&
    !RESERVED.test(v) &&
    !/^[\d._+-]+$/.test(v) &&
    !/^\d{4}-\d{2}/.test(v)
  );
}

/**
 * A node for `value` at `path` (keys, `-` for a sequence item) in the style of the hand-made files.
 * Keys are written in the order of `value`; undefined values are left out.
 */
function styled(doc: Document, value: unknown, path: string[]): Node {
  const key = path.at(-1) ?? '';
  if (Array.isArray(value)) {
    const seq = FLOW_SEQS.has(key) ? new TightFlowSeq(doc.schema) : new YAMLSeq(doc.schema);
    seq.flow = FLOW_SEQS.has(key);
    seq.items = value.map((v) => styled(doc, v, [...path, '-']));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap(doc.schema);
    map.flow = FLOW_MAPS.has(key) || (key === '-' && FLOW_MAP_ROWS.has(path.at(-2) ?? ''));
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) map.items.push(new Pair(new Scalar(k), styled(doc, v, [...path, k])));
    }
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string') {
    // Subject codes and labels are always quoted in the hand-made files ("6.10.08" is not a number), datelines too.
    const alwaysQuoted = key === 'dateline' || path.at(-3) === 'subjects';
    const isoDate = key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    scalar.type = !alwaysQuoted && (isoDate || plainlyString(value)) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  }
  return scalar;
}

/** The frontmatter data with its keys in the order of the hand-made files (and of the README). */
function ordered(data: ProcedureData): Record<string, unknown> {
  const pf = data.procedureFile;
  const a = data.adopted;
  return {
    reference: data.reference,
    title: data.title,
    procedureFile: pf && {
      source: pf.source,
      type: pf.type,
      subtype: pf.subtype,
      legalBasis: pf.legalBasis && { label: pf.legalBasis.label, value: pf.legalBasis.value },
      stage: pf.stage,
      subjects: pf.subjects.map((s) => ({ code: s.code, label: s.label })),
      geographicalArea: pf.geographicalArea,
      keyPlayers: pf.keyPlayers,
      keyEvents: pf.keyEvents.map((e) => ({
        date: e.date,
        event: e.event,
        reference: e.reference,
        summary: e.summary,
      })),
      documentationGateway: pf.documentationGateway.map((g) => ({
        type: g.type,
        reference: g.reference,
        date: g.date,
        institution: g.institution,
        committee: g.committee,
        summary: g.summary,
      })),
    },
    adopted:
      a && Object.keys(a).length
        ? {
            reference: a.reference,
            date: a.date,
            dateSource: a.dateSource,
            vote: a.vote && {
              for: a.vote.for,
              against: a.vote.against,
              abstentions: a.vote.abstentions,
              source: a.vote.source,
            },
            tablingGroups: a.tablingGroups && {
              groups: a.tablingGroups.groups,
              joint: a.tablingGroups.joint,
              source: a.tablingGroups.source,
            },
          }
        : undefined,
    documents: data.documents.map(orderedDocument),
  };
}

function orderedDocument(d: ProcedureDocument): Record<string, unknown> {
  return {
    id: d.id,
    kind: d.kind,
    source: d.source,
    ...(d.kind === 'motion' ? { reference: d.reference } : {}),
    heading: d.heading,
    dateline: d.dateline,
    anchorPrefix: d.anchorPrefix,
    ...(d.kind === 'motion' ? { tablingGroups: d.tablingGroups } : {}),
  };
}

/** The frontmatter YAML (without the `---` lines), under a `# Sources: …` comment. */
export function renderFrontmatter(data: ProcedureData, sourcesComment: string): string {
  const doc = new Document();
  doc.contents = styled(doc, ordered(data), []) as YAMLMap;
  doc.contents.commentBefore = ` ${sourcesComment}`;
  return doc.toString(TO_STRING);
}

/** The node the first comment line belongs to: the content's, or (as parsed) the first key's. */
function firstComment(doc: Document): { commentBefore?: string | null } | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  if (contents.commentBefore) return contents;
  const first = contents.items[0]?.key;
  return first && typeof first === 'object' ? (first as { commentBefore?: string | null }) : contents;
}

/**
 * Adds a document entry to an existing frontmatter, or replaces the entry at `replace`, keeping
 * everything else as written (comments, quoting, flow style). The `# Sources:` comment gains
 * `source (what)` when it does not name the source yet.
 */
export function withDocument(
  frontmatter: string,
  entry: ProcedureDocument,
  replace: number | undefined,
  sourceNote: string,
): string {
  const doc = parseInWriterStyle(frontmatter);
  const documents = doc.get('documents', true);
  if (!isSeq(documents)) throw new Error('the frontmatter has no documents list');
  const node = styled(doc, orderedDocument(entry), ['documents', '-']);
  if (replace !== undefined) documents.items[replace] = node;
  else documents.items.push(node);
  const holder = firstComment(doc);
  const comment = holder?.commentBefore;
  if (holder && comment && /^\s*Sources:/.test(comment) && !comment.includes(entry.source)) {
    holder.commentBefore = `${comment}, ${sourceNote}`;
  }
  return doc.toString(TO_STRING);
}

/** The frontmatter parsed and printed again: equal to the input when the file is in the writer's style. */
export function reprinted(frontmatter: string): string {
  return parseInWriterStyle(frontmatter).toString(TO_STRING);
}

/** Parses a frontmatter so that printing it keeps its style: flow sequences (plain YAMLSeq nodes as parsed) become tight. */
function parseInWriterStyle(frontmatter: string): Document {
  const doc = parseDocument(frontmatter);
  visit(doc, {
    Seq(_, node) {
      if (!node.flow || node instanceof TightFlowSeq) return undefined;
      return Object.assign(new TightFlowSeq(doc.schema), node);
    },
  });
  return doc;
}
