import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../content/get-site.ts';
import { buildLinks, textResponse } from '../../../downloads/respond.ts';
import { themeFeed } from '../../../publish/feeds.ts';

/** /feeds/themes/<id>.xml: Atom feed of the resolutions with demands on one theme. */
export const getStaticPaths = (async () => (await getSite()).themes.map((t) => ({ params: { id: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const model = await getSite();
  return textResponse(themeFeed(model, model.themeById.get(params.id!)!, buildLinks(site)), `${params.id}.xml`);
};
