/**
 * What the search page shows for a response: the status line, the row of kinds ("Demands (3) ·
 * Recitals (2)"), the result cards, the filters' counts, and the suggestions for a word that
 * matched nothing exactly. Pure DOM building: the page (page.ts) decides where it goes.
 */
import { LABEL_KEYS, type FacetName, type Highlight, type SearchResponse, type SearchResultRow, type What } from '../../search/types.ts';
import { fold } from '../../search/fold.ts';
import { highlightSegments, snippetSegments } from '../../search/highlight.ts';
import { sourceKindInline, searchMatchedLabel, searchWhatLabel, searchWhatPlural } from '../../site/labels.ts';
import { el, marked } from './dom.ts';
import { FACETS, searchOf, type PageState } from './state.ts';

/** Builds links to other pages of the site (the root is derived from the page's address). */
export type Href = (sitePath: string) => string;

/** A query in quotation marks, once: a query typed in quotes (“Article 174”) is not quoted twice. */
const quoted = (s: string) => `“${/^["“](.*)["”]$/s.exec(s)?.[1] ?? s}”`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The page's search URL for another state (kept relative to the search page itself). */
const stateHref = (s: PageState) => `./${searchOf(s)}`;

/** The status line (a live region: screen readers hear it after each search). */
export function statusOf(res: SearchResponse, s: PageState, href: Href): Array<Node | string> {
  const words = s.q.trim();
  const about = res.approximate ? 'about ' : '';
  if (res.nothingToSearch) return [`${quoted(words)} has no letters or numbers to search for. Type a word, a name or a number of two characters or more.`];
  if (res.noExactMatch.length) {
    const out: Array<Node | string> = [`No exact match for ${res.noExactMatch.map(quoted).join(' or ')}.`];
    if (res.similar.length) {
      out.push(' Similar: ');
      res.similar.forEach((w, i) => {
        if (i) out.push(', ');
        out.push(el('a', { href: stateHref({ ...s, q: replaceWord(s.q, w.word, w.spelling), shown: 0 }) }, w.spelling), ` (${w.count})`);
      });
      out.push('.');
    }
    return out;
  }
  if (res.total === 0) {
    return [`No results${words ? ` for ${quoted(words)}` : ''}. Try fewer or shorter words, remove a filter, or browse `, el('a', { href: href('demands/') }, 'all demands'), '.'];
  }
  if (!words) return [`${about}${plural(res.total, 'item', 'items')}${FACETS.some((f) => s.filters[f]) ? ' match the filters' : ''}: demands first, newest resolution first.`];
  const out: Array<Node | string> = [`${about}${plural(res.total, 'result', 'results')} for ${quoted(words)}`];
  if (res.relaxed) out.push(' (no item has all the words: these have some of them)');
  out.push('.');
  return out;
}

/** Replaces a typed word by another in a query, keeping the rest as typed. */
function replaceWord(q: string, typed: string, by: string): string {
  const i = q.indexOf(typed);
  return i < 0 ? by : q.slice(0, i) + by + q.slice(i + typed.length);
}

/** "All (12) · Demands (3) · Recitals (2) …": one click narrows to one kind of item. */
export function whatBar(res: SearchResponse, s: PageState): Node[] {
  const counts = res.facets.what.filter((v) => v.count > 0 || v.value === s.filters.what);
  if (!counts.length) return [];
  const all = counts.reduce((n, v) => n + v.count, 0);
  const link = (label: string, what: string, current: boolean) =>
    current ? el('strong', { 'aria-current': 'true' }, label) : el('a', { href: stateHref({ ...s, filters: { ...s.filters, what }, shown: 0 }) }, label);
  const items: Node[] = [el('li', {}, link(`All (${s.filters.what ? 'any kind' : all})`, '', !s.filters.what))];
  for (const v of counts) items.push(el('li', {}, link(`${capital(searchWhatPlural[v.value as What] ?? v.value)} (${v.count})`, v.value, v.value === s.filters.what)));
  return items;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The counts of a filter's options follow the results; options with none are disabled (the chosen one stays). */
export function updateFacets(res: SearchResponse, s: PageState, selects: Map<FacetName, HTMLSelectElement>, labelOf: (f: FacetName, value: string) => string): void {
  for (const f of FACETS) {
    const sel = selects.get(f)!;
    const counts = new Map(res.facets[f].map((v) => [v.value, v.count]));
    for (const v of res.facets[f]) {
      if (![...sel.options].some((o) => o.value === v.value)) {
        const label = labelOf(f, v.value) || v.label || v.value;
        sel.append(el('option', { value: v.value, 'data-label': label }, label));
      }
    }
    for (const o of sel.options) {
      if (!o.value) continue;
      const c = counts.get(o.value) ?? 0;
      o.textContent = `${o.dataset.label} (${c})`;
      o.disabled = c === 0 && o.value !== s.filters[f];
    }
    sel.value = s.filters[f];
  }
}

const rangesOf = (r: SearchResultRow, key: Highlight['key'], index?: number) => r.highlights.filter((h) => h.key === key && h.index === index).flatMap((h) => h.ranges);

/** One result: what it is, where it is (the permalink), its words, and why it matched. */
export function resultCard(r: SearchResultRow, href: Href, suggested = false): HTMLLIElement {
  const d = r.doc;
  const li = el('li', { class: `result result-${d.what}`, 'data-id': d.id, 'data-what': d.what });
  const head = el('p', { class: 'result-head' }, el('span', { class: 'badge' }, searchWhatLabel[d.what] ?? d.what), ' ');
  const link = el('a', { href: href(d.url) });
  if (d.heading !== undefined) link.append(...marked(highlightSegments(d.heading, rangesOf(r, 'heading'))));
  else link.append(`${d.procedure ?? ''}${d.place ? `, ${d.place}` : ''}`);
  head.append(link);
  if (d.what === 'event' && d.date) head.append(' · ', el('span', { class: 'ref' }, d.date)); // a date kept on one line
  if (d.documentKind) head.append(el('span', { class: 'muted' }, ` · ${sourceKindInline[d.documentKind]}`));
  li.append(head);
  if (d.what === 'demand' && d.leadIn) li.append(el('p', { class: 'lead-in' }, d.leadIn));
  if (d.text) {
    const text = snippetSegments(d.text, rangesOf(r, 'text'), 400);
    const quote = d.what === 'event' || d.what === 'person';
    // A person's role is quoted after the words that frame it, as on the people pages ("Named among “activists”").
    const frame = d.what === 'person' && d.leadIn ? [`${d.leadIn} `] : [];
    li.append(el('p', { class: 'text' }, ...frame, ...(quote ? ['“', ...marked(text), '”'] : marked(text))));
  }
  if (d.what === 'event' && d.place) li.append(el('p', { class: 'meta' }, `Stated in ${d.procedure}, ${d.place}`));
  if (d.what === 'person' && d.place) li.append(el('p', { class: 'meta' }, `In ${d.place}`));
  for (const line of whyLines(r, suggested)) li.append(line);
  return li;
}

/**
 * "Matched theme: …", "Printed “Zhanaozhen” …": why a result matched, where its visible words do not
 * show it. A name or an article is named when the text does not print it that way ("Kuramshin"
 * matches a paragraph printing "Kurashim"); a theme, an addressee or the resolution's title only
 * when nothing visible matched at all.
 */
function whyLines(r: SearchResultRow, suggested: boolean): HTMLParagraphElement[] {
  const d = r.doc;
  const out: HTMLParagraphElement[] = [];
  const spellings = r.otherSpellings.map(quoted).join(', ');
  if (spellings) out.push(el('p', { class: 'why' }, suggested ? `A similar spelling, not the word searched: ${spellings}` : `Printed ${spellings}: another spelling of the word searched`));
  const visibleHit = r.highlights.some((h) => h.key === 'heading' || h.key === 'text' || h.key === 'procedure');
  const labelShown = (key: Highlight['key']) => !visibleHit || !LABEL_KEYS.has(key);
  const printed = fold(`${d.heading ?? ''} ${d.text}`);
  const fields = [
    ['people', d.people],
    ['provisions', d.provisions],
    ['themeLabels', d.themeLabels],
    ['addresseeLabels', d.addresseeLabels],
  ] as const;
  for (const [key, values] of fields) {
    if (d.what === 'person' && key === 'people') continue; // "Other spellings" shows them
    if (!labelShown(key)) continue;
    const hits = values.map((v, i) => ({ v, ranges: rangesOf(r, key, i) })).filter((x) => x.ranges.length && !printed.includes(fold(x.v)));
    if (!hits.length) continue;
    const line = el('p', { class: 'why' }, `Matched ${searchMatchedLabel[key]}: `);
    hits.forEach((h, i) => line.append(...(i ? [', '] : []), ...marked(highlightSegments(h.v, h.ranges))));
    out.push(line);
  }
  if (labelShown('title') && d.title && rangesOf(r, 'title').length) out.push(el('p', { class: 'why' }, `Matched ${searchMatchedLabel.title}: `, ...marked(highlightSegments(d.title, rangesOf(r, 'title')))));
  if (d.what === 'person') {
    const others = d.people.map((v, i) => ({ v, ranges: rangesOf(r, 'people', i) })).filter((x) => x.v !== d.heading);
    if (others.length) {
      // Printed spellings and the usual one alike (the person's page says which the sources print).
      const line = el('p', { class: 'meta' }, 'Other spellings: ');
      others.forEach((x, i) => line.append(...(i ? [', '] : []), ...marked(highlightSegments(x.v, x.ranges))));
      out.push(line);
    }
  }
  return out;
}

/** The heading of the suggestions: the similar words, and that they are not the words searched. */
export function suggestionsTitle(res: SearchResponse): string {
  const spellings = [...new Set(res.similar.map((w) => quoted(w.spelling)))];
  const typed = res.noExactMatch.map(quoted).join(' or ');
  return `${spellings.length === 1 ? `Results for the similar spelling ${spellings[0]}` : `Results for similar spellings (${spellings.join(', ')})`}, not for ${typed}`;
}

