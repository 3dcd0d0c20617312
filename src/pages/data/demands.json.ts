import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/demands.json: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('demands.json', site);
