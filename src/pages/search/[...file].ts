import type { APIRoute } from 'astro';
import { getSite } from '../../content/get-site.ts';
import { toSearchDocs } from '../../search/docs.ts';
import { buildSearchIndex } from '../../search/build.ts';

let index: Promise<Map<string, string>> | undefined;
/** The sharded search index (see src/search/build.ts), built once per build. */
const getIndex = () => (index ??= getSite().then((site) => buildSearchIndex(toSearchDocs(site))));

export async function getStaticPaths() {
  const files = await getIndex();
  return [...files.keys()].map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const body = (await getIndex()).get(params.file!);
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
