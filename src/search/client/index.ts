/**
 * Search client over the files of build.ts (read the top of build.ts for the layout).
 *
 *   const client = createSearchClient({ fetchJson: (path) => fetch(new URL(path, indexUrl)).then((r) => r.json()) });
 *   const { results, total, facets, noExactMatch, similar, suggested } = await client.search({ q: 'Ablyazov', what: 'demand' });
 *
 * Works wherever `fetchJson` works: the browser (fetch) and Node (node.ts: files on disk or the Map
 * of buildSearchIndex). Every fetched file is cached (as a promise) for the client's life.
 *
 * A query, module by module:
 *  1. plan.ts       folds the query into words (≤ 8; English stopwords dropped when other words
 *                   remain), keeping how each was typed; a query with characters but no word says so;
 *  2. words.ts      expands each word to the indexed words it equals, spells in other letters or
 *                   another transliteration, begins (its forms), or, failing all, nearly equals
 *                   (similar), and unions their postings lists;
 *  3. candidates.ts ANDs the words (estimating when common words' lists are capped), relaxing to
 *                   any word when no item has them all;
 *  4. facets.ts     applies the filters and counts every facet, each with the other filters applied;
 *  5. rank.ts       ranks (demands first; then, in each, items matching in their own words before
 *                   those matched only through a theme, addressee or title) and lets fuse.js
 *                   re-rank and highlight the best;
 *  6. here          a word with no exact match is left out of the results: the similar words and
 *                   the results they would give come back as suggestions (`similar`, `suggested`).
 * An empty query lists the items that pass the filters (browse.ts).
 */
import type { FacetName, FacetValue, SearchQuery, SearchResponse, SearchResultRow, SimilarWord } from '../types.ts';
import { browse } from './browse.ts';
import { candidates } from './candidates.ts';
import { FacetCounter, facetValues, filterAndCount, resolveFilters, type Filters } from './facets.ts';
import { spellingIn } from './highlights.ts';
import { IndexFiles } from './index-files.ts';
import type { IndexModel } from './index-model.ts';
import { planQuery } from './plan.ts';
import { rankRows, type RankOptions } from './rank.ts';
import { resolveWord, wordSet, type WordMatches, type WordSet } from './words.ts';
import type { Manifest } from '../layout.ts';

export { editDistance, maxEdits, topK } from './util.ts';
export { planQuery } from './plan.ts';

export interface SearchClientOptions {
  fetchJson: (path: string) => Promise<unknown>;
  /** Extra candidates (beyond `limit`) fetched and re-ranked by fuse.js. Default 10. */
  rerankExtra?: number;
  /** At most this many docs go through fuse.js (fewer for long queries: 60 docs × words at most);
   * rows beyond keep the index order, verified against the index's words, with word highlights.
   * Default 30. */
  maxRerank?: number;
  /** Procedure facet values returned (most frequent first). Default 20. */
  procedureFacetSize?: number;
}

export interface SearchClient {
  search(query: SearchQuery): Promise<SearchResponse>;
  /** The manifest (fetched once). */
  manifest(): Promise<Manifest>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Similar words offered per query word without an exact match. */
const SIMILAR_OFFERED = 3;

interface Ranked {
  rows: SearchResultRow[];
  total: number;
  counts: FacetCounter;
  approximate: boolean;
  relaxed: boolean;
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const files = new IndexFiles(options.fetchJson);
  const rerank = { rerankExtra: options.rerankExtra ?? 10, maxRerank: options.maxRerank ?? 30 };
  const procedureFacetSize = options.procedureFacetSize ?? 20;

  async function ranked(model: IndexModel, sets: WordSet[], f: Filters, allowRelax: boolean, page: Pick<RankOptions, 'offset' | 'limit'>): Promise<Ranked> {
    const cands = candidates(model, sets, allowRelax);
    const { matched, total, counts } = filterAndCount(model, cands, f, sets);
    const rows = matched.length ? await rankRows(files, model, cands, matched, sets, { ...rerank, ...page }) : [];
    return { rows, total: Math.max(total, page.offset + rows.length), counts, approximate: cands.approximate, relaxed: cands.relaxed };
  }

  async function search(query: SearchQuery): Promise<SearchResponse> {
    const model = await files.model();
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(query.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT));
    const offset = Math.max(0, Math.floor(Number(query.offset ?? 0)) || 0);
    const f = await resolveFilters(files, model, query);
    const plan = planQuery(String(query.q ?? ''));
    const facets = (counts: FacetCounter) => facetValues(files, model, counts, f, procedureFacetSize);
    const answer = (r: Omit<SearchResponse, 'facets' | 'offset' | 'nothingToSearch' | 'noExactMatch' | 'similar'> & Partial<SearchResponse>, facetList: Record<FacetName, FacetValue[]>): SearchResponse => ({
      offset,
      nothingToSearch: false,
      noExactMatch: [],
      similar: [],
      ...r,
      facets: facetList,
    });

    if (plan.words.length === 0) {
      if (plan.nothingToSearch) return answer({ results: [], total: 0, approximate: false, relaxed: false, nothingToSearch: true }, await facets(new FacetCounter(model)));
      const listing = await browse(files, model, f, offset, limit);
      return answer({ results: listing.rows, total: listing.total, approximate: listing.approximate, relaxed: false }, await facets(listing.counts));
    }

    const matches = await Promise.all(plan.words.map((w) => resolveWord(files, model, w)));
    // A word with only similar words is not found: "Blyalov" is not a result for "Ablyazov".
    const notFound = matches.filter((m) => !m.matchesExactly && m.expansions.length > 0);
    const main = await ranked(
      model,
      matches.map((m) => wordSet(model, m, false)),
      f,
      notFound.length === 0,
      { offset, limit },
    );
    const response = answer({ results: main.rows, total: main.total, approximate: main.approximate, relaxed: main.relaxed }, await facets(main.counts));
    if (notFound.length) {
      const suggested = await ranked(
        model,
        matches.map((m) => wordSet(model, m, true)),
        f,
        false,
        { offset: 0, limit },
      );
      response.noExactMatch = notFound.map((m) => m.word.typed);
      response.similar = similarWords(notFound, suggested.rows);
      response.suggested = { results: suggested.rows, total: suggested.total, approximate: suggested.approximate };
    }
    return response;
  }

  return { search, manifest: async () => (await files.model()).manifest };
}

/** The similar words offered for each word without an exact match, as the suggested results print them. */
function similarWords(notFound: WordMatches[], rows: SearchResultRow[]): SimilarWord[] {
  const out: SimilarWord[] = [];
  for (const m of notFound) {
    const similar = m.expansions.filter((e) => e.match === 'similar').sort((a, b) => b.weight - a.weight || b.list.n - a.list.n);
    for (const e of similar.slice(0, SIMILAR_OFFERED)) {
      let spelling: string | undefined;
      for (const r of rows) if ((spelling = spellingIn(r.doc, e.term))) break;
      out.push({ word: m.word.typed, term: e.term, spelling: spelling ?? e.term, count: e.list.n });
    }
  }
  return out;
}
