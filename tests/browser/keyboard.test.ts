/// <reference types="node" />
// Keyboard access, on the BUILT site in a real browser: a keyboard-only walk of the home page and
// a procedure page. The first Tab focuses the skip link, Enter moves focus to <main>, Tab reaches
// every link and control, focus is always visible. The walk is also run on a deliberately
// inaccessible page, which it must fail. (axe on every page, light and dark, is the crawl's:
// tests/browser/crawl.test.ts.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAllUrls, launchBrowser, openPage, serveDist, useBuiltSite, type OpenedPage, type RunningServer } from './harness.ts';

const BROKEN = 'tests/fixtures/broken-site';

interface FocusState {
  index: number;
  isBody: boolean;
  desc: string;
  visible: boolean;
  style: string;
  inViewport: boolean;
}

type KbdWindow = Window & { __kbdCandidates?: Element[]; __kbdState?: (el: Element | null) => FocusState; __kbdLog?: FocusState[] };

/**
 * Puts in the loaded page a function that says what has focus, whether it shows and which candidate
 * it is, and a log of every element that receives focus (so a walk of many Tabs costs one round
 * trip per key, not two).
 */
const installFocusProbe = (page: Page) =>
  page.evaluate(() => {
    const w = window as KbdWindow;
    w.__kbdState = (el) => {
      if (!(el instanceof HTMLElement) || el === document.body || el === document.documentElement) {
        return { index: -1, isBody: true, desc: 'body', visible: false, style: '', inViewport: false };
      }
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
      const r = el.getBoundingClientRect();
      const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const attr = el.getAttribute('href') ?? el.getAttribute('name') ?? el.id;
      return {
        index: (w.__kbdCandidates ?? []).indexOf(el),
        isBody: false,
        desc: `<${el.tagName.toLowerCase()}${attr ? ` ${el.hasAttribute('href') ? 'href' : el.hasAttribute('name') ? 'name' : 'id'}="${attr}"` : ''}> "${text}"`,
        visible: outline || shadow,
        style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
        inViewport: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
      };
    };
    w.__kbdLog = [];
    document.addEventListener('focusin', (e) => w.__kbdLog!.push(w.__kbdState!(e.target as Element)));
  });

/** What has focus now (installFocusProbe first). */
const focusState = (page: Page): Promise<FocusState> => page.evaluate(() => (window as KbdWindow).__kbdState!(document.activeElement));

/**
 * Keyboard-only walk of the page at `url`. Returns the problems found (empty when it passes).
 */
async function keyboardWalk(opened: OpenedPage, url: string): Promise<string[]> {
  const { page } = opened;
  const problems: string[] = [];
  await page.emulateMedia({ colorScheme: 'light' });

  // 1. First Tab: the skip link, visible. 2. Enter: focus in <main>.
  await opened.goto(url);
  await installFocusProbe(page);
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
  await installFocusProbe(page);
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
    (window as KbdWindow).__kbdCandidates = candidates;
    return candidates.length;
  });
  // Enough presses to pass every candidate and leave the page (focus then goes to the browser).
  for (let presses = 0; presses < count + 2; presses++) await page.keyboard.press('Tab');
  const seen = new Set<number>();
  const invisible: string[] = [];
  for (const s of await page.evaluate(() => (window as KbdWindow).__kbdLog!)) {
    if (s.index >= 0 && seen.has(s.index)) break; // wrapped round (or trapped: the rest is missed)
    if (s.index >= 0) seen.add(s.index);
    if (!s.visible) invisible.push(`${s.desc} (${s.style})`);
  }
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

describe('keyboard', () => {
  const web = useBuiltSite();
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openPage(web.browser, web.server.url);
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('skip link, Enter to <main>, every control reachable, focus visible (home page)', async () => {
    expect(await keyboardWalk(opened, web.server.url)).toEqual([]);
  }, 300_000);

  it('the same on a procedure page', async () => {
    const procedure = collectAllUrls().find((u) => /^\/procedures\/[^/]+\/$/.test(u));
    expect(procedure, 'no procedure page in the build').toBeDefined();
    expect(await keyboardWalk(opened, web.server.origin + procedure!)).toEqual([]);
  }, 300_000);
});

describe('the keyboard walk on an inaccessible page', () => {
  let browser: Browser;
  let server: RunningServer;
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

  it('reports the missing skip link and the invisible focus', async () => {
    const problems = await keyboardWalk(opened, `${server.url}a11y/`);
    expect(problems.some((p) => p.startsWith('first Tab focuses <a href="/"> "Home", not a skip link'))).toBe(true);
    expect(problems.some((p) => /focused elements show no focus indicator/.test(p))).toBe(true);
  }, 60_000);
});
