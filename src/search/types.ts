/**
 * Types shared by the search index builder (build time) and the search client (browser / Node).
 */
import type { DocumentKind } from '../content/schemas/procedure.ts';

export type { DocumentKind };

/**
 * What a searchable item is, in the order results list them when equally relevant (demands
 * first). `summary` is an item of a Legislative Observatory summary (a paragraph or a bullet);
 * `followup` a passage of a later text recorded as bearing on earlier demands (content/follow-up.yaml).
 */
export const WHATS = ['demand', 'paragraph', 'recital', 'citation', 'footnote', 'summary', 'followup', 'event', 'person', 'theme'] as const;
export type What = (typeof WHATS)[number];

/**
 * One citable thing, as the site's model hands it to the search index (docs.ts): a demand, an item
 * of a text (paragraph, recital, citation, footnote, summary item), a timeline event, a person or a
 * theme. Fields that do not apply to a kind are absent.
 */
export interface SearchDoc {
  /**
   * Unique id. A demand's own id ("2019-2610-summary-6-1-1"); an item `<slug>#<anchor>`
   * ("2013-2600#recital-d"); `event:<id>`, `person:<id>`, `theme:<id>`.
   */
  id: string;
  what: What;
  /** The name shown as the result's heading: an event's title, a person's name, a theme's label. */
  heading?: string;
  /**
   * The verbatim text: a demand, an item of a text, an event's quote, the words a source uses to
   * describe a person; a theme's description. May contain any characters ("<img onerror=…>").
   */
  text: string;
  /**
   * A demand's lead-in: the verbatim words that govern it ("Parliament urged the Government of
   * Kazakhstan to:"); for a person, the site's words introducing the quoted role ("Named among").
   * Shown, not searched.
   */
  leadIn?: string;
  /** The procedure it is in or stated in: "2019/2610(RSP)"; absent for people and themes. */
  procedure?: string;
  slug?: string;
  /** Year of that procedure. */
  year?: number;
  /** That resolution's title (searched, not shown). */
  title?: string;
  /** The kind of text a demand or an item is in. */
  documentKind?: DocumentKind;
  /** Where it is in that text, in plain words: "paragraph 13", "recital D", "summary ¶5.2". */
  place?: string;
  /** An event's date, as precisely as its source gives it: "December 2011". */
  date?: string;
  themes: string[];
  themeLabels: string[];
  addressees: string[];
  addresseeLabels: string[];
  /** Names and every printed spelling of the people it names (a person: their own spellings). */
  people: string[];
  /** Labels and aliases of the provisions it cites ("Article 174", "Criminal Code Article 174"). */
  provisions: string[];
  /** Permalink: a site path without the base, e.g. "procedures/2019-2610/#demand-2019-2610-summary-6-1-1". */
  url: string;
}

/** The fields of a SearchDoc that are searched (and can carry highlights). */
export type SearchableKey = 'heading' | 'text' | 'people' | 'provisions' | 'procedure' | 'title' | 'themeLabels' | 'addresseeLabels';

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
  /** What the items are: "demand", "recital", "event", … */
  what?: What;
  /** How many results to return (default 20, at most 100). */
  limit?: number;
  /** How many results to skip (paging: 50 shows results 51…). Default 0. */
  offset?: number;
}

export interface Highlight {
  key: SearchableKey;
  /** For array keys (people, provisions, themeLabels, addresseeLabels): the element the ranges are in. */
  index?: number;
  /** Inclusive [start, end] UTF-16 offsets into the ORIGINAL (unfolded) string. */
  ranges: [number, number][];
}

/**
 * Fields a result is found by that it does not print as its own words: a theme, an addressee, the
 * resolution's title. A result matched in these alone ranks after those whose own words match
 * (client/rank.ts), and says why it matched ("Matched theme: …", browser/search/render.ts).
 */
export const LABEL_KEYS: ReadonlySet<SearchableKey> = new Set<SearchableKey>(['themeLabels', 'addresseeLabels', 'title']);

export interface SearchResultRow {
  doc: SearchDoc;
  /**
   * 0 = perfect match … 1 = weakest (fuse.js convention). Demands come first whatever the score, and
   * within them and the other items, a match in its own words before a match only through labels (rank.ts).
   */
  score: number;
  highlights: Highlight[];
  /**
   * Words of the item, as printed, that a query word matched only as another spelling: another
   * transliteration of a name ("Zhanaozhen" for "Zhanaozen") in results, a similar word in
   * suggestions; so the page can say so instead of passing one word off as another.
   */
  otherSpellings: string[];
}

export interface FacetValue {
  value: string;
  count: number;
  /** Human label (theme / addressee label; the reference for procedures; else the value). */
  label?: string;
}

export type FacetName = 'year' | 'procedure' | 'theme' | 'addressee' | 'kind' | 'what';

/** An indexed word close to a query word that has no exact match ("Blyalov" for "Ablyazov"). */
export interface SimilarWord {
  /** The query word, as typed. */
  word: string;
  /** The indexed word (folded). */
  term: string;
  /** The indexed word as a text prints it ("Blyalov"), or the folded word when no result shows it. */
  spelling: string;
  /** How many items hold it. */
  count: number;
}

export interface SearchResponse {
  /** Results offset … offset + limit − 1, best first (demands first). */
  results: SearchResultRow[];
  /** Size of the full result set (an estimate when `approximate` is true). */
  total: number;
  offset: number;
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
  /** True when the query has characters but no word to search for (".*+?(", a lone letter). */
  nothingToSearch: boolean;
  /**
   * Query words, as typed, that match no indexed word exactly (nor as a prefix or in another
   * script) but are close to some: the results leave them out, `similar` and `suggested` offer the
   * close words instead.
   */
  noExactMatch: string[];
  similar: SimilarWord[];
  /** The best results when the similar words are allowed: suggestions, never presented as matches. */
  suggested?: { results: SearchResultRow[]; total: number; approximate: boolean };
}
