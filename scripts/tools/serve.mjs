#!/usr/bin/env node
// Dependency-free static file server for the built site (dist/).
//
//   node scripts/serve.mjs [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]
//
// Defaults: --dir from $OUT_DIR or "dist", --base from $BASE_PATH or "/".
// Behaves like a static host: serves only under the base path, `/x/` → `/x/index.html`,
// `/x` → 301 `/x/` when that directory has an index.html, 404 with `<dir>/404.html`,
// gzip when accepted, `Cache-Control: no-cache` on HTML, and the headers from a
// Netlify/Cloudflare-style `<dir>/_headers` file (matched against the full request path).
// Also imported by the tests: `startServer({ dir, base, port: 0 })`.

import { createReadStream, readFileSync, statSync } from 'node:fs';
import { realpath, stat, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { isMain } from './lib/is-main.mjs';

const TEXT = '; charset=utf-8';
/** @type {Record<string, string>} */
const MIME = {
  '.html': 'text/html' + TEXT,
  '.htm': 'text/html' + TEXT,
  '.css': 'text/css' + TEXT,
  '.js': 'text/javascript' + TEXT,
  '.mjs': 'text/javascript' + TEXT,
  '.json': 'application/json' + TEXT,
  '.map': 'application/json' + TEXT,
  '.webmanifest': 'application/manifest+json' + TEXT,
  '.svg': 'image/svg+xml' + TEXT,
  '.xml': 'application/xml' + TEXT,
  '.rss': 'application/rss+xml' + TEXT,
  '.atom': 'application/atom+xml' + TEXT,
  '.xsl': 'application/xslt+xml' + TEXT,
  '.txt': 'text/plain' + TEXT,
  '.md': 'text/markdown' + TEXT,
  '.csv': 'text/csv' + TEXT,
  '.ics': 'text/calendar' + TEXT,
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};
const HIDDEN_FILES = new Set(['_headers', '_redirects']); // hosts consume these, never serve them

/** @param {string} file */
export function contentTypeFor(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** @param {string} p decoded path → URL path for a Location header */
const encodePath = (p) => encodeURI(p).replace(/[?#]/g, encodeURIComponent);

/** @param {string} type */
function isCompressible(type) {
  return /^text\/|json|javascript|xml|svg/.test(type);
}

/**
 * Normalise a base path to "/" or "/a/b/".
 * @param {string | undefined} base
 */
export function normalizeBase(base) {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** @param {string | undefined} header */
function acceptsGzip(header) {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    if (token === 'gzip' || token === 'x-gzip') return ok;
    if (token === '*') star = ok;
  }
  return star;
}

/**
 * @typedef {{ pattern: string, regex: RegExp, set: Array<[string, string]>, unset: string[] }} HeaderRule
 */

/**
 * Parse a Netlify/Cloudflare `_headers` file: a path pattern on its own line, then indented
 * `Name: value` lines (and Cloudflare's `! Name` to remove a header). `*` is a splat matching
 * anything (including "/"), `:name` a placeholder matching one path segment. Lines starting
 * with "#" are comments. Patterns with a scheme/host are ignored.
 * @param {string} text
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text) {
  /** @type {HeaderRule[]} */
  const rules = [];
  /** @type {HeaderRule | null} */
  let current = null;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const pattern = raw.trim();
      if (!pattern.startsWith('/')) {
        current = null; // e.g. https://host/path: not applicable to a local server
        continue;
      }
      const source = pattern
        .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
        .map((piece) =>
          piece === '*'
            ? '.*'
            : /^:[A-Za-z_]/.test(piece)
              ? '[^/]+'
              : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      current = { pattern, regex: new RegExp(`^${source}$`), set: [], unset: [] };
      rules.push(current);
      continue;
    }
    if (!current) continue;
    const line = raw.trim();
    if (line.startsWith('!')) {
      current.unset.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current.set.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Headers from the matching rules; values of a header set by several rules are joined with ", ".
 * @param {HeaderRule[]} rules
 * @param {string} pathname
 * @returns {{ set: Map<string, { name: string, value: string }>, unset: Set<string> }}
 */
export function headersFor(rules, pathname) {
  /** @type {Map<string, { name: string, value: string }>} */
  const set = new Map();
  /** @type {Set<string>} */
  const unset = new Set();
  for (const rule of rules) {
    if (!rule.regex.test(pathname)) continue;
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const prev = set.get(key);
      set.set(key, { name, value: prev ? `${prev.value}, ${value}` : value });
    }
    for (const key of rule.unset) unset.add(key);
  }
  for (const key of unset) set.delete(key);
  return { set, unset };
}

/**
 * @typedef {object} ServerOptions
 * @property {string | undefined} [dir]  directory to serve (default $OUT_DIR or "dist", relative to cwd)
 * @property {string | undefined} [base] base path (default $BASE_PATH or "/")
 * @property {number} [port] port; 0 = a random free port (default 0)
 * @property {string} [host] interface (default "127.0.0.1")
 * @property {boolean} [log] log one line per request (default false)
 */

/**
 * @typedef {object} RunningServer
 * @property {string} url     e.g. "http://127.0.0.1:4321/kz/" (always ends with the base)
 * @property {string} origin  e.g. "http://127.0.0.1:4321"
 * @property {number} port
 * @property {string} base    normalised base, "/" or "/a/"
 * @property {string} dir     absolute directory served
 * @property {import('node:http').Server} server
 * @property {() => Promise<void>} close
 */

/**
 * Start the server. Rejects when the directory doesn't exist or the port is taken.
 * @param {ServerOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const dir = path.resolve(options.dir ?? process.env.OUT_DIR ?? 'dist');
  const base = normalizeBase(options.base ?? process.env.BASE_PATH);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const log = options.log ?? false;

  let root;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new Error(`Cannot serve ${dir}: no such directory (run "npm run build" first)`);
  }

  /** @type {{ mtimeMs: number, rules: HeaderRule[] }} */
  let headerCache = { mtimeMs: -1, rules: [] };
  const headersPath = path.join(root, '_headers');
  /** @returns {HeaderRule[]} */
  const headerRules = () => {
    let mtimeMs;
    try {
      mtimeMs = statSync(headersPath).mtimeMs;
    } catch {
      return [];
    }
    if (mtimeMs !== headerCache.mtimeMs) {
      headerCache = { mtimeMs, rules: parseHeadersFile(readFileSync(headersPath, 'utf8')) };
    }
    return headerCache.rules;
  };

  /**
   * Resolve a decoded, base-relative path to a regular file inside root, or null.
   * @param {string} rel
   */
  const fileInRoot = async (rel) => {
    const abs = path.resolve(root, '.' + path.posix.sep + rel);
    if (abs !== root && !abs.startsWith(root + path.sep)) return null;
    try {
      const real = await realpath(abs); // refuse symlinks that leave root
      if (real !== root && !real.startsWith(root + path.sep)) return null;
      const st = await stat(real);
      return { path: real, stat: st };
    } catch {
      return null;
    }
  };

  const server = createServer(async (req, res) => {
    if (log) {
      const started = Date.now();
      res.on('finish', () =>
        console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`),
      );
    }
    try {
      await handle(req, res);
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' + TEXT });
        res.end('500 Internal Server Error\n');
      } else res.destroy();
      console.error(error);
    }
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.search(/[?#]/);
    let rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const search = q === -1 || rawUrl[q] === '#' ? '' : rawUrl.slice(q).replace(/#.*/, '');
    if (!rawPath.startsWith('/')) {
      try {
        rawPath = new URL(rawUrl).pathname; // absolute-form request target
      } catch {
        return sendText(res, req, 400, 'Bad Request');
      }
    }

    /** @param {string} pathname */
    const applyHostHeaders = (pathname) => {
      const { set, unset } = headersFor(headerRules(), pathname);
      for (const key of unset) res.removeHeader(key);
      for (const { name, value } of set.values()) res.setHeader(name, value);
    };

    let pathname;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return sendText(res, req, 400, 'Bad Request');
    }
    if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
      return sendText(res, req, 400, 'Bad Request');
    }
    pathname = pathname.replace(/\/{2,}/g, '/');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, req, 405, 'Method Not Allowed');
    }

    if (base !== '/' && pathname === base.slice(0, -1)) {
      return redirect(res, req, encodePath(base) + search, applyHostHeaders, pathname);
    }
    if (!pathname.startsWith(base)) return notFound(req, res, applyHostHeaders, pathname);

    const rel = pathname.slice(base.length);
    if (HIDDEN_FILES.has(rel)) return notFound(req, res, applyHostHeaders, pathname);

    const found = await fileInRoot(rel);
    if (found?.stat.isFile() && !pathname.endsWith('/')) {
      return sendFile(req, res, found.path, found.stat, 200, applyHostHeaders, pathname);
    }
    if (found?.stat.isDirectory()) {
      const index = await fileInRoot(path.posix.join(rel, 'index.html'));
      if (index?.stat.isFile()) {
        if (!pathname.endsWith('/')) {
          return redirect(res, req, encodePath(pathname + '/') + search, applyHostHeaders, pathname);
        }
        return sendFile(req, res, index.path, index.stat, 200, applyHostHeaders, pathname);
      }
    }
    return notFound(req, res, applyHostHeaders, pathname);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {(p: string) => void} applyHostHeaders
   * @param {string} pathname
   */
  async function notFound(req, res, applyHostHeaders, pathname) {
    const page = await fileInRoot('404.html');
    if (page?.stat.isFile()) {
      return sendFile(req, res, page.path, page.stat, 404, applyHostHeaders, pathname);
    }
    applyHostHeaders(pathname);
    return sendText(res, req, 404, 'Not Found');
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      const origin = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actualPort}`;
      resolve({
        url: origin + base,
        origin,
        port: actualPort,
        base,
        dir: root,
        server,
        close: () =>
          new Promise((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections(); // keep-alive sockets from browsers would block close()
          }),
      });
    });
  });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {import('node:http').IncomingMessage} req
 * @param {number} status
 * @param {string} message
 */
function sendText(res, req, status, message) {
  const body = `${status} ${message}\n`;
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain' + TEXT);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {import('node:http').IncomingMessage} req
 * @param {string} location
 * @param {(p: string) => void} applyHostHeaders
 * @param {string} pathname
 */
function redirect(res, req, location, applyHostHeaders, pathname) {
  const body = `Redirecting to ${location}\n`;
  res.statusCode = 301;
  res.setHeader('Location', location);
  res.setHeader('Content-Type', 'text/plain' + TEXT);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  applyHostHeaders(pathname);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @param {import('node:fs').Stats} st
 * @param {number} status
 * @param {(p: string) => void} applyHostHeaders
 * @param {string} pathname
 */
async function sendFile(req, res, file, st, status, applyHostHeaders, pathname) {
  const type = contentTypeFor(file);
  const compressible = isCompressible(type);
  const gzip = compressible && acceptsGzip(req.headers['accept-encoding']);
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;

  res.statusCode = status;
  res.setHeader('Content-Type', type);
  if (type.startsWith('text/html')) res.setHeader('Cache-Control', 'no-cache');
  if (compressible) res.setHeader('Vary', 'Accept-Encoding');
  if (status === 200) {
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', st.mtime.toUTCString());
  }
  applyHostHeaders(pathname); // host rules override the defaults above, as on Netlify/Cloudflare

  if (status === 200 && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
    res.statusCode = 304;
    res.removeHeader('Content-Type');
    res.end();
    return;
  }

  if (gzip) {
    const body = gzipSync(await readFile(file));
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.setHeader('Content-Length', st.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      base: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node scripts/serve.mjs [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]\n' +
        'Defaults: --dir $OUT_DIR or dist, --base $BASE_PATH or /',
    );
    return;
  }
  const dirArg = values.dir ?? process.env.OUT_DIR ?? 'dist';
  const port = Number(values.port ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port: ${values.port}`);
  }
  const running = await startServer({
    dir: dirArg,
    base: values.base ?? process.env.BASE_PATH,
    port,
    host: values.host ?? '127.0.0.1',
    log: true,
  });
  console.log(`Serving ${dirArg} at ${running.url}`);
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = isMain(import.meta.url);

if (invokedDirectly) {
  main().catch((error) => {
    const code = /** @type {{ code?: string }} */ (error).code;
    console.error(
      code === 'EADDRINUSE'
        ? `serve: port already in use (${error.message}); pick another with --port`
        : `serve: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  });
}
