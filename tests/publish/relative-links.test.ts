/// <reference types="node" />
// src/publish/relative-links.ts: the built pages' root-relative links become page-relative, so one
// dist/ works at any path. (That the real build then works at / and at /mirror/x/ is checked by the
// crawl, tests/browser/crawl.test.ts.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagePathOf, relativeUrl, relativizeBuild, relativizeHtml } from '../../src/publish/relative-links.ts';

describe('relativeUrl', () => {
  const cases: Array<[target: string, page: string, base: string, expected: string | undefined]> = [
    ['/procedures/b/', '/procedures/a/', '/', '../b/'],
    ['/', '/procedures/a/', '/', '../../'],
    ['/about/', '/', '/', 'about/'],
    ['/', '/', '/', './'],
    ['/data/demands.json', '/data/', '/', 'demands.json'],
    ['/procedures/a/#para-3', '/procedures/a/', '/', '#para-3'],
    ['/procedures/a/?q=x#f', '/procedures/a/', '/', './?q=x#f'],
    ['/procedures/a/cite/#cite-1', '/procedures/a/', '/', 'cite/#cite-1'],
    ['/search/?q=Kozlov&amp;year=2016', '/themes/x/', '/', '../../search/?q=Kozlov&amp;year=2016'],
    ['/kz/themes/x/', '/kz/', '/kz/', 'themes/x/'],
    ['/kz', '/kz/about/', '/kz/', '../'],
    ['/kz/a:b/', '/kz/', '/kz/', './a:b/'],
    ['/other/', '/kz/', '/kz/', undefined],
    ['//cdn.example.org/x.js', '/', '/', undefined],
  ];
  it.each(cases)('%s from %s (base %s) → %s', (target, page, base, expected) => {
    expect(relativeUrl(target, page, base)).toBe(expected);
  });

  it('resolves back to the original address at any mount point', () => {
    for (const [target, page, , rel] of cases) {
      if (rel === undefined) continue;
      for (const mount of ['http://h.test', 'http://h.test/mirror/x']) {
        const want = new URL(mount + target.replace(/^\/kz(\/|$)/, '/kz/').replace(/&amp;/g, '&'));
        const got = new URL(rel.replace(/&amp;/g, '&'), mount + page);
        expect(got.href, `${rel} on ${mount}${page}`).toBe(want.href);
      }
    }
  });
});

describe('relativizeHtml', () => {
  it('rewrites only the values of link attributes, byte for byte elsewhere', () => {
    const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><link rel="canonical" href="https://example.org/procedures/a/"><meta property="og:url" content="https://example.org/procedures/a/"><style>a{color:red}</style><script type="application/ld+json">{"url":"/procedures/a/"}</script></head>`;
    const body = (h: Record<string, string>) =>
      `<body><a href=${h.a}>x</a> <a href='${h.b}' class="c">y</a> <a href="#main">skip</a> <a href="https://www.europarl.europa.eu/x">ep</a>` +
      `<img src="${h.img}" srcset="${h.srcset}" alt=""><form action="${h.action}" data-index="${h.index}" data-root="${h.root}" data-date="2016-03"></form>` +
      `<blockquote cite="${h.cite}">q</blockquote><script type="module" src="${h.script}"></script><script>const s = '<a href="/no/">';</script></body></html>`;
    const before = head + body({ a: '/themes/x/', b: '/procedures/b/#para-1', img: '/img/a.png', srcset: '/img/a.png 1x, /img/a-2x.png 2x', action: '/search/', index: '/search/', root: '/', cite: '/procedures/a/#para-2', script: '/_astro/s.js' });
    const { html, rewritten } = relativizeHtml(before, '/procedures/a/', '/');
    const headAfter = head.replace('href="/favicon.svg"', 'href="../../favicon.svg"');
    expect(html).toBe(
      headAfter +
        body({ a: '../../themes/x/', b: '../b/#para-1', img: '../../img/a.png', srcset: '../../img/a.png 1x, ../../img/a-2x.png 2x', action: '../../search/', index: '../../search/', root: '../../', cite: '#para-2', script: '../../_astro/s.js' }),
    );
    expect(rewritten).toBe(10);
  });

  it('rewrites the target of a meta refresh, and leaves paths outside the base alone', () => {
    const html = '<meta http-equiv="refresh" content="0;url=/kz/new/"><link rel="canonical" href="/kz/new/"><a href="/elsewhere/">x</a>';
    expect(relativizeHtml(html, '/kz/old/', '/kz/').html).toBe('<meta http-equiv="refresh" content="0;url=../new/"><link rel="canonical" href="../new/"><a href="/elsewhere/">x</a>');
  });

  it('finds nothing to do in a page that is already relative', () => {
    const html = '<a href="../x/">x</a><a href="#y">y</a><a href="mailto:a@b.c">m</a>';
    expect(relativizeHtml(html, '/a/', '/')).toEqual({ html, rewritten: 0 });
  });
});

describe('relativizeBuild', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'relative-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites every page of a build but the 404 page, which a host serves at any depth', async () => {
    const page = '<a href="/kz/about/">About</a>';
    mkdirSync(path.join(dir, 'about'));
    writeFileSync(path.join(dir, 'index.html'), page);
    writeFileSync(path.join(dir, 'about/index.html'), page);
    writeFileSync(path.join(dir, '404.html'), page);
    expect(await relativizeBuild(dir, '/kz/')).toEqual({ pages: 2, rewritten: 2 });
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('<a href="about/">About</a>');
    expect(readFileSync(path.join(dir, 'about/index.html'), 'utf8')).toBe('<a href="./">About</a>');
    expect(readFileSync(path.join(dir, '404.html'), 'utf8')).toBe(page);
  });

  it('maps files to the paths they are served at', () => {
    expect(pagePathOf('index.html', '/')).toBe('/');
    expect(pagePathOf(path.join('procedures', 'a', 'index.html'), '/kz/')).toBe('/kz/procedures/a/');
    expect(pagePathOf('feed.html', '/kz')).toBe('/kz/feed.html');
  });
});
