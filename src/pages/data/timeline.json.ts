import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/timeline.json: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('timeline.json', site);
