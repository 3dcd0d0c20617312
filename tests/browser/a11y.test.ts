/// <reference types="node" />
// Accessibility gate, on the BUILT site in a real browser (builds nothing: `npm run build` first;
// GATES_DIST=<folder> tests another build of the root site):
// - axe-core with the WCAG 2.2 AA tags on every page, in the light and the dark colour scheme:
//   0 violations;
// - a keyboard-only walk of the home page and a procedure page: the first Tab focuses the skip
//   link, Enter moves focus to <main>, Tab reaches every link and control, focus is always visible.
// Both checks are also run on a deliberately inaccessible page, which they must fail.
//
// axe is evaluated through the DevTools protocol (page.evaluate), which the page's CSP doesn't
// govern, so the pages are tested with their real CSP on (an injected <script> would be blocked).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, requireBuild } from '../scripts/gate-helpers';
import { collectAllUrls, distPath, launchBrowser, openPage, serveDist, type OpenedPage } from './harness';

// The root build (GATES_DIST overrides the folder); the sub-path build has the same pages.
const { dir: DIR, base: BASE, build: BUILD_COMMAND } = BUILDS[0];
const BROKEN = 'tests/fixtures/broken-site';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;
/**
 * The rules whose outcome depends on colours, re-run in the dark scheme (every other rule is
 * scheme-independent and already ran in light): text contrast, and links told apart from the
 * surrounding text by colour alone.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Scheme = (typeof SCHEMES)[number];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/**
 * Runs axe on the page's current document, in the given colour scheme: every WCAG 2.2 A/AA rule,
 * or only `rules` (which must carry those tags too).
 */
async function runAxe(page: Page, scheme: Scheme, rules?: string[]): Promise<AxeViolation[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Let the new scheme's styles apply (and any transition finish) before measuring contrast.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ({ tags, rules }: { tags: string[]; rules: string[] | null }) => {
    type AxeNode = { target: unknown[]; failureSummary?: string };
    type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeResult[] }> } }).axe;
    const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
    const results = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, { tags: WCAG_TAGS, rules: rules ?? null });
}

const describeViolations = (where: string, list: AxeViolation[]) =>
  list.map(
    (v) =>
      `${where}  ${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target}  ${n.summary}`)
        .join('\n')}${v.nodes.length > 5 ? `\n      … ${v.nodes.length - 5} more` : ''}`,
  );

/** Every page to audit: the build's HTML files, plus the sitemap's URLs when there is one; no redirect stubs. */
function pagesToAudit(dir: string, base: string): string[] {
  const urls = new Set(collectAllUrls(dir, base));
  const sitemap = path.join(distPath(dir), 'sitemap.xml');
  if (existsSync(sitemap)) {
    for (const m of readFileSync(sitemap, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      try {
        urls.add(new URL(m[1]!).pathname);
      } catch {
        // not an absolute URL: ignore
      }
    }
  }
  return [...urls].sort().filter((u) => {
    const rel = decodeURIComponent(u.slice(base.length));
    const file = path.join(distPath(dir), rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
    return existsSync(file) && !/<meta[^>]+http-equiv=["']?refresh/i.test(readFileSync(file, 'utf8'));
  });
}

interface FocusState {
  index: number;
  isBody: boolean;
  desc: string;
  visible: boolean;
  style: string;
  inViewport: boolean;
}

/** What has focus now, whether it shows, and which candidate it is. */
const focusState = (page: Page): Promise<FocusState> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const list = (window as unknown as { __kbdCandidates?: Element[] }).__kbdCandidates ?? [];
    if (!el || el === document.body || el === document.documentElement) {
      return { index: -1, isBody: true, desc: 'body', visible: false, style: '', inViewport: false };
    }
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const attr = el.getAttribute('href') ?? el.getAttribute('name') ?? el.id;
    return {
      index: list.indexOf(el),
      isBody: false,
      desc: `<${el.tagName.toLowerCase()}${attr ? ` ${el.hasAttribute('href') ? 'href' : el.hasAttribute('name') ? 'name' : 'id'}="${attr}"` : ''}> "${text}"`,
      visible: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
      inViewport: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    };
  });

/**
 * Keyboard-only walk of the page at `url`. Returns the problems found (empty when it passes).
 */
async function keyboardWalk(opened: OpenedPage, url: string): Promise<string[]> {
  const { page } = opened;
  const problems: string[] = [];
  await page.emulateMedia({ colorScheme: 'light' });

  // 1. First Tab: the skip link, visible. 2. Enter: focus in <main>.
  await opened.goto(url);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    const href = el instanceof HTMLAnchorElement ? el.getAttribute('href') ?? '' : '';
    const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    const main = document.querySelector('main, [role="main"]');
    return { isLink: el instanceof HTMLAnchorElement, href, toMain: !!target && !!main && (target === main || main.contains(target)), text: el?.textContent?.trim() ?? '' };
  });
  const firstState = await focusState(page);
  if (!first.isLink || !first.toMain) {
    problems.push(`first Tab focuses ${firstState.desc}, not a skip link to <main> (expected <a href="#main">Skip to content</a> first in <body>)`);
  } else {
    if (!firstState.visible) problems.push(`the focused skip link shows no focus indicator (${firstState.style})`);
    if (!firstState.inViewport) problems.push('the focused skip link stays off-screen: it must become visible on focus');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(50);
    const inMain = await page.evaluate(() => {
      const main = document.querySelector('main, [role="main"]');
      const el = document.activeElement;
      return !!main && !!el && (el === main || main.contains(el));
    });
    if (!inMain) problems.push(`Enter on the skip link leaves focus on ${(await focusState(page)).desc}, not in <main> (give <main> tabindex="-1")`);
  }

  // 3. Tab through the whole page from the top: every link and control once, focus always visible.
  await opened.goto(url);
  const count = await page.evaluate(() => {
    const selector = [
      'a[href]',
      'area[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      'iframe',
      'audio[controls]',
      'video[controls]',
      '[contenteditable]:not([contenteditable="false"])',
      '[tabindex]',
    ].join(',');
    const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || el.closest('[inert]')) return false;
      if ((el as HTMLButtonElement).disabled) return false;
      // Rendered (not display:none, not visibility:hidden, not inside a closed <details>).
      return el.checkVisibility({ visibilityProperty: true });
    });
    (window as unknown as { __kbdCandidates: Element[] }).__kbdCandidates = candidates;
    return candidates.length;
  });
  const seen = new Set<number>();
  const invisible: string[] = [];
  let wrapped = false;
  for (let presses = 0; presses < count + 50; presses++) {
    await page.keyboard.press('Tab');
    const s = await focusState(page);
    if (s.isBody) {
      if (seen.size) {
        wrapped = true;
        break;
      }
      continue;
    }
    if (s.index >= 0 && seen.has(s.index)) {
      wrapped = true;
      break;
    }
    if (s.index >= 0) seen.add(s.index);
    if (!s.visible) invisible.push(`${s.desc} (${s.style})`);
  }
  if (!wrapped && seen.size < count) problems.push(`Tab never got back to the start after ${count + 50} presses (a focus trap?)`);
  const missed = await page.evaluate((visited: number[]) => {
    const list = (window as unknown as { __kbdCandidates: HTMLElement[] }).__kbdCandidates;
    const v = new Set(visited);
    return list
      .map((el, i) => ({ el, i }))
      .filter(({ i }) => !v.has(i))
      .map(({ el }) => `<${el.tagName.toLowerCase()}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${(el.textContent || '').trim().slice(0, 40)}"`);
  }, [...seen]);
  if (missed.length) problems.push(`${missed.length} of ${count} links/controls never receive focus by Tab: ${missed.slice(0, 10).join(', ')}${missed.length > 10 ? ', …' : ''}`);
  if (invisible.length) problems.push(`${invisible.length} focused elements show no focus indicator (no outline, no box-shadow): ${invisible.slice(0, 10).join(', ')}${invisible.length > 10 ? ', …' : ''}`);
  return problems;
}

describe(`accessibility: ${DIR} (base ${BASE})`, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let opened: OpenedPage;
  let urls: string[];

  beforeAll(async () => {
    requireBuild(DIR, BUILD_COMMAND);
    urls = pagesToAudit(DIR, BASE);
    server = await serveDist(DIR, BASE);
    browser = await launchBrowser();
    opened = await openPage(browser, server.url);
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await server?.close();
  });

  it('axe really runs under the site\'s CSP (a planted fault is found)', async () => {
    await opened.goto(server.url);
    await opened.page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
    expect((await runAxe(opened.page, 'light')).map((v) => v.id)).toContain('image-alt');
  }, 60_000);

  it('axe (WCAG 2.2 AA): 0 violations on every page, light and dark', async () => {
    expect(urls.length).toBeGreaterThan(0);
    const report: string[] = [];
    const byRule = new Map<string, number>();
    for (const u of urls) {
      const response = await opened.goto(server.origin + u);
      if (!response || response.status() !== 200) {
        report.push(`${u}: HTTP ${response?.status()}`);
        continue;
      }
      for (const scheme of SCHEMES) {
        const violations = await runAxe(opened.page, scheme, scheme === 'light' ? undefined : COLOUR_RULES);
        for (const v of violations) byRule.set(v.id, (byRule.get(v.id) ?? 0) + 1);
        report.push(...describeViolations(`${u} [${scheme}]`, violations));
      }
      await opened.page.emulateMedia({ colorScheme: 'light' });
    }
    const summary = [...byRule].map(([id, n]) => `${id} on ${n} page-scheme(s)`).join(', ');
    expect(report.length, `axe violations on ${urls.length} pages: ${summary}\n${report.join('\n')}`).toBe(0);
  }, 900_000);

  it('keyboard: skip link, Enter to <main>, every control reachable, focus visible (home page)', async () => {
    expect(await keyboardWalk(opened, server.url)).toEqual([]);
  }, 300_000);

  it('keyboard: the same on a procedure page', async () => {
    const procedure = urls.find((u) => /\/procedures\/[^/]+\/$/.test(u));
    expect(procedure, 'no procedure page in the build').toBeDefined();
    expect(await keyboardWalk(opened, server.origin + procedure!)).toEqual([]);
  }, 300_000);
});

describe('accessibility checks on an inaccessible page', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let opened: OpenedPage;

  beforeAll(async () => {
    server = await serveDist(BROKEN, '/');
    browser = await launchBrowser();
    opened = await openPage(browser, `${server.url}a11y/`);
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await server?.close();
  });

  it('axe reports the missing alt, the unlabelled input and the low contrast, in both schemes', async () => {
    const light = (await runAxe(opened.page, 'light')).map((v) => v.id);
    expect(light).toEqual(expect.arrayContaining(['image-alt', 'label', 'color-contrast']));
    const dark = (await runAxe(opened.page, 'dark', COLOUR_RULES)).map((v) => v.id);
    expect(dark).toContain('color-contrast');
  }, 60_000);

  it('the keyboard walk reports the missing skip link and the invisible focus', async () => {
    const problems = await keyboardWalk(opened, `${server.url}a11y/`);
    expect(problems.some((p) => p.startsWith('first Tab focuses <a href="/"> "Home", not a skip link'))).toBe(true);
    expect(problems.some((p) => /focused elements show no focus indicator/.test(p))).toBe(true);
  }, 60_000);
});
