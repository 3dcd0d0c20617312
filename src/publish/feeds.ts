// Atom feeds (RFC 4287) of the resolutions: one of all of them, one per theme. Pure and
// deterministic: every timestamp comes from the sources, never from the clock.
//
// Ids: with SITE_URL, a feed's id is its URL and an entry's id the procedure page's URL (with a
// `#theme-…` suffix in theme feeds, where the entry holds only that theme's demands). Without
// SITE_URL there is no absolute URL to use, so ids are tag: URIs (RFC 4151) under the authority
// TAG_AUTHORITY, e.g. `tag:kz-ep-demands,2026:procedures/2016-2607`. Ids change when SITE_URL is
// set later: feed readers then see the entries as new, so set SITE_URL for a production build.
//
// Links without SITE_URL are paths from the host root (`/kz/procedures/2016-2607/`): valid Atom
// (RFC 4287 §2: IRI references, resolved against the feed's own URL), so a reader that fetched the
// feed resolves them to the right pages; the Data page says so. With SITE_URL they are absolute.
//
// `updated` is required on every entry: it is the adoption day where a source states it, else
// 1 January of the procedure's year, a placeholder marked in the entry's summary.
import type { Procedure, SiteModel, Demand } from '../content/model/index.ts';
import type { Theme } from '../content/schemas/taxonomy.ts';
import { formatDate } from '../content/model/index.ts';
import { itemNameNoted, sourceKind, sourceKindInline } from '../site/labels.ts';
import { itemPath, procedurePath, themePath, RESOLUTIONS_FEED_PATH, themeFeedPath, type Links } from '../site/paths.ts';
import { byIdOrder } from '../downloads/records.ts';
import { el, htmlEscape } from './xml.ts';

/** Authority and date of the tag: URIs used as ids when no SITE_URL is set. */
export const TAG_AUTHORITY = 'kz-ep-demands,2026';
import { SITE_NAME } from '../site/name.ts';
export { SITE_NAME };
const RIGHTS = 'Texts are quoted verbatim from European Parliament documents. Source: European Parliament.';

export interface AtomEntry {
  id: string;
  title: string;
  /** RFC 3339. */
  updated: string;
  published?: string;
  link: string;
  summary: string;
  /** HTML, escaped into `type="html"` content. */
  contentHtml: string;
  categories: Array<{ term: string; label: string; scheme?: string }>;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  self: string;
  alternate: string;
  entries: AtomEntry[];
}

/** The feed as XML text. `updated` is the newest entry's (or a fixed epoch for an empty feed). */
export function atomXml(feed: AtomFeed): string {
  const updated = feed.entries.map((e) => e.updated).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  ${el('id', {}, feed.id)}`,
    `  ${el('title', {}, feed.title)}`,
    `  ${el('subtitle', {}, feed.subtitle)}`,
    `  ${el('updated', {}, updated)}`,
    `  ${el('link', { rel: 'self', type: 'application/atom+xml', href: feed.self })}`,
    `  ${el('link', { rel: 'alternate', type: 'text/html', href: feed.alternate })}`,
    `  <author>${el('name', {}, SITE_NAME)}</author>`,
    `  ${el('rights', {}, RIGHTS)}`,
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${el('id', {}, e.id)}`,
      `    ${el('title', {}, e.title)}`,
      `    ${el('updated', {}, e.updated)}`,
      ...(e.published ? [`    ${el('published', {}, e.published)}`] : []),
      `    ${el('link', { rel: 'alternate', type: 'text/html', href: e.link })}`,
      ...e.categories.map((c) => `    ${el('category', { term: c.term, label: c.label, scheme: c.scheme })}`),
      `    ${el('summary', {}, e.summary)}`,
      `    ${el('content', { type: 'html' }, e.contentHtml)}`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A stable id: the URL when links are absolute, else a tag: URI for the same site path. */
export function atomId(links: Links, path: string, suffix = ''): string {
  return links.absolute ? links.url(path) + suffix : `tag:${TAG_AUTHORITY}:${path.replace(/\/$/, '')}${suffix.replace(/^#/, '/')}`;
}

const stamp = (p: Procedure) => (p.adoptedDate ? `${p.adoptedDate}T00:00:00Z` : `${p.year}-01-01T00:00:00Z`);

/**
 * Each demand as a sentence: the verbatim words that govern it, then the demand, then whose words
 * they are and where, linked (a summary's ¶ numbers marked as the site's).
 */
function demandListHtml(site: SiteModel, demands: Demand[], links: Links): string {
  const li = demands.map((d) => {
    const p = site.bySlug.get(d.slug)!;
    const item = p.items.get(d.anchor)!;
    const where = `${sourceKind[d.documentKind]}, ${itemNameNoted(item.kind, item.label, item.anchor)}`;
    const lead = d.leadIn.text ? `<small>${htmlEscape(d.leadIn.text)}</small> ` : '';
    return `<li><q>${lead}${htmlEscape(d.text)}</q> (<a href="${htmlEscape(links.url(itemPath(d.slug, d.fragment)))}">${htmlEscape(where)}</a>)</li>`;
  });
  return `<ol>${li.join('')}</ol>`;
}

/** "quoted verbatim from the Legislative Observatory’s summary …; and from a group’s motion …". */
function quotedFrom(p: Procedure, demands: Demand[]): string {
  const kinds = p.documents.map((d) => d.meta.kind).filter((k, i, all) => all.indexOf(k) === i && demands.some((x) => x.documentKind === k));
  return kinds.map((k) => sourceKindInline[k]).join('; and from ');
}

function entryFor(site: SiteModel, p: Procedure, links: Links, theme?: Theme): AtomEntry {
  const demands = theme ? p.demands.filter((d) => d.themes.includes(theme.id)) : p.demands;
  const themeIds = new Set(demands.flatMap((d) => d.themes));
  const themes = byIdOrder(site.themes).filter((t) => themeIds.has(t.id));
  const when = p.adoptedDate ? `adopted ${formatDate(p.adoptedDate)}` : `${p.year}, adoption date not stated in the sources (the feed dates it 1 January ${p.year})`;
  const count = `${demands.length} demand${demands.length === 1 ? '' : 's'}${theme ? ` on ${theme.label.toLowerCase()}` : ''}`;
  const summary = `${p.reference}, ${when}: ${count}.`;
  const intro = `<p>${htmlEscape(`Procedure ${p.reference}, ${when}. ${count[0]!.toUpperCase()}${count.slice(1)}, quoted verbatim from ${quotedFrom(p, demands)}:`)}</p>`;
  return {
    id: atomId(links, procedurePath(p.slug), theme ? `#theme-${theme.id}` : ''),
    title: p.title,
    updated: stamp(p),
    published: p.adoptedDate ? stamp(p) : undefined,
    link: links.url(procedurePath(p.slug)),
    summary,
    contentHtml: intro + demandListHtml(site, demands, links),
    categories: themes.map((t) => ({ term: t.id, label: t.label, scheme: links.absolute ? links.url('themes/') : undefined })),
  };
}

/** Newest first, as feed readers expect. */
const newestFirst = (site: SiteModel) => [...site.procedures].reverse();

/**
 * Entries per feed: readers poll feeds for what is new, so a feed keeps the newest resolutions and
 * stays small however many the site holds (the pages and downloads keep them all).
 */
export const FEED_ENTRIES = 50;

/** /feeds/resolutions.xml: one entry per resolution. */
export function resolutionsFeed(site: SiteModel, links: Links): string {
  return atomXml({
    id: atomId(links, RESOLUTIONS_FEED_PATH),
    title: `${SITE_NAME}: resolutions`,
    subtitle: 'European Parliament resolutions on Kazakhstan and the demands they make, quoted verbatim.',
    self: links.url(RESOLUTIONS_FEED_PATH),
    alternate: links.url(''),
    entries: newestFirst(site)
      .slice(0, FEED_ENTRIES)
      .map((p) => entryFor(site, p, links)),
  });
}

/** /feeds/themes/<id>.xml: the resolutions with demands on one theme, each entry quoting only those. */
export function themeFeed(site: SiteModel, theme: Theme, links: Links): string {
  return atomXml({
    id: atomId(links, themeFeedPath(theme.id)),
    title: `${SITE_NAME}: ${theme.label}`,
    subtitle: `Resolutions with demands on ${theme.label.toLowerCase()}: ${theme.description}`,
    self: links.url(themeFeedPath(theme.id)),
    alternate: links.url(themePath(theme.id)),
    entries: newestFirst(site)
      .filter((p) => p.demands.some((d) => d.themes.includes(theme.id)))
      .slice(0, FEED_ENTRIES)
      .map((p) => entryFor(site, p, links, theme)),
  });
}
