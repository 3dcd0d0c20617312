import type { DocumentKind } from '../content/schemas/procedure.ts';
import type { ItemKind } from '../content/parse/index.ts';

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
  event: 'events',
  person: 'people',
  theme: 'themes',
};

/** What a search result's text is, said next to it: only as far as its source labels it. */
export const documentKindInResults: Record<DocumentKind, string> = {
  summary: 'the Legislative Observatory’s summary, not Parliament’s wording',
  resolution: 'resolution text (whether as adopted or as a motion is not stated)',
  motion: 'a group’s motion, not the adopted text',
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
