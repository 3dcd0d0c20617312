#!/usr/bin/env node
/**
 * Screenshots of every page type of the BUILT site, to look at before calling a change done, and
 * a check that no page is wider than the screen. Builds nothing: run `npm run build` first.
 *
 *   npm run shots                               every page type at 390 and 1366 px, light and dark
 *   npm run shots -- --only timeline,recurring  page types whose name contains one of these words
 *   npm run shots -- --fold                     the first screen only, not the whole page
 *   npm run shots -- --widths 320,768           other widths
 *   npm run shots -- --overflow                 no screenshots: load EVERY page of the build at
 *                                               320, 390, 768, 1024 and 1366 px and list each page
 *                                               wider than the screen (exit 1 if any)
 *   options: --dir dist --base / --out shots
 *
 * Serves the folder with scripts/serve.mjs's server on a free port and drives Debian's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium) with playwright-core. Screenshots go to `shots/`
 * (ignored by git), one PNG per page type × width × scheme, named `<type>-<width>-<scheme>.png`,
 * with `index.html` showing them side by side.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './serve.ts';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';
import { isMain } from './lib/is-main.mjs';
import {
  ABOUT_PATH,
  DATA_PATH,
  DEMANDS_PATH,
  HOME_PATH,
  PEOPLE_PATH,
  RECURRING_PATH,
  RESOLUTIONS_PATH,
  SEARCH_PATH,
  THEMES_PATH,
  procedureCitePath,
  timelinePath,
} from '../../src/site/paths.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOT_WIDTHS = [390, 1366];
export const OVERFLOW_WIDTHS = [320, 390, 768, 1024, 1366];
const SCHEMES = ['light', 'dark'] as const;

export interface PageType {
  /** Short name, used in file names. */
  name: string;
  /** Site path (no base), with a query if any. */
  path: string;
}

/** True when a built page is only a redirect (`<meta http-equiv="refresh">`). */
const isRedirect = (file: string) => /<meta[^>]+http-equiv=["']?refresh/i.test(readFileSync(file, 'utf8'));

/**
 * A page of `dir/<folder>` to show for a page type: `preferred` when it was built, else the
 * heaviest page of the folder (the one most likely to break a layout). Redirect pages are skipped.
 */
function pick(dir: string, folder: string, preferred: string[], pattern = /^[^/]+$/): string | undefined {
  const abs = path.join(dir, folder);
  if (!existsSync(abs)) return undefined;
  const pages = readdirSync(abs)
    .filter((name) => pattern.test(name) && existsSync(path.join(abs, name, 'index.html')) && !isRedirect(path.join(abs, name, 'index.html')))
    .sort();
  const chosen = preferred.find((p) => pages.includes(p)) ?? [...pages].sort((a, b) => statSync(path.join(abs, b, 'index.html')).size - statSync(path.join(abs, a, 'index.html')).size)[0];
  return chosen && `${folder}${chosen}/`;
}

/** The page types of a build, each with one page that shows it. */
export function pageTypes(dir: string): PageType[] {
  const type = (name: string, p: string | undefined): PageType | undefined => (p === undefined ? undefined : { name, path: p });
  const procedure = pick(dir, 'procedures/', ['2021-2544']);
  const types: Array<PageType | undefined> = [
    type('home', HOME_PATH),
    type('resolutions', RESOLUTIONS_PATH),
    type('procedure', procedure),
    type('cite', procedure && procedureCitePath(procedure.split('/')[1]!)),
    type('demands', DEMANDS_PATH),
    type('themes', THEMES_PATH),
    type('theme', pick(dir, THEMES_PATH, ['political-prisoners'])),
    type('recurring', RECURRING_PATH),
    type('recurring-one', pick(dir, RECURRING_PATH, ['political-prisoners-release'])),
    type('people', PEOPLE_PATH),
    type('person', pick(dir, PEOPLE_PATH, ['vladimir-kozlov'])),
    type('timeline', timelinePath()),
    // A year page exists only where the timeline is cut into years (else it points to the one page).
    type('timeline-year', pick(dir, timelinePath(), [], /^\d{4}$/)),
    type('timeline-filter', pick(dir, `${timelinePath()}theme/`, ['political-prisoners'])),
    type('search', `${SEARCH_PATH}?q=political+prisoners`),
    type('data', DATA_PATH),
    type('about', ABOUT_PATH),
    type('404', 'no-such-page/'),
  ];
  return types.filter((t): t is PageType => !!t);
}

/** Every HTML page of a build as a site path (redirect pages left out: they show another page). */
export function allPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.html') && !isRedirect(path.join(dir, r))) out.push(r === 'index.html' ? '' : r.endsWith('/index.html') ? r.slice(0, -'index.html'.length) : r);
    }
  };
  walk('');
  return out.sort();
}

async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: run "node scripts/ensure-chromium.mjs" or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
}

export interface Overflow {
  path: string;
  width: number;
  scrollWidth: number;
  /** The widest elements reaching past the right edge, to say what to fix. */
  culprits: string[];
}

/** Loads each page at each width and returns those wider than the screen. */
export async function findOverflow(browser: Browser, url: string, pages: readonly string[], widths: readonly number[]): Promise<Overflow[]> {
  const found: Overflow[] = [];
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(url + p, { waitUntil: 'load' });
      const r = await page.evaluate(() => {
        const doc = document.documentElement;
        const culprits: string[] = [];
        if (doc.scrollWidth > window.innerWidth) {
          for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.right > window.innerWidth + 0.5 && !el.closest('.table-wrap, .svg-wrap')) {
              const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
              culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
            }
          }
        }
        return { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, culprits: culprits.slice(0, 5) };
      });
      if (r.scrollWidth > r.innerWidth) found.push({ path: p, width, scrollWidth: r.scrollWidth, culprits: r.culprits });
    }
    await context.close();
  }
  return found;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function indexHtml(types: readonly PageType[], widths: readonly number[], base: string): string {
  const cells = (t: PageType) =>
    widths
      .flatMap((w) => SCHEMES.map((s) => `${t.name}-${w}-${s}.png`))
      .map((f) => `<figure><a href="${f}"><img src="${f}" alt="${esc(f)}" loading="lazy"></a><figcaption>${esc(f)}</figcaption></figure>`)
      .join('');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Screenshots</title>
<style>body{font:14px system-ui;margin:1rem}section{margin-bottom:2rem}div{display:flex;gap:1rem;align-items:flex-start;overflow-x:auto}figure{margin:0}img{width:240px;border:1px solid #999;display:block}</style>
<h1>Screenshots (${widths.join(', ')} px; light, dark)</h1>
${types.map((t) => `<section><h2>${esc(t.name)} <small>${esc(base + t.path)}</small></h2><div>${cells(t)}</div></section>`).join('\n')}
</html>\n`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: process.env.OUT_DIR || 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH || '/' },
      out: { type: 'string', default: 'shots' },
      only: { type: 'string' },
      widths: { type: 'string' },
      fold: { type: 'boolean', default: false },
      overflow: { type: 'boolean', default: false },
    },
  });
  const dir = path.resolve(ROOT, values.dir!);
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${values.dir}/index.html is missing: run npm run build first`);
  const server = await startServer({ dir, base: values.base, port: 0, host: '127.0.0.1' });
  const browser = await launch();
  try {
    if (values.overflow) {
      const widths = values.widths ? values.widths.split(',').map(Number) : OVERFLOW_WIDTHS;
      const pages = [...allPages(dir), `${SEARCH_PATH}?q=political+prisoners`];
      const found = await findOverflow(browser, server.url, pages, widths);
      console.log(`${pages.length} pages × ${widths.join(', ')} px: ${found.length ? `${found.length} wider than the screen` : 'none wider than the screen'}`);
      for (const o of found) console.log(`  ${values.base}${o.path} at ${o.width} px: ${o.scrollWidth} px wide${o.culprits.length ? `; past the edge: ${o.culprits.join(', ')}` : ''}`);
      process.exitCode = found.length ? 1 : 0;
      return;
    }
    const widths = values.widths ? values.widths.split(',').map(Number) : SHOT_WIDTHS;
    const only = values.only?.split(',').filter(Boolean);
    const types = pageTypes(dir).filter((t) => !only || only.some((w) => t.name.includes(w)));
    const out = path.resolve(ROOT, values.out!);
    if (!only) rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const scheme of SCHEMES) {
      for (const width of widths) {
        const context = await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const t of types) {
          await page.goto(server.url + t.path, { waitUntil: 'load' });
          // The search page fills its results after load.
          if (t.path.startsWith(SEARCH_PATH)) await page.waitForTimeout(800);
          await page.screenshot({ path: path.join(out, `${t.name}-${width}-${scheme}.png`), fullPage: !values.fold });
        }
        await context.close();
      }
    }
    writeFileSync(path.join(out, 'index.html'), indexHtml(pageTypes(dir).filter((t) => !only || only.some((w) => t.name.includes(w))), widths, values.base!));
    console.log(`${types.length} page types × ${widths.length} widths × 2 schemes: ${path.relative(ROOT, out)}/index.html`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
