/// <reference types="node" />
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, startServer, type RunningServer } from '../../scripts/tools/serve.mjs';

const SERVE_SCRIPT = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** Raw HTTP request: unlike fetch(), keeps the path byte-for-byte ("..", "%2f") and doesn't gunzip. */
function get(
  port: number,
  rawPath: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const LONG_CSS = 'body { color: rgb(10, 20, 30); }\n'.repeat(200);
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title><h1>Home</h1>',
  'about/index.html': '<!doctype html><title>About</title><h1>About</h1>',
  'empty-dir/.keep': '',
  '404.html': '<!doctype html><title>Not found</title><h1>Page not found</h1>',
  'style.css': LONG_CSS,
  'app.js': 'console.log(1);',
  'data.json': '{"a":1}',
  'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'sitemap.xml': '<urlset/>',
  'robots.txt': 'User-agent: *',
  'table.csv': 'a,b\n1,2\n',
  'site.webmanifest': '{}',
  'pixel.png': '\x89PNG',
  'favicon.ico': '\0\0\x01\0',
  'blob.bin': 'xyz',
  'Ünïcode dir/index.html': '<h1>unicode</h1>',
  '_astro/app.123.js': 'export {};',
  _headers: [
    '# comment',
    '/*',
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '/about/',
    '  X-Page: about',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/robots.txt',
    '  ! X-Frame-Options',
    '/kz/*',
    '  X-Under-Kz: yes',
    'https://example.com/*',
    '  X-Ignored: yes',
  ].join('\n'),
};

let tmp: string;
let site: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  site = path.join(tmp, 'site');
  for (const [rel, content] of Object.entries(FILES)) {
    const file = path.join(site, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content, 'latin1');
  }
  writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  mkdirSync(path.join(tmp, 'bare'));
  writeFileSync(path.join(tmp, 'bare', 'index.html'), '<h1>bare</h1>');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('serve.mjs at base /', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dir: site, base: '/', port: 0 });
  });
  afterAll(() => server.close());

  it('reports a random port and a URL ending with the base', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves / and /dir/ from index.html with HTML headers', async () => {
    const home = await get(server.port, '/');
    expect(home.status).toBe(200);
    expect(home.text).toBe(FILES['index.html']);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-cache');

    const about = await get(server.port, '/about/');
    expect(about.status).toBe(200);
    expect(about.text).toBe(FILES['about/index.html']);

    const unicode = await get(server.port, '/' + encodeURIComponent('Ünïcode dir') + '/');
    expect(unicode.status).toBe(200);
  });

  it('redirects a directory without trailing slash (301), keeping the query', async () => {
    const res = await get(server.port, '/about');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/about/');
    const withQuery = await get(server.port, '/about?x=1&y=2');
    expect(withQuery.status).toBe(301);
    expect(withQuery.headers.location).toBe('/about/?x=1&y=2');
  });

  it('answers unknown paths with 404 and the 404.html body', async () => {
    for (const p of ['/missing', '/nope/deeper/', '/empty-dir/', '/empty-dir', '/style.css/', '/index.html/x']) {
      const res = await get(server.port, p);
      expect(res.status, p).toBe(404);
      expect(res.text, p).toBe(FILES['404.html']);
      expect(res.headers['content-type'], p).toBe('text/html; charset=utf-8');
    }
  });

  it('sets Content-Type per extension (utf-8 for text), no-cache only for HTML', async () => {
    const expected: Record<string, string> = {
      '/style.css': 'text/css; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/logo.svg': 'image/svg+xml; charset=utf-8',
      '/sitemap.xml': 'application/xml; charset=utf-8',
      '/robots.txt': 'text/plain; charset=utf-8',
      '/table.csv': 'text/csv; charset=utf-8',
      '/site.webmanifest': 'application/manifest+json; charset=utf-8',
      '/pixel.png': 'image/png',
      '/favicon.ico': 'image/x-icon',
      '/blob.bin': 'application/octet-stream',
    };
    for (const [p, type] of Object.entries(expected)) {
      const res = await get(server.port, p);
      expect(res.status, p).toBe(200);
      expect(res.headers['content-type'], p).toBe(type);
      expect(res.headers['cache-control'], p).toBeUndefined();
    }
  });

  it('rejects path traversal without leaking files outside the directory', async () => {
    const attempts = [
      '/../secret.txt',
      '/about/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/about/..%2F..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.css',
      '/%E0%A4%A',
    ];
    for (const p of attempts) {
      const res = await get(server.port, p);
      expect([400, 404], p).toContain(res.status);
      expect(res.text, p).not.toContain('TOP SECRET');
    }
  });

  it('supports HEAD: same headers, no body', async () => {
    const getRes = await get(server.port, '/style.css');
    const head = await get(server.port, '/style.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(getRes.headers['content-length']);
    expect(head.headers['content-type']).toBe('text/css; charset=utf-8');
    const missing = await get(server.port, '/missing', { method: 'HEAD' });
    expect(missing.status).toBe(404);
    expect(missing.body.length).toBe(0);
  });

  it('refuses other methods with 405', async () => {
    const res = await get(server.port, '/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('gzips compressible responses when accepted, with Vary', async () => {
    const gz = await get(server.port, '/style.css', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gz.body.length).toBeLessThan(LONG_CSS.length);
    expect(gunzipSync(gz.body).toString()).toBe(LONG_CSS);

    const plain = await get(server.port, '/style.css');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.text).toBe(LONG_CSS);

    const refused = await get(server.port, '/style.css', { headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers['content-encoding']).toBeUndefined();

    const html404 = await get(server.port, '/missing', { headers: { 'accept-encoding': 'gzip' } });
    expect(html404.status).toBe(404);
    expect(gunzipSync(html404.body).toString()).toBe(FILES['404.html']);

    const png = await get(server.port, '/pixel.png', { headers: { 'accept-encoding': 'gzip' } });
    expect(png.headers['content-encoding']).toBeUndefined();
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await get(server.port, '/style.css');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const second = await get(server.port, '/style.css', { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('applies _headers rules (exact, splat, removal, override of defaults)', async () => {
    const home = await get(server.port, '/');
    expect(home.headers['x-frame-options']).toBe('DENY');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['x-page']).toBeUndefined();
    expect(home.headers['x-ignored']).toBeUndefined();

    const about = await get(server.port, '/about/');
    expect(about.headers['x-page']).toBe('about');
    expect(about.headers['x-frame-options']).toBe('DENY');

    const asset = await get(server.port, '/_astro/app.123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const robots = await get(server.port, '/robots.txt');
    expect(robots.headers['x-frame-options']).toBeUndefined();
    expect(robots.headers['x-content-type-options']).toBe('nosniff');

    const notFound = await get(server.port, '/missing');
    expect(notFound.headers['x-frame-options']).toBe('DENY');
  });

  it('never serves the _headers file itself', async () => {
    const res = await get(server.port, '/_headers');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('X-Frame-Options');
  });
});

describe('serve.mjs at base /kz/', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dir: site, base: 'kz', port: 0 });
  });
  afterAll(() => server.close());

  it('normalises the base and serves only under it', async () => {
    expect(server.base).toBe('/kz/');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/kz/`);
    expect((await get(server.port, '/kz/')).text).toBe(FILES['index.html']);
    expect((await get(server.port, '/kz/about/')).text).toBe(FILES['about/index.html']);
    expect((await get(server.port, '/kz/style.css')).status).toBe(200);
    for (const outside of ['/', '/about/', '/style.css', '/kzabout/', '/kz-x/']) {
      const res = await get(server.port, outside);
      expect(res.status, outside).toBe(404);
    }
  });

  it('redirects the bare base and directories to their slash form', async () => {
    const bare = await get(server.port, '/kz');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/kz/');
    const about = await get(server.port, '/kz/about');
    expect(about.status).toBe(301);
    expect(about.headers.location).toBe('/kz/about/');
  });

  it('serves 404.html for unknown paths under the base', async () => {
    const res = await get(server.port, '/kz/nope/deeper/');
    expect(res.status).toBe(404);
    expect(res.text).toBe(FILES['404.html']);
  });

  it('matches _headers patterns against the full request path', async () => {
    expect((await get(server.port, '/kz/')).headers['x-under-kz']).toBe('yes');
  });
});

describe('serve.mjs edge cases', () => {
  it('sends a plain 404 when there is no 404.html', async () => {
    const server = await startServer({ dir: path.join(tmp, 'bare'), port: 0 });
    try {
      const res = await get(server.port, '/missing');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    } finally {
      await server.close();
    }
  });

  it('rejects a directory that does not exist, telling to build first', async () => {
    await expect(startServer({ dir: path.join(tmp, 'no-such-dist'), port: 0 })).rejects.toThrow(/npm run build/);
  });

  it('close() resolves even with keep-alive connections open', async () => {
    const server = await startServer({ dir: site, port: 0 });
    await fetch(server.url); // fetch keeps the socket alive
    await expect(server.close()).resolves.toBeUndefined();
  });

  it('parses _headers patterns', () => {
    const [rule] = parseHeadersFile('/docs/:slug/*\n  A: b');
    expect(rule!.regex.test('/docs/x/y/z')).toBe(true);
    expect(rule!.regex.test('/docs/x')).toBe(false);
    expect(rule!.set).toEqual([['A', 'b']]);
  });

  it('runs as a CLI with env defaults and prints the URL', async () => {
    const child = spawn(process.execPath, [SERVE_SCRIPT, '--port', '0'], {
      env: { ...process.env, OUT_DIR: site, BASE_PATH: '/kz/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
        setTimeout(() => reject(new Error('no output from serve.mjs')), 10_000);
      });
      const match = /^Serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/kz\/)$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(match![1]).toBe(site);
      const res = await get(Number(match![3]), '/kz/about/');
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
