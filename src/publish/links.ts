import { withBase } from '../site/paths.ts';

/**
 * How the open-data files, feeds and meta tags write links to this site.
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
  const b = base.endsWith('/') ? base : `${base}/`;
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
