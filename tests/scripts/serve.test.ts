/// <reference types="node" />
// scripts/tools/serve.ts (npm run preview): the static-host rules the site relies on, on a small
// folder. What sirv and compression do themselves (MIME types, ETags, ranges) is theirs to test;
// here, that they are wired in.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, startServer, type RunningServer } from '../../scripts/tools/serve.ts';
import { ROOT } from './gate-helpers.ts';

/** A raw request: unlike fetch(), keeps the path as written ("..") and does not gunzip. */
function get(port: number, rawPath: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const HEADERS_FILE = ['# every response', '/*', '  X-Frame-Options: DENY', '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', '/kz/about/', '  X-Page: about', 'https://example.com/*', '  X-Ignored: yes'].join('\n');
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title>',
  'about/index.html': '<!doctype html><title>About</title>',
  '404.html': '<!doctype html><title>Not found</title>',
  '_astro/site.css': 'body { color: rgb(10, 20, 30); }\n'.repeat(200),
  _headers: HEADERS_FILE,
};

const tmp = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
const site = path.join(tmp, 'site');
let root: RunningServer;
let kz: RunningServer;

beforeAll(async () => {
  for (const [rel, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    writeFileSync(path.join(site, rel), content);
  }
  writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  root = await startServer({ dir: site, base: '/' });
  kz = await startServer({ dir: site, base: 'kz' });
});

afterAll(async () => {
  await root?.close();
  await kz?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the preview server', () => {
  it('serves a folder as its index.html, and redirects it without its slash, keeping the query', async () => {
    expect(root.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const about = await get(root.port, '/about/');
    expect([about.status, about.headers['content-type'], about.body.toString()]).toEqual([200, 'text/html;charset=utf-8', FILES['about/index.html']]);
    const bare = await get(root.port, '/about?q=1');
    expect([bare.status, bare.headers.location]).toEqual([301, '/about/?q=1']);
  });

  it('answers a missing path, at any depth, with 404 and 404.html', async () => {
    for (const p of ['/nope', '/nope/deeper/', '/about/missing.css']) {
      const res = await get(root.port, p);
      expect([p, res.status, res.body.toString()]).toEqual([p, 404, FILES['404.html']]);
    }
  });

  it('serves only under its base: the bare base redirects, outside is 404', async () => {
    expect(kz.url.endsWith('/kz/')).toBe(true);
    expect((await get(kz.port, '/kz')).headers.location).toBe('/kz/');
    expect((await get(kz.port, '/kz/about/')).body.toString()).toBe(FILES['about/index.html']);
    expect((await get(kz.port, '/about/')).status).toBe(404);
  });

  it('sends the _headers rules that match the full request path, on pages, assets, 404s and redirects; never the file itself', async () => {
    expect((await get(root.port, '/')).headers['x-frame-options']).toBe('DENY');
    expect((await get(root.port, '/_astro/site.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(root.port, '/nope/')).headers['x-frame-options']).toBe('DENY');
    expect((await get(root.port, '/about')).headers['x-frame-options']).toBe('DENY');
    expect((await get(kz.port, '/kz/about/')).headers['x-page']).toBe('about');
    expect((await get(root.port, '/about/')).headers['x-page']).toBeUndefined();
    expect((await get(root.port, '/_headers')).status).toBe(404);
  });

  it('gzips when the client accepts it', async () => {
    const res = await get(root.port, '/_astro/site.css', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(FILES['_astro/site.css']);
    expect((await get(root.port, '/_astro/site.css')).headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD without a body, refuses other methods, and never leaves its folder', async () => {
    const head = await get(root.port, '/about/', { method: 'HEAD' });
    expect([head.status, head.body.length]).toEqual([200, 0]);
    expect((await get(root.port, '/', { method: 'POST' })).status).toBe(405);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/about/..%2f..%2fsecret.txt']) {
      const res = await get(root.port, p);
      expect(res.body.toString(), p).not.toContain('TOP SECRET');
    }
  });

  it('refuses a folder that does not exist, saying to build first', async () => {
    await expect(startServer({ dir: path.join(tmp, 'no-such-build') })).rejects.toThrow(/no such folder \(run "npm run build" first\)/);
  });

  it('runs as npm run preview, printing where it serves', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--dir', site, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c;
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(line).toMatch(/^Serving .*site\/ at http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      child.kill();
    }
  });
});

describe('_headers', () => {
  it('reads patterns with splats and placeholders, skipping comments and other hosts', () => {
    const rules = parseHeadersFile(`${HEADERS_FILE}\n/people/:id/\n  X-Person: yes`);
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/_astro/*', '/kz/about/', '/people/:id/']);
    expect([...headersFor(rules, '/people/kozlov/').keys()]).toEqual(['x-frame-options', 'x-person']);
    expect([...headersFor(rules, '/people/kozlov/more/').keys()]).toEqual(['x-frame-options']);
  });
});
