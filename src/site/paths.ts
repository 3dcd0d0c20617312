/**
 * Every address the site publishes, in one place: its pages, the fragments and permalinks inside
 * them, the timeline's entries, link previews, downloads, feeds and the search index's files, and
 * the rules that turn one of them into a link (base path, SITE_URL).
 *
 * A *site path* has no leading slash and no base: `procedures/2013-2600/`,
 * `procedures/2013-2600/#para-3`, `data/demands.json`. Pages are directories (trailing slash).
 * A published address never changes what it points to: tests/url-manifest.json records them.
 */
import type { Filter } from './timeline/timeline.ts';

// ── The base path and absolute links ───────────────────────────────────────────────────────────

/** A base path in its one form, `/` or `/some/path/`: leading and trailing slash, no doubles. */
export function normalizeBase(base: string | undefined | null): string {
  const parts = (base ?? '/').split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Prefixes a site path with the configured base (`BASE_PATH`), so links work on a sub-path.
 * `withBase('procedures/2013-2600/')` → `/kz/procedures/2013-2600/` when the base is `/kz/`.
 */
export function withBase(p: string, base: string = import.meta.env.BASE_URL): string {
  return normalizeBase(base) + p.replace(/^\/+/, '');
}

/**
 * How the downloads, feeds and meta tags write links to this site.
 *
 * - With SITE_URL set (Astro's `site`), every link is an absolute URL: `https://example.org/kz/procedures/2016-2607/`.
 * - Without it, the origin is unknown: links are paths from the host root, base included
 *   (`/kz/procedures/2016-2607/`). They resolve against whatever host serves the files, but
 *   anything that needs an absolute URL (sitemap, og:url, og:image, feed ids) is left out or
 *   falls back to a stated alternative. See `absolute`.
 */
export interface Links {
  /** The base path, normalised to `/…/`. */
  base: string;
  /** The site origin (+ path), when SITE_URL was given. */
  site?: URL;
  /** True when links are absolute URLs. */
  absolute: boolean;
  /** A site path (`procedures/2016-2607/#para-3`, without the base) as a link. */
  url(path: string): string;
  /** The same path, always without origin (for `href`s inside this site's own pages). */
  path(path: string): string;
}

/** Links for a base path and optional site URL (e.g. `import.meta.env.BASE_URL`, `Astro.site`). */
export function makeLinks(base: string, site?: URL | string | null): Links {
  const b = normalizeBase(base);
  const origin = site ? new URL(site) : undefined;
  const path = (p: string) => withBase(p, b);
  return {
    base: b,
    site: origin,
    absolute: !!origin,
    path,
    url: (p: string) => (origin ? new URL(path(p), origin).href : path(p)),
  };
}

// ── Pages ──────────────────────────────────────────────────────────────────────────────────────

export const HOME_PATH = '';
export const RESOLUTIONS_PATH = 'resolutions/';
export const DEMANDS_PATH = 'demands/';
export const THEMES_PATH = 'themes/';
/** The recurring demands (formerly "threads"): demands asked again in later resolutions. */
export const RECURRING_PATH = 'recurring/';
/** Where the recurring demands were published first; its pages now point to RECURRING_PATH's. */
export const FORMER_THREADS_PATH = 'threads/';
export const PEOPLE_PATH = 'people/';
export const SEARCH_PATH = 'search/';
/** The search narrowed to demands (`?what=demand`), as the demand listings offer it. */
export const DEMAND_SEARCH_PATH = `${SEARCH_PATH}?what=demand`;
export const DATA_PATH = 'data/';
export const ABOUT_PATH = 'about/';
/** What happened next to each demand, by theme and year. */
export const FOLLOW_UP_PATH = 'follow-up/';
/** What the texts cite, and which of the cited resolutions the collection holds. */
export const COVERAGE_PATH = 'coverage/';

/** The page of a procedure (its resolution and texts). */
export const procedurePath = (slug: string) => `procedures/${slug}/`;
/** The citations page of a procedure: the resolution and each demand in four formats. */
export const procedureCitePath = (slug: string) => `procedures/${slug}/cite/`;
export const themePath = (id: string) => `${THEMES_PATH}${id}/`;
export const personPath = (id: string) => `${PEOPLE_PATH}${id}/`;
/** The page of one recurring demand: its wordings over time. */
export const threadPath = (id: string) => `${RECURRING_PATH}${id}/`;
/** Its first address, kept as a page pointing to `threadPath`. */
export const formerThreadPath = (id: string) => `${FORMER_THREADS_PATH}${id}/`;

/** The timeline page, or one of its filtered pages: `timeline/`, `timeline/kind/court/`, `timeline/theme/<id>/`. */
export function timelinePath(filter?: Filter): string {
  return filter ? `timeline/${filter.by}/${filter.value}/` : 'timeline/';
}

/**
 * A page of a listing cut into years (`paginate.ts`): `<listing><year>/`, and `<listing><year>/<part>/`
 * from the second part of a year on.
 */
export const listingYearPath = (listing: string, year: number, part = 1) => `${listing}${year}/${part > 1 ? `${part}/` : ''}`;

// ── Fragments and permalinks ───────────────────────────────────────────────────────────────────

/** Fragment of a demand on its procedure page: `demand-<id>`. */
export const demandFragment = (id: string) => `demand-${id}`;
/** Fragment of a demand's citations on the procedure's citations page. */
export const citeFragment = (id: string) => `cite-${id}`;
/** Fragment of an event on the timeline pages. */
export const eventFragment = (id: string) => `event-${id}`;
/** Fragment of a resolution landmark on the timeline pages. */
export const landmarkFragment = (slug: string) => `resolution-${slug}`;
/** Fragment of a year heading. */
export const yearFragment = (year: number) => `y${year}`;

/** Fragment of a theme's section on the follow-up page. */
export const followUpThemeFragment = (id: string) => `theme-${id}`;
/** How the since-then lines are read: the method section of the follow-up page. */
export const FOLLOW_UP_METHOD_PATH = `${FOLLOW_UP_PATH}#how`;
/** Fragment of a follow-up record (a later text's words) on the follow-up page. */
export const followUpFragment = (id: string) => `record-${id}`;
/** Fragment of a cited resolution the collection lacks, on the coverage page. */
export const citedFragment = (id: string) => `cited-${id}`;
/** Fragment of a procedure's section on the coverage page. */
export const coverageProcedureFragment = (slug: string) => `cites-${slug}`;

/** A fragment on a procedure page: an item (`para-13`) or a demand (`demand-…`). */
export const itemPath = (slug: string, fragment: string) => `${procedurePath(slug)}#${fragment}`;
/** A demand's permalink: `procedures/2013-2600/#demand-2013-2600-para-6-1`. */
export const demandPath = (slug: string, id: string) => itemPath(slug, demandFragment(id));
/** A demand's citations: `procedures/2013-2600/cite/#cite-2013-2600-para-6-1`. */
export const demandCitePath = (slug: string, id: string) => `${procedureCitePath(slug)}#${citeFragment(id)}`;

// ── Files ──────────────────────────────────────────────────────────────────────────────────────

/** A download: `data/demands.json`. */
export const dataPath = (file: string) => `${DATA_PATH}${file}`;
/** Site path of a procedure's link-preview image. */
export const previewPath = (slug: string) => `data/preview/${slug}.png`;
/** Site path of the site-wide preview image (home and every page without its own). */
export const DEFAULT_PREVIEW = 'data/preview/site.png';
/** Site path of the Atom feed of all resolutions. */
export const RESOLUTIONS_FEED_PATH = 'feeds/resolutions.xml';
/** Site path of a theme's Atom feed. */
export const themeFeedPath = (id: string) => `feeds/themes/${id}.xml`;
/**
 * Site path of the sitemap: an index naming `sitemap-0.xml`, `sitemap-1.xml`… (the names
 * @astrojs/sitemap writes), only in builds with SITE_URL, since sitemaps need absolute URLs.
 */
export const SITEMAP_PATH = 'sitemap-index.xml';
/** Folder of the search index's files (manifest, shards, chunks), next to the search page. */
export const SEARCH_INDEX_PATH = SEARCH_PATH;
/** The service worker that keeps visited pages and the search readable offline (at the site's root). */
export const SERVICE_WORKER_PATH = 'sw.js';
/** The whole site as one archive, to download and mirror. */
export const ARCHIVE_PATH = 'data/site.zip';
