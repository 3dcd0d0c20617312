// Serves a built site as a static host does (npm run preview), on maintained packages: sirv serves
// the files, compression gzips them. Around them, three small rules of a static host:
//
//   node scripts/serve.mjs [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]
//
// - only under the base path (`--base`, default $BASE_PATH or /; the built pages link
//   page-relative, so any base works for the same dist/); `/kz` → 301 `/kz/`;
// - a folder without its trailing slash → 301 to it with the slash (page-relative links need it);
//   `/x/` serves `x/index.html`;
// - anything missing → 404 with `404.html`; `_headers`/`_redirects` are never served;
// - the headers of a Netlify/Cloudflare-style `_headers` file, matched against the full request
//   path (what `parseHeadersFile` reads is said on it), on every response, 404s and redirects too.
//
// Also imported by the tests and `npm run audit`: `startServer({ dir, base, port: 0 })`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import compression from 'compression';
import sirv from 'sirv';
import { normalizeBase } from '../../src/site/paths.ts';
import { isMain } from './lib/is-main.mjs';

/** Files a host reads and never serves. */
const HOST_FILES = new Set(['_headers', '_redirects']);

export interface HeaderRule {
  pattern: string;
  regex: RegExp;
  headers: Array<[name: string, value: string]>;
}

/**
 * A `_headers` file: a path pattern on its own line, then indented `Name: value` lines. `*` matches
 * anything (including "/"), `:name` one path segment; `#` starts a comment. Patterns with a host
 * (`https://…`) and Cloudflare's `! Name` (unset) lines are ignored: the site writes neither.
 * Hand-written: the file's format is a dozen lines of rules, and the packages that read it
 * (@netlify/headers-parser) bring a TOML stack for netlify.toml and still leave the matching to us.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const source = pattern
        .split(/(\*|:[A-Za-z_]\w*)/)
        .map((piece) => (piece === '*' ? '.*' : piece.startsWith(':') ? '[^/]+' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      current = pattern.startsWith('/') ? { pattern, regex: new RegExp(`^${source}$`), headers: [] } : undefined;
      if (current) rules.push(current);
      continue;
    }
    const colon = line.indexOf(':');
    if (current && colon > 0 && !line.trim().startsWith('!')) current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers `rules` give `pathname`; a header set by several rules gets their values joined by ", ". */
export function headersFor(rules: HeaderRule[], pathname: string): Map<string, { name: string; value: string }> {
  const set = new Map<string, { name: string; value: string }>();
  for (const rule of rules) {
    if (!rule.regex.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const prev = set.get(name.toLowerCase());
      set.set(name.toLowerCase(), { name, value: prev ? `${prev.value}, ${value}` : value });
    }
  }
  return set;
}

export interface ServerOptions {
  /** Folder to serve (default $OUT_DIR or dist, relative to the working directory). */
  dir?: string;
  /** Path to serve it under (default $BASE_PATH or /). */
  base?: string;
  /** 0 = any free port (default). */
  port?: number;
  host?: string;
  /** One line per request on stdout. */
  log?: boolean;
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:4321/kz/": always ends with the base. */
  url: string;
  /** e.g. "http://127.0.0.1:4321". */
  origin: string;
  port: number;
  base: string;
  /** Absolute folder served. */
  dir: string;
  close(): Promise<void>;
}

/** Starts a server. Rejects when the folder does not exist or the port is taken. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dir = path.resolve(options.dir ?? process.env.OUT_DIR ?? 'dist');
  const base = normalizeBase(options.base ?? process.env.BASE_PATH);
  const host = options.host ?? '127.0.0.1';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Cannot serve ${dir}: no such folder (run "npm run build" first)`);

  const headersFile = path.join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  // etag + dev: every request looks at the disk (a rebuild swaps dist/ under a running preview)
  // and is revalidated, as on a host; `_headers` rules set before sirv win over its defaults.
  const files = sirv(dir, { dev: true, etag: true, dotfiles: false });
  const gzip = compression();

  /** The file a decoded, base-relative path names, if it stays inside `dir`. */
  const inDir = (rel: string) => {
    const abs = path.join(dir, rel);
    return abs === dir || abs.startsWith(dir + path.sep) ? abs : undefined;
  };

  const notFound = (res: ServerResponse) => {
    const page = path.join(dir, '404.html');
    res.statusCode = 404;
    if (!existsSync(page)) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('404 Not Found\n');
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(page));
  };

  const redirect = (res: ServerResponse, location: string) => {
    res.statusCode = 301;
    res.setHeader('Location', location);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`Redirecting to ${location}\n`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      res.end('400 Bad Request\n');
      return;
    }
    for (const { name, value } of headersFor(rules, pathname).values()) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end('405 Method Not Allowed\n');
      return;
    }
    if (base !== '/' && url.pathname === base.slice(0, -1)) return redirect(res, base + url.search);
    if (!pathname.startsWith(base) || pathname.split('/').includes('..')) return notFound(res);
    const rel = pathname.slice(base.length);
    if (HOST_FILES.has(rel)) return notFound(res);
    const abs = inDir(rel);
    if (!abs) return notFound(res);
    if (!pathname.endsWith('/') && existsSync(path.join(abs, 'index.html'))) return redirect(res, `${url.pathname}/${url.search}`);
    req.url = `/${url.pathname.slice(base.length)}${url.search}`;
    files(req, res, () => notFound(res));
  };

  const server = createServer((req, res) => {
    if (options.log) {
      const started = Date.now();
      res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    }
    gzip(req as Parameters<typeof gzip>[0], res as Parameters<typeof gzip>[1], () => handle(req, res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: origin + base,
    origin,
    port,
    base,
    dir,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // a browser's keep-alive sockets would hold close() open
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      base: { type: 'string' },
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run preview -- [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]\nDefaults: --dir $OUT_DIR or dist, --base $BASE_PATH or /');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${values.port}`);
  const running = await startServer({ dir: values.dir, base: values.base, port, host: values.host, log: true });
  console.log(`Serving ${path.relative(process.cwd(), running.dir) || '.'}/ at ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isMain(import.meta.url)) {
  main().catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `serve: port already in use; pick another with --port` : `serve: ${error.message}`);
    process.exit(1);
  });
}
