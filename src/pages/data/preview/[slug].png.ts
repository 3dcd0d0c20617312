import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../content/get-site.ts';
import { procedureCardSpec, siteCardSpec } from '../../../publish/previews/card.ts';
import { renderCardOffThread } from '../../../publish/previews/pool.ts';

/**
 * /data/preview/<slug>.png: a 1200×630 link-preview image per procedure, and site.png for the
 * rest of the site. Drawn at build time by src/publish/previews (no network, no font installed, no
 * image library), on worker threads (og/pool.ts): the same content gives the same bytes.
 */
export const getStaticPaths = (async () => [
  ...(await getSite()).procedures.map((p) => ({ params: { slug: p.slug } })),
  { params: { slug: 'site' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const p = site.bySlug.get(params.slug!);
  const png = await renderCardOffThread(p ? procedureCardSpec(p) : siteCardSpec(site));
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
