import type { APIRoute, GetStaticPaths } from 'astro';
import { headersFile } from '../publish/headers.ts';

/**
 * Writes `_headers` at the root of the build (a file name starting with "_" cannot be a page
 * file, hence the parameter). Generated rather than in public/ because its path patterns
 * include the base path.
 */
export const getStaticPaths = (() => [{ params: { hostfile: '_headers' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(headersFile(import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
