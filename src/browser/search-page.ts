import { createSearchClient } from '../search/client.ts';
import { snippetSegments, highlightSegments } from '../search/highlight.ts';
import type { FacetName, SearchQuery, SearchResponse, SearchResultRow } from '../search/types.ts';

const FACETS: FacetName[] = ['year', 'procedure', 'theme', 'addressee', 'kind'];
const KIND_LABEL: Record<string, string> = { summary: 'Adopted-text summary', resolution: 'Resolution text', motion: 'Motion (not the adopted text)' };

type State = Record<'q' | FacetName, string>;

/** Everything here writes text with DOM APIs: no content or query ever goes through innerHTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function marked(segments: Array<{ text: string; mark: boolean }>): Node[] {
  return segments.map((s) => (s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text)));
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const status = document.getElementById('status')!;
  const list = document.getElementById('results') as HTMLOListElement;
  const indexUrl = form.dataset.index!;
  const root = form.dataset.root!;
  document.getElementById('no-js')!.hidden = true;
  for (const e of form.querySelectorAll<HTMLElement>('.js-only')) e.hidden = false;
  const selects = new Map(FACETS.map((f) => [f, form.elements.namedItem(f) as HTMLSelectElement]));
  // Remember the build-time labels without counts so counts can follow the query.
  for (const s of selects.values()) for (const o of s.options) o.dataset.label = o.textContent!.replace(/ \(\d+\)$/, '');

  const client = createSearchClient({
    fetchJson: async (p) => {
      const r = await fetch(indexUrl + p);
      if (!r.ok) throw new Error(`search index ${p}: HTTP ${r.status}`);
      return r.json();
    },
  });

  const readUrl = (): State => {
    const u = new URLSearchParams(location.search);
    return { q: u.get('q') ?? '', year: u.get('year') ?? '', procedure: u.get('procedure') ?? '', theme: u.get('theme') ?? '', addressee: u.get('addressee') ?? '', kind: u.get('kind') ?? '' };
  };
  const readForm = (): State => ({ q: input.value, ...(Object.fromEntries(FACETS.map((f) => [f, selects.get(f)!.value])) as Record<FacetName, string>) });
  const fill = (s: State) => {
    if (input.value !== s.q) input.value = s.q;
    for (const f of FACETS) {
      const sel = selects.get(f)!;
      if (s[f] && ![...sel.options].some((o) => o.value === s[f])) sel.append(el('option', { value: s[f], 'data-label': s[f] }, s[f]));
      sel.value = s[f];
    }
  };
  const urlOf = (s: State) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(s)) if (v.trim()) u.set(k, v.trim());
    const qs = u.toString();
    return qs ? `?${qs}` : location.pathname;
  };
  const save = (s: State, push: boolean) => {
    const url = urlOf(s);
    if (url === urlOf(readUrl())) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  let generation = 0;
  const run = async (s: State) => {
    const mine = ++generation;
    const query: SearchQuery = { q: s.q, limit: 50 };
    if (s.year) query.year = s.year;
    if (s.procedure) query.procedure = s.procedure;
    if (s.theme) query.theme = s.theme;
    if (s.addressee) query.addressee = s.addressee;
    if (s.kind) query.kind = s.kind as SearchQuery['kind'];
    let res: SearchResponse;
    try {
      res = await client.search(query);
    } catch (e) {
      if (mine === generation) status.textContent = `Search is unavailable: ${(e as Error).message}`;
      return;
    }
    if (mine !== generation) return; // a newer query is already on its way
    render(res, s);
  };

  const render = (res: SearchResponse, s: State) => {
    const about = res.approximate ? 'about ' : '';
    const words = s.q.trim() ? ` for “${s.q.trim()}”` : '';
    status.replaceChildren();
    if (res.total === 0) {
      status.append(`No results${words}. Try fewer or shorter words, remove a filter, or browse `, el('a', { href: `${root}demands/` }, 'all demands'), '.');
    } else {
      status.append(`${about}${res.total} result${res.total === 1 ? '' : 's'}${words}${res.relaxed ? ' (matching some of the words)' : ''}`);
      if (res.results.length < res.total) status.append(`; showing the first ${res.results.length}`);
      status.append('.');
    }
    list.replaceChildren(...res.results.map(row));
    for (const f of FACETS) {
      const sel = selects.get(f)!;
      const counts = new Map(res.facets[f].map((v) => [v.value, v]));
      for (const v of res.facets[f]) {
        if (![...sel.options].some((o) => o.value === v.value)) sel.append(el('option', { value: v.value, 'data-label': v.label ?? v.value }, v.label ?? v.value));
      }
      for (const o of sel.options) {
        if (!o.value) continue;
        const c = counts.get(o.value)?.count ?? 0;
        o.textContent = `${o.dataset.label} (${c})`;
      }
      sel.value = s[f];
    }
  };

  const row = (r: SearchResultRow): HTMLLIElement => {
    const d = r.doc;
    const ranges = (key: string, index?: number) => r.highlights.filter((h) => h.key === key && h.index === index).flatMap((h) => h.ranges);
    const text = el('p', { class: 'text' }, ...marked(snippetSegments(d.text, ranges('text'), 400)));
    const meta = el('p', { class: 'meta' },
      el('a', { href: root + d.url }, 'Read in context'), ' · ',
      el('span', { class: 'ref' }, d.procedure), ` (${d.year}) · ${KIND_LABEL[d.documentKind] ?? d.documentKind}`);
    const li = el('li', {}, text, meta);
    const names = [...d.people, ...d.provisions];
    const hits = [
      ...d.people.map((p, i) => ({ s: p, r: ranges('people', i) })),
      ...d.provisions.map((p, i) => ({ s: p, r: ranges('provisions', i) })),
    ].filter((x) => x.r.length);
    if (names.length && hits.length) {
      const m = el('p', { class: 'meta' }, 'Matched: ');
      hits.forEach((h, i) => m.append(...(i ? [', '] : []), ...marked(highlightSegments(h.s, h.r))));
      li.append(m);
    }
    if (d.themeLabels.length) li.append(el('ul', { class: 'tags', 'aria-label': 'Themes' }, ...d.themeLabels.map((t) => el('li', {}, t))));
    return li;
  };

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
  window.addEventListener('popstate', () => {
    const s = readUrl();
    fill(s);
    void run(s);
  });
  const initial = readUrl();
  fill(initial);
  void run(initial);
}
