import type { APIRoute } from 'astro';
import { downloadResponse } from '../../lib/data/astro.ts';

/** /data/themes.json: see src/lib/data/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('themes.json', site);
