// Glue between the pure data modules and Astro endpoints/pages: the site model, the configured
// base path and SITE_URL. Import only from .astro pages and src/pages endpoints.
import { getSite } from '../content/get-site.ts';
import { renderFile } from './catalogue.ts';
import { makeLinks, type Links } from '../site/paths.ts';

/** Links for this build: `BASE_PATH` and, when set, `SITE_URL` (Astro's `site`). */
export function buildLinks(site: URL | undefined): Links {
  return makeLinks(import.meta.env.BASE_URL, site);
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8; header=present',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const typeFor = (name: string) => TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

/** A text response (static build: only the body is written out; the type serves `astro dev`). */
export function textResponse(body: string, name: string): Response {
  return new Response(body, { headers: { 'Content-Type': typeFor(name) } });
}

/** The response for one download under /data/. */
export async function downloadResponse(name: string, site: URL | undefined): Promise<Response> {
  return textResponse(renderFile(await getSite(), buildLinks(site), name), name);
}
