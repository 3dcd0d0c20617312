/// <reference types="node" />
// Performance budgets on the built site (dist/, which `npm test` builds before vitest) and on a
// small broken fixture that proves each check fails when it should. The measuring code and the
// table are scripts/budgets.mjs (also a CLI: `node scripts/budgets.mjs`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, KB, formatTable, formatViolations, measureSite, moduleImports, parseAttributes } from '../../scripts/tools/budgets.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUDGETS_SCRIPT = path.join(ROOT, 'scripts', 'budgets.mjs');
const DIST = path.resolve(ROOT, process.env.OUT_DIR ?? 'dist');

type Site = ReturnType<typeof measureSite>;
const rulesBroken = (site: Site, rule: string) => site.violations.filter((v) => v.rule === rule).map((v) => `${v.page}: ${v.message}`);

describe('budgets of the built site (dist/)', () => {
  let site: Site;

  beforeAll(() => {
    // No skipping: without a build there is nothing to measure, and that is a failure.
    if (!existsSync(path.join(DIST, 'index.html'))) {
      throw new Error(`no built site in ${DIST}: run "npm run build" first (npm test does)`);
    }
    site = measureSite(DIST, { base: process.env.BASE_PATH });
    console.log(`${formatTable(site)}${site.violations.length ? `\n\nOver budget:\n${formatViolations(site)}` : ''}`);
  });

  it('measures every page, including home, a procedure, search and the timeline', () => {
    const pages = site.rows.map((r) => r.page);
    expect(pages.length).toBeGreaterThan(10);
    for (const p of ['/', '/procedures/2019-2610/', '/search/', '/timeline/']) expect(pages).toContain(p);
  });

  it('every page: HTML + the CSS it loads (+ fonts) within 14 KB gzip', () => {
    expect(rulesBroken(site, 'critical')).toEqual([]);
  });

  it('no client JavaScript on pages that need none; at most 5 KB gzip on any page but /search/', () => {
    expect(rulesBroken(site, 'js')).toEqual([]);
  });

  it('no web fonts unless they fit the critical-path budget', () => {
    expect(rulesBroken(site, 'font')).toEqual([]);
  });

  it('images carry width/height and loading="lazy" below the fold', () => {
    expect(rulesBroken(site, 'image')).toEqual([]);
  });

  it('every referenced asset exists and comes from this site', () => {
    expect(rulesBroken(site, 'asset')).toEqual([]);
  });
});

describe('budget checks on a broken fixture', () => {
  let dir: string;
  let site: Site;
  /** Text that gzips to about `bytes` bytes (random bytes in base64: 4 characters per 3 bytes). */
  const noise = (bytes: number) => randomBytes(bytes).toString('base64');
  const page = (body: string, head = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>body{font-family:system-ui,sans-serif}</style>${head}</head><body><main>${body}</main></body></html>`;
  const write = (rel: string, text: string | Buffer) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'budgets-fixture-'));
    write('index.html', page('<h1>Fine</h1><p>Small page.</p><script type="application/ld+json">{"@type":"WebSite","name":"a<b onclick=1>"}</script>'));
    // A 20 KB (gzip) page, over 14 KB.
    write('big/index.html', page(`<h1>Big</h1><p>${noise(20 * KB)}</p>`));
    // Small HTML, but a 15 KB (gzip) stylesheet: over budget only when the CSS is counted.
    write('_astro/big.css', `.x{background:url(data:x,${noise(15 * KB)})}`);
    write('styled/index.html', page('<h1>Styled</h1>', '<link rel="stylesheet" href="/_astro/big.css"><link rel="stylesheet" media="print" href="/_astro/print.css">'));
    // A web font that doesn't fit.
    write('_astro/font.woff2', randomBytes(15 * KB));
    write('font/index.html', page('<h1>Font</h1>', `<style>@font-face{font-family:X;src:url(/_astro/font.woff2) format("woff2")}</style>`));
    // JavaScript where none is needed: an external module, an inline script, a handler attribute.
    write('_astro/tiny.js', 'console.log(1)');
    write('scripted/index.html', page('<h1>Scripted</h1><button onclick="go()">Go</button><script type="module" src="/_astro/tiny.js"></script><script>window.x=1</script>'));
    // A page that needs JS, over 5 KB gzip only through the chunk its entry imports.
    write('_astro/entry.js', 'import{a}from"./chunk.js";a();');
    write('_astro/chunk.js', `export const a=()=>${JSON.stringify(noise(6 * KB))};`);
    write('heavy/index.html', page('<h1>Heavy</h1><script type="module" src="/_astro/entry.js"></script>'));
    // The search page may have more.
    write('_astro/search.js', `export const s=${JSON.stringify(noise(30 * KB))};`);
    write('search/index.html', page('<h1>Search</h1><script type="module" src="/_astro/search.js"></script>'));
    // Images: a sized eager hero above the fold is fine; unsized, and eager below the fold, are not.
    write(
      'images/index.html',
      page(
        '<h1>Images</h1><img src="/hero.png" width="800" height="400" alt=""><h2>More</h2>' +
          '<img src="/a.png" alt="" loading="lazy"><img src="/b.png" width="10" height="10" alt="">' +
          '<img src="/c.png" width="10" height="10" loading="lazy" alt="">',
      ),
    );
    site = measureSite(dir, { needsJs: ['/search/', '/heavy/'], uncappedJs: ['/search/'] });
    console.log(formatTable(site));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const row = (p: string) => {
    const r = site.rows.find((x) => x.page === p);
    if (!r) throw new Error(`no row for ${p}`);
    return r;
  };
  const rulesOf = (p: string) => [...new Set(row(p).violations.map((v) => v.rule))].sort();

  it('passes a small page with inline CSS and a JSON-LD data block', () => {
    expect(row('/').violations).toEqual([]);
    expect(row('/').js).toEqual([]);
  });

  it('fails a 20 KB page', () => {
    expect(row('/big/').critical).toBeGreaterThan(DEFAULTS.criticalBytes);
    expect(rulesOf('/big/')).toEqual(['critical']);
  });

  it('counts the stylesheets a page loads, but not print ones', () => {
    expect(row('/styled/').css.map((c) => c.url)).toEqual(['/_astro/big.css']);
    expect(row('/styled/').missing).toEqual([]);
    expect(rulesOf('/styled/')).toEqual(['critical']);
  });

  it('counts web fonts on the critical path and names them', () => {
    expect(row('/font/').fonts.map((f) => f.url)).toEqual(['/_astro/font.woff2']);
    expect(rulesOf('/font/')).toEqual(['critical', 'font']);
  });

  it('finds external, inline and handler JavaScript on a page that needs none', () => {
    expect(row('/scripted/').js.map((j) => j.kind).sort()).toEqual(['file', 'handler', 'inline']);
    expect(rulesOf('/scripted/')).toEqual(['js']);
  });

  it('follows module imports and fails JavaScript over 5 KB', () => {
    expect(row('/heavy/').js.map((j) => j.url)).toEqual(['/_astro/entry.js', '/_astro/chunk.js']);
    expect(row('/heavy/').jsGzip).toBeGreaterThan(5 * KB);
    expect(rulesOf('/heavy/')).toEqual(['js']);
  });

  it('lets the search page have more', () => {
    expect(row('/search/').jsGzip).toBeGreaterThan(5 * KB);
    expect(row('/search/').violations).toEqual([]);
  });

  it('fails unsized images and eager images below the fold', () => {
    const messages = row('/images/').violations.map((v) => v.message);
    expect(messages).toEqual([
      'image without width and height attributes: /a.png',
      'image below the fold without loading="lazy": /b.png',
    ]);
  });

  it('the CLI prints the table and exits 1 over budget', () => {
    const run = spawnSync(process.execPath, [BUDGETS_SCRIPT, '--dir', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\/big\/\s.*FAIL \(critical\)$/m);
    expect(run.stdout).toMatch(/Over budget:/);
  });

  it('the CLI exits 0 on a site within budget', () => {
    const ok = mkdtempSync(path.join(tmpdir(), 'budgets-ok-'));
    try {
      writeFileSync(path.join(ok, 'index.html'), page('<h1>Fine</h1>'));
      const run = spawnSync(process.execPath, [BUDGETS_SCRIPT, '--dir', ok], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^\/\s.*\sok$/m);
    } finally {
      rmSync(ok, { recursive: true, force: true });
    }
  });
});

describe('budget parsing helpers', () => {
  it('reads quoted, unquoted and bare attributes', () => {
    expect(parseAttributes(` src="/a.js" type=module async data-x='y &amp; z'`)).toEqual({ src: '/a.js', type: 'module', async: '', 'data-x': 'y & z' });
  });

  it('finds static, re-exported and dynamic module imports, not bare specifiers', () => {
    const src = `import{a as b}from"./x.js";import "../y.js";export*from"./z.js";const m=import("./lazy.js");import fs from "node:fs";`;
    expect(moduleImports(src).sort()).toEqual(['../y.js', './lazy.js', './x.js', './z.js']);
  });
});
