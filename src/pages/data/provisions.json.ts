import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/provisions.json: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('provisions.json', site);
