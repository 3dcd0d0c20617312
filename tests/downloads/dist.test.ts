// Checks the BUILT site (dist/): the downloads are the bytes the pure functions give, their counts
// match the pages, feeds and sitemap are well-formed XML. `npm test` builds it first; alone, run
// `npm run build` first.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOWNLOADS, JSON_DOWNLOADS, renderAll } from '../../src/downloads/catalogue.ts';
import { childText, parseXml } from '../helpers/xml-check.ts';
import { model } from '../helpers/model.ts';
import { makeLinks, previewPath, DEFAULT_PREVIEW, SITEMAP_PATH } from '../../src/site/paths.ts';
import { PAGE_CSP_DIRECTIVES, metaPolicies, parseCsp } from '../../src/publish/headers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// DATA_TEST_DIST=some/dir adds another build, e.g. one made with SITE_URL (the only kind with a sitemap).
const TARGETS = [
  { dir: 'dist', required: true },
  ...(process.env.DATA_TEST_DIST ? [{ dir: process.env.DATA_TEST_DIST, required: true }] : []),
].filter((t) => t.required || existsSync(path.join(ROOT, t.dir, 'index.html')));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe.each(TARGETS)('built site $dir', ({ dir }) => {
  const abs = path.join(ROOT, dir);
  if (!existsSync(path.join(abs, 'index.html'))) throw new Error(`${dir}/index.html is missing: run npm run build first`);
  const read = (rel: string) => readFileSync(path.join(abs, rel), 'utf8');
  const site = model();
  // The build's base path and SITE_URL, read back from what it wrote.
  const firstDemand = (JSON.parse(read('data/demands.json')) as Array<{ permalink: string }>)[0]!.permalink;
  const url = /^https?:/.test(firstDemand) ? new URL(firstDemand) : undefined;
  const pathname = url ? url.pathname : firstDemand;
  const base = pathname.replace(/procedures\/.*$/, '');
  const links = makeLinks(base, url?.origin);
  const files = renderAll(site, links);
  const htmlFiles = walk(abs).filter((f) => f.endsWith('.html'));

  it('every download and schema is the exact output of the pure functions', () => {
    for (const d of DOWNLOADS) expect(read(`data/${d.name}`), d.name).toBe(files.get(d.name));
    for (const d of JSON_DOWNLOADS) expect(read(`data/${d.schema}`), d.schema).toBe(files.get(d.schema));
  });

  it('demands.json count = model demand count = demand elements on the procedure pages', () => {
    const json = JSON.parse(read('data/demands.json')) as Array<{ id: string }>;
    expect(json).toHaveLength(site.demands.length);
    const onPages = new Set<string>();
    for (const p of site.procedures) {
      const html = read(`procedures/${p.slug}/index.html`);
      const ids = [...html.matchAll(/\sid="demand-([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(ids).size, `${p.slug}: duplicate demand ids`).toBe(ids.length);
      ids.forEach((id) => onPages.add(id));
    }
    expect(onPages.size).toBe(json.length);
    expect([...onPages].sort()).toEqual(json.map((d) => d.id).sort());
  });

  it('feeds are well-formed Atom', () => {
    const feeds = walk(path.join(abs, 'feeds')).filter((f) => f.endsWith('.xml'));
    expect(feeds.length).toBe(1 + site.themes.filter((t) => site.demands.some((d) => d.themes.includes(t.id))).length);
    for (const f of feeds) {
      const root = parseXml(readFileSync(f, 'utf8'));
      expect(root.name, f).toBe('feed');
    }
  });

  it('a sitemap exists only with SITE_URL, and then lists exactly the HTML pages but 404', () => {
    const robots = read('robots.txt');
    const sitemaps = walk(abs).filter((f) => /\/sitemap[^/]*\.xml$/.test(f));
    if (!links.absolute) {
      expect(sitemaps).toEqual([]);
      expect(robots).not.toMatch(/Sitemap:/);
      return;
    }
    // robots.txt → the index → its sitemaps → the pages.
    expect(robots).toContain(`Sitemap: ${links.url(SITEMAP_PATH)}`);
    const index = parseXml(read(SITEMAP_PATH));
    expect(index.name).toBe('sitemapindex');
    const locs = index.children.flatMap((entry) => {
      const url = childText(entry, 'loc')!;
      expect(url.startsWith(links.url(''))).toBe(true);
      const urlset = parseXml(read(url.slice(links.url('').length)));
      expect(urlset.name).toBe('urlset');
      // No lastmod, priority or changefreq: the build has no dates of its own to give.
      for (const u of urlset.children) expect(u.children.map((c) => c.name)).toEqual(['loc']);
      return urlset.children.map((u) => childText(u, 'loc')!);
    });
    const pages = htmlFiles
      .map((f) => path.relative(abs, f).split(path.sep).join('/'))
      .filter((f) => f !== '404.html' && !/<meta[^>]+http-equiv=["']?refresh/i.test(read(f)))
      .map((f) => links.url(f.replace(/index\.html$/, '')));
    expect([...locs].sort()).toEqual([...pages].sort());
  });

  it("every page's CSP <meta> and the _headers CSP: nothing from another origin, no plugins, no <base>, forms to this site only, no 'unsafe-inline'", () => {
    const header = /^  Content-Security-Policy: (.*)$/m.exec(read('_headers'))?.[1] ?? '';
    const headerPolicy = parseCsp(header);
    for (const d of PAGE_CSP_DIRECTIVES) {
      const [name, ...sources] = d.split(' ');
      expect(headerPolicy.get(name!), `_headers: ${name}`).toEqual(sources);
    }
    expect(headerPolicy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const f of htmlFiles) {
      const metas = metaPolicies(readFileSync(f, 'utf8'));
      expect(metas, f).toHaveLength(1);
      const policy = parseCsp(metas[0]!);
      for (const d of PAGE_CSP_DIRECTIVES) {
        const [name, ...sources] = d.split(' ');
        expect(policy.get(name!), `${f}: ${name}`).toEqual(sources);
      }
      // The header allows what the page's own policy allows (a browser applies both).
      for (const d of ['script-src', 'style-src']) {
        for (const source of policy.get(d) ?? []) expect(headerPolicy.get(d), `${f}: ${d} ${source} missing from _headers`).toContain(source);
      }
      for (const sources of [...policy.values(), ...headerPolicy.values()]) expect(sources).not.toContain("'unsafe-inline'");
    }
  });

  it('has _headers (under the base), .nojekyll and the preview images', () => {
    const headers = read('_headers');
    expect(headers).toContain(`\n${links.base}*\n`);
    expect(headers).toContain(`\n${links.base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`);
    expect(existsSync(path.join(abs, '.nojekyll'))).toBe(true);
    for (const p of [...site.procedures.map((x) => previewPath(x.slug)), DEFAULT_PREVIEW]) {
      expect(readFileSync(path.join(abs, p)).subarray(1, 4).toString(), p).toBe('PNG');
    }
  });

  it('every JSON-LD block on every page is valid JSON with a schema.org context', () => {
    let blocks = 0;
    for (const f of htmlFiles) {
      for (const m of readFileSync(f, 'utf8').matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
        const data = JSON.parse(m[1]!) as Record<string, unknown>;
        expect(data['@context'], f).toBe('https://schema.org');
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(0);
  });

  it('the Data page links every file and its schema', () => {
    // Links are page-relative (src/publish/relative-links.ts): compare where they lead.
    const page = new URL(links.path('data/'), 'http://site.invalid');
    const targets = [...read('data/index.html').matchAll(/href="([^"]*)"/g)].map((m) => new URL(m[1]!, page).pathname);
    for (const d of DOWNLOADS) expect(targets).toContain(links.path(`data/${d.name}`));
    for (const d of JSON_DOWNLOADS) expect(targets).toContain(links.path(`data/${d.schema}`));
  });
});
