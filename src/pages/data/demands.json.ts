import type { APIRoute } from 'astro';
import { downloadResponse } from '../../lib/data/astro.ts';

/** /data/demands.json: see src/lib/data/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('demands.json', site);
