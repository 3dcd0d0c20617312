import type { DocumentKind } from '../content/schemas/procedure.ts';
import type { ItemKind } from '../content/parse/index.ts';
import type { Procedure } from '../content/model/types.ts';
import type { CitedKind, FollowUpKind } from '../content/schemas/follow-up.ts';

/** How the site names each kind of document, at the head of its text: only as far as its source labels it. */
export const documentKindLabel: Record<DocumentKind, string> = {
  summary: 'The Legislative Observatory’s summary of the text adopted — not Parliament’s wording',
  resolution: 'Parliament’s resolution text (its export does not say whether it is the adopted version)',
  motion: 'A group’s motion for a resolution — not the adopted text',
};

/**
 * Where a text comes from, by what it is and its reference, never by the export's file name (the
 * downloads keep that): "the Legislative Observatory’s procedure file for 2021/2544(RSP), with its
 * summary of the text adopted T9-0056/2021".
 */
export function sourceOf(kind: DocumentKind, procedure: { reference: string; hasProcedureFile: boolean; adoptedText?: string }, motionReference?: string): string {
  switch (kind) {
    case 'summary':
      return `the Legislative Observatory’s ${procedure.hasProcedureFile ? `procedure file for ${procedure.reference}, with its summary` : `summary for ${procedure.reference}`} of the text adopted${procedure.adoptedText ? ` ${procedure.adoptedText}` : ''}`;
    case 'resolution':
      return 'the resolution text as exported from the European Parliament’s plenary texts, which prints no date and no official reference';
    case 'motion':
      return `a motion for a resolution as exported from the European Parliament’s plenary texts${motionReference ? ` (${motionReference})` : ', which prints neither its reference (B-number) nor the group that tabled it'}`;
  }
}

/**
 * Whose words a demand is, in plain words, on every card that shows one: Parliament's own text, the
 * Observatory's summary of it, or a motion. (The 2013 text's caveat, that its export does not say
 * whether it is the adopted version, is said once per page: RESOLUTION_TEXT_CAVEAT.)
 */
export const sourceKind: Record<DocumentKind, string> = {
  resolution: 'Parliament’s text',
  summary: 'The Legislative Observatory’s summary of the adopted text — not Parliament’s wording',
  motion: 'A group’s motion, not the adopted text',
};

/** The same, inside a sentence ("Quoted from …", "This page holds …"). */
export const sourceKindInline: Record<DocumentKind, string> = {
  resolution: 'Parliament’s resolution text',
  summary: 'the Legislative Observatory’s summary of the adopted text, not Parliament’s wording',
  motion: 'a group’s motion for a resolution, not the adopted text',
};

/** Said once wherever the 2013-style resolution text is shown or its demands are listed. */
export const RESOLUTION_TEXT_CAVEAT = 'The export it comes from gives no date and does not say whether it is the text as adopted or the motion that was voted.';

/** Marks a label the site gives (summary paragraphs are not numbered in the sources). */
export const SITE_NUMBERING = 'this site’s numbering';

/** True for items whose number is the site's, not the source's (summary paragraphs and bullets). */
export const isSiteNumbered = (kind: ItemKind) => kind === 'summary' || kind === 'bullet';

/** An item's name with, where the number is the site's, a note saying so: "summary ¶5.3 (this site’s numbering)". */
export function itemNameNoted(kind: ItemKind, label: string, anchor: string): string {
  const name = itemName(kind, label, anchor);
  return isSiteNumbered(kind) ? `${name} (${SITE_NUMBERING})` : name;
}

/** A table or section of the procedure file, under a plain name, with the Observatory's own term for it. */
export const procedureFileTable = {
  keyEvents: { label: 'Key events', official: 'Key events' },
  documentationGateway: { label: 'Documents', official: 'Documentation gateway' },
  keyPlayers: { label: 'Institutions involved', official: 'Key players' },
} as const;

/** Where a procedure's adoption day comes from, in plain words (after the date). */
export const adoptionDateSource: Record<'summary-dateline' | 'procedure-file', string> = {
  'summary-dateline': 'as printed under the title of the summary',
  'procedure-file': 'from the procedure file',
};

/** How a person's quoted role is introduced (content/people.yaml `roleFrame`). */
export const personRoleFrame: Record<'described' | 'among' | 'in', string> = {
  described: 'Described as',
  among: 'Named among',
  in: 'Named in',
};

/** Short form for lists and facets. */
export const documentKindShort: Record<DocumentKind, string> = {
  summary: 'Summary of the adopted text',
  resolution: 'Resolution text',
  motion: 'Motion',
};

/** A human name for an item, for citations: "paragraph 13", "recital D", "summary ¶5.2". */
export function itemName(kind: ItemKind, label: string, anchor: string): string {
  switch (kind) {
    case 'para':
      return `paragraph ${label}`;
    case 'recital':
      return `recital ${label}`;
    case 'citation':
      return `citation ${label}`;
    case 'footnote':
      return `footnote ${label}`;
    case 'preamble':
      return 'opening formula';
    case 'summary':
      return `summary ¶${anchor.replace(/^.*summary-/, '')}`;
    case 'bullet':
      return `summary ¶${label.replace('-', '.')}`;
  }
}

/**
 * Where an item of a procedure is, for a reader: "summary ¶1", "recital D", and for a motion's item
 * "motion, paragraph 5" (a motion's numbers are not the adopted text's). Undefined for an unknown anchor.
 */
export function placeName(p: Pick<Procedure, 'items' | 'documents'>, anchor: string): string | undefined {
  const it = p.items.get(anchor);
  if (!it) return undefined;
  const inMotion = p.documents.some((d) => d.meta.kind === 'motion' && d.items.includes(it));
  return `${inMotion ? 'motion, ' : ''}${itemName(it.kind, it.label, it.anchor)}`;
}

/** The visible self-link text of an item. */
export function itemMark(kind: ItemKind, label: string, anchor: string): string {
  switch (kind) {
    case 'para':
      return `${label}.`;
    case 'recital':
      return `${label}.`;
    case 'citation':
      return `–`;
    case 'footnote':
      return label;
    case 'preamble':
      return '¶';
    case 'summary':
      return `¶${anchor.replace(/^.*summary-/, '')}`;
    case 'bullet':
      return `¶${label.replace('-', '.')}`;
  }
}

// ── What happened next (follow-up records) and what the texts cite (coverage) ──────────────────

/** What a later text's words do with an earlier demand, as a label (lists, facets, downloads' docs). */
export const followUpKindLabel: Record<FollowUpKind, string> = {
  'acknowledges-progress': 'Acknowledges a step',
  repeats: 'Asks again',
  'notes-non-compliance': 'Says the problem continues',
  other: 'States a related fact',
};

/** The same, inside a since-then line: "A step acknowledged in 2016 (motion, paragraph 3)". */
export const followUpKindPhrase: Record<FollowUpKind, string> = {
  'acknowledges-progress': 'a step acknowledged in',
  repeats: 'repeated in',
  'notes-non-compliance': 'the problem noted again in',
  other: 'related facts stated in',
};

/** What a citation cites, as a label. */
export const citedKindLabel: Record<CitedKind | 'unclassified', string> = {
  'ep-resolution': 'European Parliament resolution',
  'ep-rules': "Parliament's Rules of Procedure",
  'eu-agreement': 'EU agreement',
  'eu-dialogue': 'EU dialogue',
  'eu-statement': 'EU statement',
  un: 'UN',
  osce: 'OSCE',
  ngo: 'Non-governmental organisation',
  other: 'Other',
  unclassified: 'Not classified',
};

// ── Search (appended by the search page; keep existing exports above unchanged) ─────────────────

type What = import('../search/types.ts').What;
type FacetName = import('../search/types.ts').FacetName;

/** What each kind of searchable item is called on the search page. */
export const searchWhatLabel: Record<What, string> = {
  demand: 'Demand',
  paragraph: 'Paragraph',
  recital: 'Recital',
  citation: 'Citation',
  footnote: 'Footnote',
  summary: 'Summary item',
  followup: 'Follow-up',
  event: 'Event',
  person: 'Person',
  theme: 'Theme',
};

/** The same, for counts of several ("3 recitals"). */
export const searchWhatPlural: Record<What, string> = {
  demand: 'demands',
  paragraph: 'paragraphs',
  recital: 'recitals',
  citation: 'citations',
  footnote: 'footnotes',
  summary: 'summary items',
  followup: 'follow-up passages',
  event: 'events',
  person: 'people',
  theme: 'themes',
};


/** The search page's filters. */
export const searchFacetLabel: Record<FacetName, string> = {
  what: 'What',
  year: 'Year of the resolution',
  procedure: 'Procedure',
  theme: 'Theme',
  addressee: 'Addressed to',
  kind: 'Document',
};

/** "Matched …" on a result whose matched words are not in its visible text. */
export const searchMatchedLabel: Record<'people' | 'provisions' | 'themeLabels' | 'addresseeLabels' | 'title', string> = {
  people: 'name',
  provisions: 'article',
  themeLabels: 'theme',
  addresseeLabels: 'addressed to',
  title: 'resolution title',
};
