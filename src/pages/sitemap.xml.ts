import type { APIRoute } from 'astro';
import { buildLinks, textResponse } from '../downloads/respond.ts';
import { pagePaths, sitemapXml } from '../publish/sitemap.ts';

/**
 * /sitemap.xml: every HTML page, found from the page files themselves (dynamic routes through
 * their getStaticPaths), so pages added later are listed without touching this file.
 * The protocol needs absolute URLs: without SITE_URL the endpoint returns no body and Astro
 * writes no file (see the Data page).
 */
export const GET: APIRoute = async ({ site }) => {
  const links = buildLinks(site);
  if (!links.absolute) return new Response(null, { status: 404 });
  const modules = import.meta.glob<unknown>(['/src/pages/**/*.astro', '/src/pages/**/*.md', '/src/pages/**/*.mdx', '/src/pages/**/*.html']);
  return textResponse(sitemapXml(await pagePaths(modules), links), 'sitemap.xml');
};
