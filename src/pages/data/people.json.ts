import type { APIRoute } from 'astro';
import { downloadResponse } from '../../lib/data/astro.ts';

/** /data/people.json: see src/lib/data/catalogue.ts. */
export const GET: APIRoute = ({ site }) => downloadResponse('people.json', site);
