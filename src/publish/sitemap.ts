// sitemap.xml (sitemaps.org protocol 0.9). The protocol requires absolute URLs, so the sitemap
// exists only in builds with SITE_URL; robots.txt names it only then.
import { el } from './xml.ts';
import { type Links } from '../site/paths.ts';

/** A page module as `import.meta.glob` gives it: a dynamic route exports getStaticPaths. */
export interface PageModule {
  getStaticPaths?: (options: { paginate: Paginate; routePattern: string }) => unknown;
}
type Paginate = (data: readonly unknown[], opts?: { pageSize?: number; params?: Record<string, string> }) => unknown[];

/** Astro's `paginate`, enough for routes that use it: page 1 has no page param, then "2", "3"… */
const paginate: Paginate = (data, { pageSize = 10, params = {} } = {}) => {
  const last = Math.max(1, Math.ceil(data.length / pageSize));
  return Array.from({ length: last }, (_, i) => ({ params: { ...params, page: i === 0 ? undefined : String(i + 1) }, props: {} }));
};

const PAGE_FILE = /^\/src\/pages\/(.*)\.(astro|md|mdx|html)$/;

/** Route of a page file, or undefined for files that are not HTML pages (404, 500, `_` prefixed). */
export function routeOf(file: string): string | undefined {
  const m = PAGE_FILE.exec(file);
  if (!m) return undefined;
  const route = m[1]!.replace(/(^|\/)index$/, '');
  if (route.split('/').some((s) => s.startsWith('_'))) return undefined;
  if (route === '404' || route === '500') return undefined;
  return route;
}

/** Fills a route's [param] and [...rest] segments; an undefined rest param drops its segment. */
export function fillRoute(route: string, params: Record<string, string | number | undefined>): string {
  return route
    .split('/')
    .map((seg) =>
      seg.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest: string | undefined, name: string) => {
        const v = params[name];
        return v === undefined ? '' : String(v);
      }),
    )
    .filter((seg, i, all) => seg !== '' || i === all.length - 1)
    .join('/');
}

/** Every HTML page's site path (no base), with a trailing slash, sorted. */
export async function pagePaths(modules: Record<string, () => Promise<unknown>>): Promise<string[]> {
  const out = new Set<string>();
  for (const [file, load] of Object.entries(modules)) {
    const route = routeOf(file);
    if (route === undefined) continue;
    if (!route.includes('[')) {
      out.add(route ? `${route}/` : '');
      continue;
    }
    const mod = (await load()) as PageModule;
    if (!mod.getStaticPaths) continue;
    const paths = (await mod.getStaticPaths({ paginate, routePattern: route })) as Array<{ params: Record<string, string | number | undefined> }>;
    for (const p of paths.flat()) {
      const filled = fillRoute(route, p.params ?? {}).replace(/\/+$/, '');
      out.add(filled ? `${filled}/` : '');
    }
  }
  return [...out].sort();
}

/** The sitemap XML for site paths; links must be absolute. */
export function sitemapXml(paths: string[], links: Links): string {
  if (!links.absolute) throw new Error('a sitemap needs absolute URLs: build with SITE_URL');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((p) => `  <url>${el('loc', {}, links.url(p.split('/').map(encodeURIComponent).join('/')))}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything allowed; the sitemap named when there is one. */
export function robotsTxt(links: Links): string {
  return ['User-agent: *', 'Allow: /', ...(links.absolute ? ['', `Sitemap: ${links.url('sitemap.xml')}`] : []), ''].join('\n');
}
