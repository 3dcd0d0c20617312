import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/model/astro.ts';
import { buildLinks, textResponse } from '../../../lib/data/astro.ts';
import { themeFeed } from '../../../lib/data/feeds.ts';

/** /feeds/themes/<id>.xml: Atom feed of the resolutions with demands on one theme. */
export const getStaticPaths = (async () => (await getSite()).themes.map((t) => ({ params: { id: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const model = await getSite();
  return textResponse(themeFeed(model, model.themeById.get(params.id!)!, buildLinks(site)), `${params.id}.xml`);
};
