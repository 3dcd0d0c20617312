/// <reference types="node" />
// Every page-level check, from one crawl (tests/browser/crawl.ts) of the ONE built dist/, served by
// global-setup at `/` and, unchanged, at `/mirror/x/` (a copy of the folder at another path):
//
// - at `/`: every page once, with every check: smoke (200, <h1>, no console or uncaught errors, no
//   failed requests), links and fragments, axe WCAG 2.2 AA in light and dark, CSP (<meta>,
//   violations, requests to other origins), and no page wider than 320 or 1366 px;
// - at `/mirror/x/`: what depends on the path: every page answers there, every link and fragment
//   resolves there (nothing may lead out of the mirror), and the pages that run scripts load there
//   cleanly (they are visited again; the others are the same bytes, so their links are resolved
//   against their mirror address without a second visit); the search finds results there;
// - at both: a missing nested URL answers 404 with the styled 404 page.
// Page weight is measured by tests/scripts/budgets.test.ts on the same build.
//
// Failures are listed per page; every page's record is written to reports/crawl.json.
// The same checks run on tests/fixtures/broken-site, where each must find its planted faults.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, crawl, cspProblems, describeProblems, linkProblems, onMirror, overflowProblems, runAxe, smokeProblems, weightProblems, type PageRecord, type Problem } from './crawl.ts';
import { htmlFilesOf, launchBrowser, MIRROR_BASE, openPage, ROOT, serveDist, SITE_DIR, type RunningServer } from './harness.ts';

const BROKEN = 'tests/fixtures/broken-site';
const NOT_FOUND = '404.html';

/**
 * What is wrong with the 404 response at `url` (a missing page under `server`): status, body, an
 * <h1>, styles, failed requests. Away from the root, the 404 page's links and icon lead to the root
 * by design (src/publish/relative-links.ts): requests outside the served path are not counted.
 */
async function notFoundProblems(browser: Browser, server: RunningServer, url: string): Promise<string[]> {
  const problems: string[] = [];
  const opened = await openPage(browser, url);
  try {
    if (opened.response?.status() !== 404) problems.push(`HTTP ${opened.response?.status()}, expected 404`);
    if ((await opened.response?.text()) !== readFileSync(path.join(server.dir, NOT_FOUND), 'utf8')) problems.push(`the body is not ${NOT_FOUND}`);
    const shown = await opened.page.evaluate(() => {
      const blank = document.createElement('iframe'); // the browser's own default style, to compare
      document.body.append(blank);
      const fallback = getComputedStyle(blank.contentDocument!.body).fontFamily;
      blank.remove();
      return { h1: document.querySelector('h1')?.textContent?.trim() ?? '', font: getComputedStyle(document.body).fontFamily, fallback };
    });
    if (!shown.h1) problems.push('no <h1>');
    if (shown.font === shown.fallback) problems.push(`unstyled: the body's font is the browser default (${shown.font})`);
    const inside = (r: string) => new URL(r.split(' ')[1]!).pathname.startsWith(server.base);
    problems.push(...opened.failedRequests.filter(inside).map((r) => `failed request: ${r}`), ...opened.pageErrors.map((e) => `uncaught: ${e}`));
    problems.push(...opened.cspViolations.map((v) => `CSP violation: ${v.effectiveDirective} ${v.blockedURI}`));
  } finally {
    await opened.close();
  }
  return problems;
}

/** One line per page for reports/crawl.json: what a maintainer needs to see where time and faults are. */
const summary = (records: PageRecord[]) =>
  records.map((r) => ({
    path: r.path,
    status: r.status,
    ms: r.ms,
    links: r.links.length,
    ids: r.ids.length,
    ...(r.axe ? { axe: { light: r.axe.light.map((v) => v.id), dark: r.axe.dark.map((v) => v.id) } } : {}),
    ...(r.widths ? { widths: r.widths } : {}),
    problems: [...r.consoleErrors, ...r.pageErrors, ...r.failedRequests, ...r.cspViolations, ...r.externalRequests, ...r.cspMeta],
  }));

const expectNone = (problems: Problem[]) => expect(problems.length, describeProblems(problems)).toBe(0);

describe(`the crawl of ${SITE_DIR}/ at / and at ${MIRROR_BASE}`, () => {
  let browser: Browser;
  let root: RunningServer;
  let mirror: RunningServer;
  let atRoot: PageRecord[];
  let atMirror: PageRecord[];

  beforeAll(async () => {
    browser = await launchBrowser();
    root = await serveDist(SITE_DIR, '/');
    mirror = await serveDist(SITE_DIR, MIRROR_BASE);
    const files = htmlFilesOf(SITE_DIR);
    const started = Date.now();
    atRoot = await crawl(browser, root, files, { full: true });
    const between = Date.now();
    // The 404 page is not a page of the mirror: hosts serve it at missing URLs, tested below.
    const mirrored = await onMirror(atRoot.filter((r) => r.file !== NOT_FOUND), root, mirror);
    // Loaded there: the pages with scripts of their own, and the home page (the offline script every page runs).
    const visited = await crawl(browser, mirror, mirrored.filter((r) => r.scripted || r.file === 'index.html').map((r) => r.file), { full: false });
    atMirror = mirrored.map((r) => visited.find((v) => v.file === r.file) ?? r);
    console.log(`crawl: ${files.length} pages at / with every check in ${((between - started) / 1000).toFixed(1)} s; at ${MIRROR_BASE}, ${atMirror.length} pages requested and their links resolved, ${visited.length} with scripts loaded, in ${((Date.now() - between) / 1000).toFixed(1)} s`);
    mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
    writeFileSync(path.join(ROOT, 'reports/crawl.json'), `${JSON.stringify({ dir: SITE_DIR, root: summary(atRoot), mirror: summary(atMirror) }, null, 1)}\n`);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('visits every page at both paths', () => {
    expect(atRoot.length).toBeGreaterThan(50);
    expect(atRoot.map((r) => r.path)).toContain('/procedures/2013-2600/');
    expect(atMirror.map((r) => r.path)).toContain(`${MIRROR_BASE}procedures/2013-2600/`);
  });

  it('smoke at /: every page answers 200, has an <h1>, and loads without console errors, uncaught errors, failed requests or JSON-LD that does not parse', () => {
    expectNone(smokeProblems(atRoot));
  });

  it('links at /: every link, asset and fragment resolves; external links go only to official hosts, over https', async () => {
    expectNone(await linkProblems(atRoot, root));
  });

  it('axe at /: 0 WCAG 2.2 AA violations on every page, in the light and the dark scheme', () => {
    expectNone(axeProblems(atRoot));
  });

  it("CSP at /: every page has one CSP <meta> with hashes and no 'unsafe-inline', raises no violation and asks no other origin for anything", () => {
    expectNone(cspProblems(atRoot));
  });

  it('page weight at /: what paints first within the first 14 KB gzip, every page within 50 KB, at most 5 KB of JavaScript outside /search/', () => {
    expect(atRoot.filter((r) => !r.weight).map((r) => r.path)).toEqual([]);
    expectNone(weightProblems(atRoot));
  });

  it('overflow at /: no page is wider than the screen at 320 and at 1366 px', () => {
    expectNone(overflowProblems(atRoot));
  });

  it(`smoke at ${MIRROR_BASE}: every page answers 200; those with scripts load cleanly`, () => {
    expect(atMirror.filter((r) => r.scripted).map((r) => r.path)).toContain(`${MIRROR_BASE}search/`);
    expectNone(smokeProblems(atMirror));
  });

  it(`search at ${MIRROR_BASE}: the page fetches its index and finds results there`, async () => {
    const opened = await openPage(browser, `${mirror.url}search/?q=Kozlov`);
    try {
      await opened.page.waitForSelector('#results li', { timeout: 30_000 });
      const first = await opened.page.locator('#results li a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
      expect(first.startsWith(`${MIRROR_BASE}procedures/`), first).toBe(true);
      expect([...opened.failedRequests, ...opened.consoleErrors, ...opened.pageErrors]).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it(`links at ${MIRROR_BASE}: every link, asset and fragment resolves inside the mirror`, async () => {
    expectNone(await linkProblems(atMirror, mirror));
  });

  it('a missing nested URL answers 404 with the styled 404 page, at / and at the mirror', async () => {
    expect(await notFoundProblems(browser, root, `${root.url}nope/deeper/`)).toEqual([]);
    expect(await notFoundProblems(browser, mirror, `${mirror.url}nope/deeper/`)).toEqual([]);
  });

  it("axe really runs under the site's CSP (a planted fault is found)", async () => {
    const opened = await openPage(browser, root.url);
    try {
      await opened.page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
      expect((await runAxe(opened.page, 'light')).map((v) => v.id)).toContain('image-alt');
    } finally {
      await opened.close();
    }
  });
});

describe('the crawl on a broken site', () => {
  let browser: Browser;
  let server: RunningServer;
  let sub: RunningServer;
  let records: PageRecord[];
  const at = (page: string, problems: Problem[]) => problems.filter((p) => p.page === page).map((p) => p.message);

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveDist(BROKEN, '/');
    sub = await serveDist(BROKEN, '/kz/');
    records = await crawl(browser, server, htmlFilesOf(BROKEN), { full: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sub?.close();
  });

  it('links: finds every planted fault, and nothing on the clean page', async () => {
    const problems = await linkProblems(records, server);
    expect(at('/', problems).sort()).toEqual(
      [
        'link[href] /missing.css: HTTP 404',
        'script[src] /missing.js: HTTP 404',
        'a[href] /missing-page/: HTTP 404',
        'a[href] https://kz.example.org/old-page/: HTTP 404',
        'a[href] /about/#nope: no element with id="nope" in /about/',
        'a[href] #also-missing: no element with id="also-missing" in /',
        'a[href] /about: a folder without its trailing slash: link to /about/',
        'a[href] https://evil.example.com/page: external host evil.example.com is not on the allow-list (oeil.secure.europarl.europa.eu, www.europarl.europa.eu)',
        'a[href] http://www.europarl.europa.eu/: official links must use https://',
        'a[href] #: empty fragment "#": link to a real target, or use a <button>',
        'img[src] /img/missing.png: HTTP 404',
        'img[srcset] /img/missing-2x.png: HTTP 404',
        'form[action] /search/: HTTP 404',
      ].sort(),
    );
    expect(at('/moved-bad/', problems)).toEqual(['meta[refresh] /nowhere/: HTTP 404']);
    expect(at('/about/', problems)).toEqual([]);
  });

  it('links: on a mirror at another path, root-relative links lead out of it (found with or without a second visit)', async () => {
    const expected = [{ page: '/kz/about/', message: 'a[href] /: outside /kz/, where the site is served (a root-relative link?)' }];
    expect(await linkProblems(await onMirror(records.filter((r) => r.file === 'about/index.html'), server, sub), sub)).toEqual(expected);
    expect(await linkProblems(await crawl(browser, sub, ['about/index.html'], { full: false }), sub)).toEqual(expected);
  });

  it('smoke: the missing <h1>, the console error, the uncaught error, the failed requests and the broken JSON-LD', () => {
    const problems = smokeProblems(records);
    expect(at('/invalid/', problems)).toEqual(['no <h1>', expect.stringMatching(/^console error: planted console error/), 'uncaught: Error: planted uncaught error', expect.stringMatching(/^JSON-LD block 1 does not parse: /)]);
    expect(at('/', problems)).toEqual(expect.arrayContaining([expect.stringMatching(/^failed request: GET .*\/missing\.css: HTTP 404/)]));
    expect(at('/about/', problems)).toEqual([]);
  });

  it('axe: the missing alt, the unlabelled input and the low contrast, in both schemes', () => {
    const page = records.find((r) => r.path === '/a11y/')!;
    expect(page.axe!.light.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'label', 'color-contrast']));
    expect(page.axe!.dark.map((v) => v.id)).toEqual(['color-contrast']);
    expect(at('/about/', axeProblems(records))).toEqual([]);
  });

  it("CSP: no <meta>, 'unsafe-inline', a style attribute, the violations and the request to another origin", () => {
    const problems = cspProblems(records);
    expect(at('/', problems)).toEqual(['no CSP <meta http-equiv="content-security-policy">']);
    expect(at('/security/', problems)).toEqual(
      expect.arrayContaining([
        'style-src has no hash sources',
        "script-src allows 'unsafe-inline'",
        expect.stringMatching(/^1 style="" attribute/),
        expect.stringMatching(/^CSP violation: script-src-elem blocked inline/),
        expect.stringMatching(/^CSP violation: style-src-elem blocked inline/),
        'request to another origin: GET https://tracker.example.com/pixel.gif',
      ]),
    );
  });

  it('overflow: the page 600 px wide at 320 px', () => {
    expect(overflowProblems(records)).toEqual([{ page: '/invalid/', message: expect.stringMatching(/^\d+ px wide at 320 px$/) }]);
  });

  it('404: a 404 page whose stylesheet breaks at depth', async () => {
    const problems = await notFoundProblems(browser, server, `${server.url}nope/deeper/`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^unstyled/), expect.stringMatching(/^failed request: GET .*\/nope\/deeper\/site\.css: HTTP 404/)]));
  });
});
