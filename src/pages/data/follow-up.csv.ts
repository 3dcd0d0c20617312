import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/follow-up.csv: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('follow-up.csv', site);
