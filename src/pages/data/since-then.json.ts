import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/since-then.json: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('since-then.json', site);
