/// <reference types="node" />
// The link gate (scripts/check-links.mjs) on the built site, root and sub-path builds, and on a
// hand-made broken site that it must fail. Builds nothing: `npm run test:build` first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, parseHtml } from '../../scripts/tools/check-links.mjs';
import { BUILDS, requireBuild, ROOT, runNode } from './gate-helpers';

const SCRIPT = path.join(ROOT, 'scripts/check-links.mjs');
const BROKEN = 'tests/fixtures/broken-site';

describe.each(BUILDS)('links of $dir (base $base)', ({ dir, base, build }) => {
  it('every internal link and fragment resolves; external links only to official hosts', async () => {
    requireBuild(dir, build);
    const result = await runNode([SCRIPT, dir, base], { timeoutMs: 120_000 });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/^links OK: \d+ links on \d+ pages/m);
  }, 120_000);
});

describe('check-links on a broken site', () => {
  it('fails (exit 1) and prints each problem with page, link and why', async () => {
    const result = await runNode([SCRIPT, BROKEN, '/'], { timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^link check FAILED: 15 problems/m);
    expect(result.stderr).toContain('/missing-page/\n      a[href]: no such file in the build (missing-page/index.html)\n      on page: /:19');
  }, 60_000);

  it('finds every planted fault and nothing else', () => {
    const { problems, pages } = checkLinks(path.join(ROOT, BROKEN), '/');
    expect(pages).toBe(8);
    const found = problems.map((p) => `${p.page} ${p.link} | ${p.why}`).sort();
    expect(found).toEqual(
      [
        '/ /missing.css | link[href]: no such file in the build (missing.css)',
        '/ /missing.js | script[src]: no such file in the build (missing.js)',
        '/ /missing-page/ | a[href]: no such file in the build (missing-page/index.html)',
        '/ https://kz.example.org/old-page/ | a[href]: no such file in the build (old-page/index.html)',
        '/ /about/#nope | a[href]: no element with id="nope" (or <a name>) in /about/',
        '/ #also-missing | a[href]: no element with id="also-missing" (or <a name>) in /',
        "/ /about | a[href]: points to a folder without its trailing slash (the site uses trailingSlash: 'always'): link to about/",
        '/ https://evil.example.com/page | a[href]: external host evil.example.com is not on the allow-list (oeil.secure.europarl.europa.eu, www.europarl.europa.eu)',
        '/ http://www.europarl.europa.eu/ | a[href]: official links must use https://',
        '/ # | a[href]: empty fragment "#": link to a real target, or use a <button>',
        '/ /img/missing.png | img[src]: no such file in the build (img/missing.png)',
        '/ /img/missing-2x.png | img[srcset]: no such file in the build (img/missing-2x.png)',
        '/ /search/ | form[action]: no such file in the build (search/index.html)',
        '/moved-bad/ /nowhere/ | meta[refresh]: no such file in the build (nowhere/index.html)',
        '/security/ https://tracker.example.com/pixel.gif | img[src]: external host tracker.example.com is not on the allow-list (oeil.secure.europarl.europa.eu, www.europarl.europa.eu)',
      ].sort(),
    );
  });

  it('served under a sub-path, root-absolute links are outside the base', () => {
    const { problems } = checkLinks(path.join(ROOT, BROKEN), '/kz/');
    expect(problems.find((p) => p.page === '/kz/' && p.link === '/about/')?.why).toMatch(/outside the base path \/kz\//);
    // Relative and fragment-only links still resolve against the page.
    expect(problems.find((p) => p.link === '#main')).toBeUndefined();
  });

  it('fails clearly when the folder was not built', async () => {
    const result = await runNode([SCRIPT, 'tests/fixtures/no-such-build', '/'], { timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-such-build\/index\.html is missing: build the site first/);
  }, 60_000);
});

describe('the HTML tokenizer', () => {
  it('reads quoted attributes containing ">" and decodes entities', () => {
    const { tags } = parseHtml('<p title="a > b"><a href="/x/?a=1&amp;b=2#f" data-x=\'y\'>t</a></p>');
    expect(tags.map((t) => t.name)).toEqual(['p', 'a']);
    expect(tags[0]?.attrs.get('title')).toBe('a > b');
    expect(tags[1]?.attrs.get('href')).toBe('/x/?a=1&b=2#f');
  });

  it('ignores comments and the text of scripts', () => {
    const { tags, styles } = parseHtml('<!-- <a href="/no/"> --><script>const s = "<a href=\'/no/\'>";</script><style>a{background:url(/i.png)}</style><a href="/yes/">');
    expect(tags.filter((t) => t.name === 'a').map((t) => t.attrs.get('href'))).toEqual(['/yes/']);
    expect(styles[0]?.text).toContain('url(/i.png)');
  });
});
