import type { DocumentKind } from '../content/schemas/procedure.ts';
import type { ItemKind } from '../content/parse/index.ts';
import type { CitedKind, FollowUpKind } from '../content/schemas/follow-up.ts';

/** How the site names each kind of document: only as far as its source labels it. */
export const documentKindLabel: Record<DocumentKind, string> = {
  summary: 'Summary of the text adopted',
  resolution: 'Resolution text (whether as adopted or as a motion is not stated)',
  motion: 'Motion for a resolution (not the adopted text)',
};

/** Short form for lists and facets. */
export const documentKindShort: Record<DocumentKind, string> = {
  summary: 'Adopted-text summary',
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
  'notes-non-compliance': 'the problem said to continue in',
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
