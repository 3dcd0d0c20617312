import type { APIRoute } from 'astro';
import { buildLinks, textResponse } from '../downloads/respond.ts';
import { robotsTxt } from '../publish/robots.ts';

/** /robots.txt (under a sub-path base it is /kz/robots.txt, which crawlers ignore: the host root's rules apply). */
export const GET: APIRoute = ({ site }) => textResponse(robotsTxt(buildLinks(site)), 'robots.txt');
