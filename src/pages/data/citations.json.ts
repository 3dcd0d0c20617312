import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/citations.json: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('citations.json', site);
