import type { APIRoute } from 'astro';
import { getSite } from '../../content/get-site.ts';
import { buildLinks, textResponse } from '../../downloads/respond.ts';
import { resolutionsFeed } from '../../publish/feeds.ts';

/** /feeds/resolutions.xml: Atom feed of every resolution, newest first. */
export const GET: APIRoute = async ({ site }) => textResponse(resolutionsFeed(await getSite(), buildLinks(site)), 'resolutions.xml');
