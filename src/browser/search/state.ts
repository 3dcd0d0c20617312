/**
 * The search page's state, all of it in the URL (so a link, a reload or Back shows the same
 * results): the words, the filters, and how many results are shown.
 */
import type { FacetName, SearchQuery } from '../../search/types.ts';

export const FACETS: FacetName[] = ['what', 'year', 'procedure', 'theme', 'addressee', 'kind'];
/** Results per page, and per "Show more". */
export const PAGE_SIZE = 50;
/** At most this many results are shown at once (a longer list is narrowed, not scrolled). */
export const MAX_SHOWN = 1000;

export interface PageState {
  q: string;
  filters: Record<FacetName, string>;
  /** How many results are shown: PAGE_SIZE, then one more page per "Show more". */
  shown: number;
}

const shownOf = (v: string | null): number => {
  const n = Math.floor(Number(v));
  if (!Number.isFinite(n) || n <= PAGE_SIZE) return PAGE_SIZE;
  return Math.min(MAX_SHOWN, Math.ceil(n / PAGE_SIZE) * PAGE_SIZE);
};

export function stateFromSearch(search: string): PageState {
  const u = new URLSearchParams(search);
  const filters = Object.fromEntries(FACETS.map((f) => [f, (u.get(f) ?? '').trim()])) as Record<FacetName, string>;
  return { q: u.get('q') ?? '', filters, shown: shownOf(u.get('show')) };
}

/** The query string of a state ("?q=…&what=demand&show=100"), or '' when it is empty. */
export function searchOf(s: PageState): string {
  const u = new URLSearchParams();
  if (s.q.trim()) u.set('q', s.q.trim());
  for (const f of FACETS) if (s.filters[f]) u.set(f, s.filters[f]);
  if (s.shown > PAGE_SIZE) u.set('show', String(s.shown));
  const qs = u.toString();
  return qs ? `?${qs}` : '';
}

/** The client query for results offset … offset + limit − 1. */
export function queryOf(s: PageState, offset: number, limit: number): SearchQuery {
  const query: SearchQuery = { q: s.q, offset, limit };
  const f = s.filters;
  if (f.what) query.what = f.what as SearchQuery['what'];
  if (f.year) query.year = f.year;
  if (f.procedure) query.procedure = f.procedure;
  if (f.theme) query.theme = f.theme;
  if (f.addressee) query.addressee = f.addressee;
  if (f.kind) query.kind = f.kind as SearchQuery['kind'];
  return query;
}

/**
 * Where the index files and the site's pages are, from the page's own address (the search page is
 * `<root>/search/`), so the built site works from any folder or path it is copied to.
 */
export function locate(href: string): { index: URL; root: URL } {
  const u = new URL(href);
  let path = u.pathname.replace(/index\.html?$/, '');
  if (!path.endsWith('/')) path += '/';
  const index = new URL(path, u.origin);
  return { index, root: new URL('../', index) };
}
