import type { APIRoute } from 'astro';
import { downloadResponse } from '../../downloads/respond.ts';

/** /data/demands.csv: see src/downloads/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('demands.csv', site);
