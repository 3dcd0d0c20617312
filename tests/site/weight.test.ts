/// <reference types="node" />
// Does the weight estimate that cuts listings into pages (src/site/paginate.ts) hold on the BUILT
// pages? For every listing page of the build — the timeline and its filters, /demands/, the
// themes, /resolutions/, the people — the gzip bytes its entries really add (the page compressed,
// less the page compressed without them: they sit in `data-entries` elements) are compared with
// the plan's estimate. The estimate must not fall short (a page that "fits" must fit), nor be so
// high that pages are cut needlessly. Builds nothing: run `npm run build` first.
//
// On the real content by default. On a synthetic build (scripts/bench-build.mjs --keep), with its
// corpus (WEIGHT_REPORT=1 prints each page's figures): WEIGHT_DIST=/tmp/bench-build-…/dist-200 WEIGHT_CONTENT=/tmp/bench-build-…/corpus-200 npx vitest run tests/site/weight.test.ts
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import type { SiteModel } from '../../src/content/model/types.ts';
import { PAGE_FRAME, PAGE_LIMIT, type Listing } from '../../src/site/paginate.ts';
import { demandsListing, personListing, resolutionsListing, themeListing } from '../../src/site/listings.ts';
import { timelinePlan, timelineViews } from '../../src/site/timeline/plan.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env.WEIGHT_DIST ?? 'dist');
const CONTENT = process.env.WEIGHT_CONTENT ? path.resolve(process.env.WEIGHT_CONTENT) : path.join(ROOT, 'content');

const gz = (s: string) => gzipSync(s, { level: 6 }).length;

/** The page without its entries: every element carrying `data-entries`, with all it holds. */
export function withoutEntries(html: string): string {
  let out = html;
  for (;;) {
    const open = /<(\w+)\b[^>]*\sdata-entries[\s>=]/.exec(out);
    if (!open) return out;
    const tag = open[1]!;
    const re = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
    re.lastIndex = open.index + 1;
    let depth = 1;
    let end = -1;
    for (let m = re.exec(out); m; m = re.exec(out)) {
      depth += m[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    if (end < 0) throw new Error(`unclosed <${tag} data-entries>`);
    out = out.slice(0, open.index) + out.slice(end);
  }
}

interface Measured {
  page: string;
  estimate: number;
  actual: number;
  whole: number;
}

/** Every page of every listing of a site, with its estimate and what its entries weigh in the build. */
function measure(site: SiteModel): Measured[] {
  const listings: Listing<unknown>[] = [
    demandsListing(site),
    resolutionsListing(site),
    ...site.themes.map((t) => themeListing(site, t.id)),
    ...site.people.map((p) => personListing(site, p)),
    ...timelineViews(site).map((f) => timelinePlan(site, f).listing),
  ] as Listing<unknown>[];
  return listings.flatMap((listing) =>
    listing.pages.map((page) => {
      const file = path.join(DIST, page.path, 'index.html');
      if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: build the site first (npm run build)`);
      const html = readFileSync(file, 'utf8');
      const rest = withoutEntries(html);
      if (rest === html) throw new Error(`${page.path}: no data-entries element`);
      return { page: page.path, estimate: page.weight, actual: gz(html) - gz(rest), whole: gz(html) };
    }),
  );
}

describe(`listing weight estimate against the build in ${path.relative(ROOT, DIST) || DIST}`, () => {
  const { input, issues } = loadContent(CONTENT, ROOT);
  const site = buildSite(input);
  const rows = measure(site);

  it('reads the content and finds the listing pages', () => {
    // WEIGHT_REPORT=1 prints every page: estimate, real weight of the entries, whole page (bytes, gzip).
    if (process.env.WEIGHT_REPORT) console.log(rows.map((r) => `${r.page.padEnd(60)} ${String(Math.round(r.estimate)).padStart(7)} ${String(r.actual).padStart(7)} ${String(r.whole).padStart(7)}`).join('\n'));
    expect(issues).toEqual([]);
    expect(rows.length).toBeGreaterThan(site.themes.length);
  });

  it('does not fall short: no page’s entries weigh more than estimated (10 % and 150 bytes of slack)', () => {
    const short = rows.filter((r) => r.actual > r.estimate * 1.1 + 150).map((r) => `${r.page}: estimated ${Math.round(r.estimate)} B, weighs ${r.actual} B`);
    expect(short).toEqual([]);
  });

  it('is not so pessimistic that pages get cut needlessly (within twice the real weight, and 400 bytes)', () => {
    const high = rows.filter((r) => r.estimate > r.actual * 2 + 400).map((r) => `${r.page}: estimated ${Math.round(r.estimate)} B, weighs ${r.actual} B`);
    expect(high).toEqual([]);
    // And over all pages, within a third.
    const total = (k: 'estimate' | 'actual') => rows.reduce((n, r) => n + r[k], 0);
    expect(total('estimate') / total('actual')).toBeLessThan(1.35);
    expect(total('estimate') / total('actual')).toBeGreaterThan(0.9);
  });

  it('keeps every listing page within the weight rule, its frame within the first-paint part', () => {
    for (const r of rows) {
      expect(r.whole, r.page).toBeLessThanOrEqual(PAGE_LIMIT);
      expect(r.whole - r.actual, `${r.page}: everything but the entries`).toBeLessThanOrEqual(PAGE_FRAME);
    }
  });
});

describe('withoutEntries', () => {
  it('removes each data-entries element with what it holds, nested elements of the same name included', () => {
    expect(withoutEntries('<p>a</p><ol class="x" data-entries><li><ol><li>b</li></ol></li></ol><p>c</p><div data-entries>d</div>')).toBe('<p>a</p><p>c</p>');
    expect(withoutEntries('<p>nothing</p>')).toBe('<p>nothing</p>');
  });
});
