import type { APIRoute } from 'astro';
import { buildLinks, textResponse } from '../lib/data/astro.ts';
import { robotsTxt } from '../lib/data/sitemap.ts';

/** /robots.txt (under a sub-path base it is /kz/robots.txt, which crawlers ignore: the host root's rules apply). */
export const GET: APIRoute = ({ site }) => textResponse(robotsTxt(buildLinks(site)), 'robots.txt');
