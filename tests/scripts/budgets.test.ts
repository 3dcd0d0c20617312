/// <reference types="node" />
// Page weight (scripts/tools/budgets.ts, also the CLI `npm run budgets`) on small fixture sites
// written here, which prove each rule fails when it should: what paints first within 14 KB, the
// whole page within 50 KB, JavaScript within 5 KB outside /search/, fonts, images, assets. The
// built site itself is weighed page by page by the browser crawl (tests/browser/crawl.test.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, KB, formatTable, measurePage, measureSite, moduleImports, type SiteWeight } from '../../scripts/tools/budgets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUDGETS_SCRIPT = path.join(ROOT, 'scripts', 'budgets.mjs');

/**
 * Text that gzips to about `bytes` bytes and is the same at every run: base64 of a hash chain
 * (6 bits of entropy per character, so 4 characters per 3 bytes).
 */
function noise(bytes: number, seed = 'n'): string {
  let out = '';
  for (let i = 0; out.length < Math.ceil((bytes * 4) / 3); i++) out += createHash('sha256').update(`${seed}${i}`).digest('base64').replace(/[+/=]/g, '');
  return out.slice(0, Math.ceil((bytes * 4) / 3));
}

/** A page shaped like the site's: head with inline CSS, a header, then main (h1, intro, sections). */
const start = ({ head = '', header = '<a href="/">Tracker</a>' } = {}) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>body{font-family:system-ui,sans-serif}</style>${head}</head>` +
  `<body><header class="site">${header}</header><main id="main">`;
const END = '</main><footer>Footer text.</footer></body></html>';
const page = ({ head, header, main }: { head?: string; header?: string; main: string }) => start({ head, header }) + main + END;

describe('where what paints first ends (measurePage)', () => {
  const dir = tmpdir(); // no assets: these pages reference none
  const measure = (html: string) => measurePage(html, { page: '/x/', dir });
  const cut = (html: string) => html.slice(0, measure(html).firstPaint.htmlBytes); // ASCII: bytes = characters

  it('ends 200 visible characters into the first section of <main>', () => {
    const before = start() + '<h1>Title</h1><p>Intro.</p><h2 id="s">S</h2><p>';
    const html = before + 'a'.repeat(300) + '</p>' + END;
    expect(measure(html).firstPaint.endsAt).toBe('<h2 id=s> + 200 characters');
    // "S", then 199 of the a's.
    expect(cut(html)).toBe(before + 'a'.repeat(199));
  });

  it('counts a whitespace run and an entity as one character each', () => {
    const before = start() + '<h1>T</h1><section><p>';
    const html = before + 'x  \n  y&amp;z' + 'b'.repeat(300) + '</p></section>' + END;
    // x, one space, y, &amp;, z = 5 characters, then 195 b's.
    expect(cut(html)).toBe(before + 'x  \n  y&amp;z' + 'b'.repeat(195));
  });

  it('skips text in scripts, styles and templates', () => {
    const before = start() + '<h1>T</h1><h2>H</h2><script type="application/ld+json">{"a":"' + 'j'.repeat(500) + '"}</script><template>' + 't'.repeat(500) + '</template><p>';
    const html = before + 'c'.repeat(300) + '</p>' + END;
    expect(cut(html)).toBe(before + 'c'.repeat(199));
  });

  it('with no section in main, the main content after the h1 is the first section', () => {
    const before = start() + '<h1>Title</h1><p>';
    const html = before + 'd'.repeat(300) + '</p>' + END;
    expect(measure(html).firstPaint.endsAt).toBe('the end of the <h1> + 200 characters');
    expect(cut(html)).toBe(before + 'd'.repeat(200));
  });

  it('a short page paints whole: the range ends with main', () => {
    const html = page({ main: '<h1>Not found</h1><p>Nothing here.</p>' });
    expect(cut(html)).toBe(html.slice(0, html.indexOf('</main>') + '</main>'.length));
  });

  it('never ends before the h1, even when a section comes first', () => {
    const html = page({ main: `<section><p>${'e'.repeat(300)}</p></section><h1>Late title</h1>` });
    expect(cut(html)).toBe(html.slice(0, html.indexOf('</h1>') + '</h1>'.length));
  });
});

describe('budget checks on fixture sites', () => {
  let dir: string;
  let site: SiteWeight;
  const write = (rel: string, text: string | Buffer) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'budgets-fixture-'));
    write('index.html', page({ main: '<h1>Fine</h1><p>Small page.</p><h2>More</h2><p>Text.</p><script type="application/ld+json">{"@type":"WebSite","name":"a<b onclick=1>"}</script>' }));
    // The first section starts after 15 KB (gzip) of intro: what paints first is over 14 KB.
    write('late-section/index.html', page({ main: `<h1>Late</h1><p>${noise(15 * KB, 'late')}</p><h2>First section</h2><p>${'g'.repeat(300)}</p>` }));
    // A 15 KB (gzip) header before main: the h1 itself arrives too late.
    write('heavy-header/index.html', page({ header: `<nav>${noise(15 * KB, 'nav')}</nav>`, main: '<h1>Heavy header</h1><h2>S</h2><p>Text.</p>' }));
    // 40 KB (gzip) of content BELOW an early first section: fine (the old whole-page 14 KB rule failed it).
    write('long/index.html', page({ main: `<h1>Long</h1><p>Intro.</p><h2>First</h2><p>Text.</p><h2>Rest</h2><p>${noise(40 * KB, 'long')}</p>` }));
    // 60 KB (gzip) in all: over the 50 KB whole-page budget, though its first section paints early.
    write('sixty/index.html', page({ main: `<h1>Sixty</h1><h2>First</h2><p>Text.</p><h2>Rest</h2><p>${noise(60 * KB, 'sixty')}</p>` }));
    // Small HTML, but a 15 KB (gzip) render-blocking stylesheet; a print stylesheet does not block.
    write('_astro/big.css', `.x{background:url(data:x,${noise(15 * KB, 'css')})}`);
    write('styled/index.html', page({ head: '<link rel="stylesheet" href="/_astro/big.css"><link rel="stylesheet" media="print" href="/_astro/print.css">', main: '<h1>Styled</h1>' }));
    // A web font that doesn't fit.
    write('_astro/font.woff2', Buffer.from(noise(15 * KB, 'font')));
    write('font/index.html', page({ head: '<style>@font-face{font-family:X;src:url(/_astro/font.woff2) format("woff2")}</style>', main: '<h1>Font</h1>' }));
    // A little JavaScript of every kind: an external module, an inline script, a handler attribute.
    write('_astro/tiny.js', 'console.log(1)');
    write('scripted/index.html', page({ main: '<h1>Scripted</h1><button onclick="go()">Go</button><script type="module" src="/_astro/tiny.js"></script><script>window.x=1</script>' }));
    // Over 5 KB gzip only through the chunk its entry imports.
    write('_astro/entry.js', 'import{a}from"./chunk.js";a();');
    write('_astro/chunk.js', `export const a=()=>${JSON.stringify(noise(6 * KB, 'chunk'))};`);
    write('heavy/index.html', page({ main: '<h1>Heavy</h1><script type="module" src="/_astro/entry.js"></script>' }));
    // The search page may have more.
    write('_astro/search.js', `export const s=${JSON.stringify(noise(30 * KB, 'search'))};`);
    write('search/index.html', page({ main: '<h1>Search</h1><script type="module" src="/_astro/search.js"></script>' }));
    // Images: a sized eager hero that paints first is fine; unsized, and eager further down, are not.
    write(
      'images/index.html',
      page({
        main:
          '<h1>Images</h1><img src="/hero.png" width="800" height="400" alt=""><h2>More</h2><p>' + 'f'.repeat(300) + '</p>' +
          '<img src="/a.png" alt="" loading="lazy"><img src="/b.png" width="10" height="10" alt="">' +
          '<img src="/c.png" width="10" height="10" loading="lazy" alt="">',
      }),
    );
    // No <main>: where main content starts cannot be told.
    write('no-main/index.html', '<!doctype html><html lang="en"><head><title>t</title></head><body><h1>No main</h1><p>Text.</p></body></html>');
    // A missing script and one from another origin.
    write('assets/index.html', page({ main: '<h1>Assets</h1><script type="module" src="/_astro/gone.js"></script><script src="https://cdn.example.com/x.js"></script>' }));
    site = measureSite(dir);
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

  it('fails a page whose first section starts after 14 KB', () => {
    expect(row('/late-section/').firstPaint.total).toBeGreaterThan(DEFAULTS.firstPaintBytes);
    expect(row('/late-section/').htmlGzip).toBeLessThan(DEFAULTS.pageBytes);
    expect(rulesOf('/late-section/')).toEqual(['first-paint']);
    expect(row('/late-section/').violations[0]!.message).toMatch(/^what paints first is 1\d\.\d KB gzip > 14\.0 KB \(HTML up to <h2> \+ 200 characters: /);
  });

  it('fails a page whose header pushes the h1 past 14 KB', () => {
    expect(rulesOf('/heavy-header/')).toEqual(['first-paint']);
  });

  it('passes a long page whose first section paints early', () => {
    expect(row('/long/').htmlGzip).toBeGreaterThan(30 * KB);
    expect(row('/long/').firstPaint.total).toBeLessThan(2 * KB);
    expect(row('/long/').violations).toEqual([]);
  });

  it('fails a 60 KB page on the whole-page budget alone', () => {
    expect(row('/sixty/').htmlGzip).toBeGreaterThan(DEFAULTS.pageBytes);
    expect(rulesOf('/sixty/')).toEqual(['page']);
  });

  it('counts render-blocking stylesheets in what paints first, but not print ones', () => {
    expect(row('/styled/').firstPaint.css.map((c) => c.url)).toEqual(['/_astro/big.css']);
    expect(row('/styled/').missing).toEqual([]);
    expect(rulesOf('/styled/')).toEqual(['first-paint']);
  });

  it('counts web fonts in what paints first and names them', () => {
    expect(row('/font/').firstPaint.fonts.map((f) => f.url)).toEqual(['/_astro/font.woff2']);
    expect(rulesOf('/font/')).toEqual(['first-paint', 'font']);
  });

  it('finds external, inline and handler JavaScript, and lets a page have up to 5 KB', () => {
    expect(row('/scripted/').js.map((j) => j.kind).sort()).toEqual(['file', 'handler', 'inline']);
    expect(row('/scripted/').violations).toEqual([]);
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

  it('fails unsized images and eager images below the first paint', () => {
    expect(row('/images/').violations.map((v) => v.message)).toEqual([
      'image without width and height attributes: /a.png',
      'image below the first paint without loading="lazy": /b.png',
    ]);
  });

  it('fails a page without <main>', () => {
    expect(row('/no-main/').violations.map((v) => v.message)).toEqual(['no <main>: where main content starts cannot be told']);
  });

  it('fails missing assets and assets from another origin', () => {
    expect(row('/assets/').violations.map((v) => v.message)).toEqual([
      'references a missing file: /_astro/gone.js',
      'loads from another origin: script https://cdn.example.com/x.js',
    ]);
  });

  it('the CLI prints first paint, whole page and JS per page, and exits 1 over budget', () => {
    const run = spawnSync(process.execPath, [BUDGETS_SCRIPT, '--dir', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^page\s+first paint\s+of 14\.0\s+whole page\s+of 50\.0\s+JS\s+first paint ends at\s+verdict$/m);
    expect(run.stdout).toMatch(/^\/late-section\/\s+1\d\.\d\s+1\d\d%\s+1\d\.\d\s+\d\d%\s+0\.0\s+<h2> \+ 200 characters\s+FAIL \(first-paint\)$/m);
    expect(run.stdout).toMatch(/^\/sixty\/\s.*FAIL \(page\)$/m);
    expect(run.stdout).toMatch(/Over budget:/);
  });

  it('the CLI exits 0 on a site within budget', () => {
    const ok = mkdtempSync(path.join(tmpdir(), 'budgets-ok-'));
    try {
      writeFileSync(path.join(ok, 'index.html'), page({ main: '<h1>Fine</h1>' }));
      const run = spawnSync(process.execPath, [BUDGETS_SCRIPT, '--dir', ok], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^\/\s.*\sok$/m);
    } finally {
      rmSync(ok, { recursive: true, force: true });
    }
  });
});

describe('module imports', () => {
  it('finds static, re-exported and dynamic module imports, not bare specifiers', () => {
    const src = `import{a as b}from"./x.js";import "../y.js";export*from"./z.js";const m=import("./lazy.js");import fs from "node:fs";const s="import('./not-code.js')";`;
    expect(moduleImports(src).sort()).toEqual(['../y.js', './lazy.js', './x.js', './z.js']);
  });
});
