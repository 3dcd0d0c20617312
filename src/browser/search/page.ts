/**
 * The search page: reads the state from the URL, searches as the reader types (keeping the URL in
 * step), renders with DOM APIs only (render.ts), and pages with "Show 50 more". The index files are
 * fetched relative to the page's own address, and results link through the site root derived from
 * it (state.ts, locate), so the built site works wherever it is served from.
 */
import { createSearchClient } from '../../search/client/index.ts';
import type { FacetName, SearchResponse } from '../../search/types.ts';
import { searchWhatLabel } from '../../site/labels.ts';
import { el } from './dom.ts';
import { resultCard, statusOf, suggestionsTitle, updateFacets, whatBar } from './render.ts';
import { FACETS, MAX_SHOWN, PAGE_SIZE, locate, queryOf, searchOf, stateFromSearch, type PageState } from './state.ts';

/** Suggested results shown under a word with no exact match. */
const SUGGESTED_SHOWN = 10;
/** The client returns at most this many results per call. */
const PER_CALL = 100;

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const status = document.getElementById('status')!;
  const bar = document.getElementById('what-bar')!;
  const list = document.getElementById('results') as HTMLOListElement;
  const moreRow = document.getElementById('more-row')!;
  const more = document.getElementById('more') as HTMLButtonElement;
  const moreNote = document.getElementById('more-note')!;
  const suggestions = document.getElementById('suggestions')!;
  const suggestionsTitleEl = document.getElementById('suggestions-title')!;
  const suggested = document.getElementById('suggested') as HTMLOListElement;
  const activeFilters = document.getElementById('filters-active')!;
  const { index, root } = locate(location.href);
  const href = (sitePath: string) => root.pathname + sitePath;

  document.getElementById('no-js')!.hidden = true;
  for (const e of form.querySelectorAll<HTMLElement>('.js-only')) e.hidden = false;
  const selects = new Map(FACETS.map((f) => [f, form.elements.namedItem(f) as HTMLSelectElement]));
  // Remember the build-time labels without counts so counts can follow the query.
  for (const s of selects.values()) for (const o of s.options) o.dataset.label = o.textContent!.replace(/ \(\d+\)$/, '');
  const labelOf = (f: FacetName, value: string) => (f === 'what' ? (searchWhatLabel[value as keyof typeof searchWhatLabel] ?? '') : '');

  const client = createSearchClient({
    fetchJson: async (p) => {
      const r = await fetch(new URL(p, index));
      if (!r.ok) throw new Error(`search index ${p}: HTTP ${r.status}`);
      return r.json();
    },
  });

  const readForm = (shown = PAGE_SIZE): PageState => ({ q: input.value, filters: Object.fromEntries(FACETS.map((f) => [f, selects.get(f)!.value])) as Record<FacetName, string>, shown });
  const fill = (s: PageState) => {
    if (input.value !== s.q) input.value = s.q;
    for (const f of FACETS) {
      const sel = selects.get(f)!;
      if (s.filters[f] && ![...sel.options].some((o) => o.value === s.filters[f])) sel.append(el('option', { value: s.filters[f], 'data-label': s.filters[f] }, s.filters[f]));
      sel.value = s.filters[f];
    }
  };
  const save = (s: PageState, push: boolean) => {
    const url = searchOf(s) || location.pathname;
    if (searchOf(s) === searchOf(stateFromSearch(location.search))) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  let generation = 0;
  let current: { state: PageState; response: SearchResponse } | null = null;

  /** Results 0 … shown − 1, in calls of at most PER_CALL. */
  const fetchShown = async (s: PageState): Promise<SearchResponse> => {
    const first = await client.search(queryOf(s, 0, Math.min(PER_CALL, s.shown)));
    for (let offset = first.results.length; offset < Math.min(s.shown, first.total) && first.results.length === offset; offset += PER_CALL) {
      const next = await client.search(queryOf(s, offset, Math.min(PER_CALL, s.shown - offset)));
      if (!next.results.length) break;
      first.results.push(...next.results);
    }
    return first;
  };

  const run = async (s: PageState) => {
    const mine = ++generation;
    if (!current) status.textContent = 'Searching…';
    let res: SearchResponse;
    try {
      res = await fetchShown(s);
    } catch (e) {
      if (mine === generation) status.textContent = `Search is unavailable: ${(e as Error).message}`;
      return;
    }
    if (mine !== generation) return; // a newer query is already on its way
    current = { state: s, response: res };
    render(res, s);
  };

  const render = (res: SearchResponse, s: PageState) => {
    status.replaceChildren(...statusOf(res, s, href));
    bar.replaceChildren(...whatBar(res, s));
    bar.hidden = bar.childElementCount === 0 || res.total === 0;
    list.replaceChildren(...res.results.map((r) => resultCard(r, href)));
    showMore(res);
    updateFacets(res, s, selects, labelOf);
    const chosen = FACETS.filter((f) => s.filters[f]).length;
    activeFilters.textContent = chosen ? ` (${chosen} chosen)` : '';
    const offered = res.suggested?.results.slice(0, SUGGESTED_SHOWN) ?? [];
    suggestionsTitleEl.textContent = offered.length ? suggestionsTitle(res) : '';
    suggested.replaceChildren(...offered.map((r) => resultCard(r, href, true)));
    suggestions.hidden = offered.length === 0;
  };

  const showMore = (res: SearchResponse) => {
    const left = res.total - res.results.length;
    const canShow = left > 0 && res.results.length < MAX_SHOWN;
    moreRow.hidden = left <= 0;
    more.hidden = !canShow;
    moreNote.textContent = left > 0 && !canShow ? `The first ${res.results.length} of ${res.approximate ? 'about ' : ''}${res.total} are shown: add a word or a filter to see the others.` : '';
    if (canShow) more.textContent = `Show ${Math.min(PAGE_SIZE, left)} more (${res.results.length} of ${res.approximate ? 'about ' : ''}${res.total} shown)`;
  };

  more.addEventListener('click', async () => {
    if (!current) return;
    const { state, response } = current;
    const s: PageState = { ...state, shown: response.results.length + PAGE_SIZE };
    const mine = ++generation;
    more.disabled = true;
    try {
      const next = await client.search(queryOf(state, response.results.length, PAGE_SIZE));
      if (mine !== generation) return;
      const first = list.childElementCount;
      response.results.push(...next.results);
      list.append(...next.results.map((r) => resultCard(r, href)));
      current = { state: s, response };
      save(s, false);
      showMore(response);
      // keyboard and screen-reader users continue from the first new result
      list.children[first]?.querySelector('a')?.focus();
    } catch (e) {
      status.textContent = `Search is unavailable: ${(e as Error).message}`;
    } finally {
      more.disabled = false;
    }
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = readForm();
      save(s, false);
      void run(s);
    }, 120);
  });
  for (const sel of selects.values()) {
    sel.addEventListener('change', () => {
      const s = readForm();
      save(s, true);
      void run(s);
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = readForm();
    save(s, true);
    void run(s);
  });
  // links within the page (kinds, similar spellings) search without reloading
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || !(a.closest('#status') || a.closest('#what-bar')) || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    const url = new URL(a.href);
    if (url.pathname !== location.pathname) return;
    e.preventDefault();
    history.pushState(null, '', url.search || location.pathname);
    const s = stateFromSearch(url.search);
    fill(s);
    void run(s);
  });
  window.addEventListener('popstate', () => {
    const s = stateFromSearch(location.search);
    fill(s);
    void run(s);
  });
  const initial = stateFromSearch(location.search);
  fill(initial);
  void run(initial);
}
