import type { APIRoute } from 'astro';
import { getSite } from '../../lib/model/astro.ts';
import { buildLinks, textResponse } from '../../lib/data/astro.ts';
import { resolutionsFeed } from '../../lib/data/feeds.ts';

/** /feeds/resolutions.xml: Atom feed of every resolution, newest first. */
export const GET: APIRoute = async ({ site }) => textResponse(resolutionsFeed(await getSite(), buildLinks(site)), 'resolutions.xml');
