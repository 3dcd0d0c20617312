import type { APIRoute, GetStaticPaths } from 'astro';
import { JSON_DOWNLOADS } from '../../downloads/catalogue.ts';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/<name>.schema.json: the JSON Schema of each JSON download, generated from its zod schema. */
export const getStaticPaths = (() => JSON_DOWNLOADS.map((d) => ({ params: { name: d.name.replace(/\.json$/, '') } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => downloadResponse(`${params.name}.schema.json`, site);
