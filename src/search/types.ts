/**
 * Types shared by the search index builder (build time) and the search client (browser / Node).
 */

/** One demand, as the site's model hands it to the search index. */
export interface SearchDoc {
  id: string; // demand id, e.g. "2019-2610-summary-6-1"
  text: string; // verbatim demand text (may contain any characters, including "<img src=x onerror=alert(1)>")
  procedure: string; // "2019/2610(RSP)"
  slug: string; // "2019-2610"
  year: number; // 2019
  title: string; // resolution title
  documentKind: 'summary' | 'resolution' | 'motion';
  themes: string[]; // theme ids
  themeLabels: string[];
  addressees: string[]; // addressee ids
  addresseeLabels: string[];
  people: string[]; // names and every alias (e.g. "Vladimir Kozlov", "Kozlov")
  provisions: string[]; // labels and aliases (e.g. "Article 174", "Criminal Code Article 174")
  url: string; // permalink path without site base, e.g. "procedures/2019-2610/#demand-2019-2610-summary-6-1"
}

export type DocumentKind = SearchDoc['documentKind'];

/** The fields of a SearchDoc that are searched (and can carry highlights). */
export type SearchableKey =
  | 'text'
  | 'people'
  | 'provisions'
  | 'procedure'
  | 'title'
  | 'themeLabels'
  | 'addresseeLabels';

export interface SearchQuery {
  /** Free text; empty or blank lists the documents that pass the facet filters. */
  q: string;
  /** Facet filters (each a single value; they combine with AND). */
  year?: number | string;
  /** The procedure reference as in SearchDoc.procedure, e.g. "2019/2610(RSP)". */
  procedure?: string;
  /** A theme id (SearchDoc.themes). */
  theme?: string;
  /** An addressee id (SearchDoc.addressees). */
  addressee?: string;
  kind?: DocumentKind;
  /** How many results to return (default 20, at most 100). */
  limit?: number;
}

export interface Highlight {
  key: keyof SearchDoc;
  /** For array keys (people, provisions, themeLabels, addresseeLabels): the element the ranges are in. */
  index?: number;
  /** Inclusive [start, end] UTF-16 offsets into the ORIGINAL (unfolded) string. */
  ranges: [number, number][];
}

export interface SearchResultRow {
  doc: SearchDoc;
  /** 0 = perfect match … 1 = weakest (fuse.js convention). */
  score: number;
  highlights: Highlight[];
}

export interface FacetValue {
  value: string;
  count: number;
  /** Human label (theme / addressee label; the reference for procedures; else the value). */
  label?: string;
}

export type FacetName = 'year' | 'procedure' | 'theme' | 'addressee' | 'kind';

export interface SearchResponse {
  results: SearchResultRow[];
  /** Size of the full result set (an estimate when `approximate` is true). */
  total: number;
  /**
   * Facet counts over the full result set. Each facet is counted with every OTHER active filter
   * applied (not its own), so the alternatives to a selected value stay visible.
   */
  facets: Record<FacetName, FacetValue[]>;
  /** True when a query word is so common that its postings are capped (see build.ts): total and
   * facet counts are then estimates (still following the query). */
  approximate: boolean;
  /** True when no document matched all the words, and results match only some of them. */
  relaxed: boolean;
}
