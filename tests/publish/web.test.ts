// Feeds, robots.txt, _headers and its CSP, JSON-LD and preview images, from the pure functions.
// (The sitemap is @astrojs/sitemap's: tests/downloads/dist.test.ts checks it on a build.)
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { atomId, FEED_ENTRIES, resolutionsFeed, themeFeed, TAG_AUTHORITY } from '../../src/publish/feeds.ts';
import { robotsTxt } from '../../src/publish/robots.ts';
import { FRAME_ANCESTORS, PAGE_CSP_DIRECTIVES, headerCsp, headersFile, metaPolicies, parseCsp } from '../../src/publish/headers.ts';
import { DATASET_SOURCES_LISTED, datasetJsonLd, jsonLdText, procedureJsonLd } from '../../src/publish/jsonld.ts';
import { procedureCard, siteCard } from '../../src/publish/previews/card.ts';
import { Canvas, crc32, wrap, type Rgb } from '../../src/publish/previews/raster.ts';
import { FACES } from '../../src/publish/previews/glyphs.ts';
import { xmlEscape } from '../../src/publish/xml.ts';
import { childText, childrenNamed, parseXml, type XmlElement } from '../helpers/xml-check.ts';
import { model } from '../helpers/model.ts';
import { makeLinks } from '../../src/site/paths.ts';

const MODES = [
  { name: 'no SITE_URL', links: makeLinks('/') },
  { name: 'SITE_URL, /kz/', links: makeLinks('/kz/', 'https://example.org') },
];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

function checkAtom(xml: string, links: ReturnType<typeof makeLinks>): XmlElement {
  const feed = parseXml(xml);
  expect(feed.name).toBe('feed');
  expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
  for (const k of ['id', 'title', 'updated']) expect(childrenNamed(feed, k), k).toHaveLength(1);
  expect(childText(feed, 'id')).toMatch(ABSOLUTE_IRI);
  expect(childText(feed, 'updated')).toMatch(RFC3339);
  expect(childrenNamed(feed, 'link').some((l) => l.attrs.rel === 'self')).toBe(true);
  expect(childrenNamed(feed, 'author')).toHaveLength(1);
  const entries = childrenNamed(feed, 'entry');
  const ids = entries.map((e) => childText(e, 'id'));
  expect(new Set(ids).size).toBe(ids.length);
  for (const e of entries) {
    for (const k of ['id', 'title', 'updated', 'summary', 'content']) expect(childrenNamed(e, k), k).toHaveLength(1);
    const id = childText(e, 'id')!;
    expect(id).toMatch(ABSOLUTE_IRI);
    if (links.absolute) expect(id.startsWith('https://example.org/kz/')).toBe(true);
    else expect(id.startsWith(`tag:${TAG_AUTHORITY}:`)).toBe(true);
    expect(childText(e, 'updated')).toMatch(RFC3339);
    const href = childrenNamed(e, 'link').find((l) => l.attrs.rel === 'alternate')!.attrs.href!;
    expect(href.startsWith(links.absolute ? 'https://example.org/kz/procedures/' : '/procedures/')).toBe(true);
    // type="html" content is escaped HTML: it decodes to markup with balanced list tags.
    const html = childText(e, 'content')!;
    expect(html).toMatch(/^<p>.*<\/p><ol>(<li>.*?<\/li>)+<\/ol>$/s);
  }
  // Newest first, with the feed updated as its newest entry.
  const updated = entries.map((e) => childText(e, 'updated')!);
  expect([...updated].sort().reverse()).toEqual(updated);
  if (updated.length) expect(childText(feed, 'updated')).toBe(updated[0]);
  return feed;
}

describe.each(MODES)('feeds ($name)', ({ links }) => {
  const site = model();

  it('the resolutions feed is well-formed Atom with one entry per procedure', () => {
    const feed = checkAtom(resolutionsFeed(site, links), links);
    expect(childrenNamed(feed, 'entry')).toHaveLength(site.procedures.length);
  });

  it('each theme feed is well-formed Atom quoting only its theme’s demands', () => {
    for (const t of site.themes) {
      const feed = checkAtom(themeFeed(site, t, links), links);
      const withTheme = site.procedures.filter((p) => p.demands.some((d) => d.themes.includes(t.id)));
      expect(childrenNamed(feed, 'entry'), t.id).toHaveLength(withTheme.length);
      const quoted = childrenNamed(feed, 'entry').reduce((n, e) => n + (childText(e, 'content')!.match(/<li>/g) ?? []).length, 0);
      expect(quoted, t.id).toBe(site.demands.filter((d) => d.themes.includes(t.id)).length);
    }
  });

  it('quotes each demand with the words that govern it and says whose words they are', () => {
    const feed = parseXml(resolutionsFeed(site, links));
    const html = childrenNamed(feed, 'entry').map((e) => childText(e, 'content')!).join('');
    for (const d of site.demands) {
      expect(html, d.id).toContain(`<q>${d.leadIn.text ? `<small>${xmlEscape(d.leadIn.text)}</small> ` : ''}${xmlEscape(d.text)}</q>`);
    }
    expect(html).toContain('The Legislative Observatory’s summary of the adopted text — not Parliament’s wording, summary ¶5.3 (this site’s numbering)');
    expect(html).toContain('A group’s motion, not the adopted text, paragraph 4');
    expect(html).toContain('quoted verbatim from the Legislative Observatory’s summary of the adopted text, not Parliament’s wording; and from a group’s motion');
  });

  it('an undated procedure gets a placeholder date, said in its summary, and no <published>', () => {
    const undated = site.procedures.find((p) => !p.adoptedDate);
    if (!undated) return;
    const feed = parseXml(resolutionsFeed(site, links));
    const e = childrenNamed(feed, 'entry').find((x) => childText(x, 'summary')!.startsWith(undated.reference))!;
    expect(childText(e, 'updated')).toBe(`${undated.year}-01-01T00:00:00Z`);
    expect(childrenNamed(e, 'published')).toHaveLength(0);
    expect(childText(e, 'summary')).toContain('adoption date not stated');
  });
});

describe('atom ids', () => {
  it('are tag: URIs without SITE_URL and URLs with it', () => {
    expect(atomId(makeLinks('/kz/'), 'procedures/2016-2607/', '#theme-x')).toBe(`tag:${TAG_AUTHORITY}:procedures/2016-2607/theme-x`);
    expect(atomId(makeLinks('/kz/', 'https://e.org'), 'procedures/2016-2607/', '#theme-x')).toBe('https://e.org/kz/procedures/2016-2607/#theme-x');
  });
});

describe('xml escaping', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(xmlEscape('a & <b> "c" \u0001\uFFFF')).toBe('a &amp; &lt;b&gt; &quot;c&quot; ');
    expect(parseXml(`<a t="${xmlEscape('"&<>')}">${xmlEscape('<&>')}</a>`)).toMatchObject({ attrs: { t: '"&<>' }, text: '<&>' });
  });

  it('the checker rejects what is not well formed', () => {
    for (const bad of ['<a>', '<a></b>', '<a>&nbsp;</a>', '<a>&</a>', '<a x="1" x="2"/>', '<a/><b/>', 'x<a/>', '<a><!-- a -- b --></a>', '<!DOCTYPE a><a/>', '<a>\u0001</a>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe('robots.txt', () => {
  it('names the sitemap index only when there is one (builds with SITE_URL)', () => {
    expect(robotsTxt(makeLinks('/'))).toBe('User-agent: *\nAllow: /\n');
    expect(robotsTxt(makeLinks('/kz/', 'https://example.org'))).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/kz/sitemap-index.xml\n');
  });
});

describe('Content Security Policy and _headers', () => {
  const pageA = "default-src 'self';object-src 'none';base-uri 'none';form-action 'self'; script-src 'self' 'sha256-BBB=' 'sha256-AAA='; style-src 'self' 'sha256-S1='";
  const pageB = "default-src 'self';object-src 'none';base-uri 'none';form-action 'self'; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-S2='";

  it("pages deny everything from another origin, plugins, <base> and foreign form targets", () => {
    expect(PAGE_CSP_DIRECTIVES).toEqual(["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]);
  });

  it("the header policy: the page directives, every page's hashes (sorted, once), frame-ancestors; never 'unsafe-inline'", () => {
    const csp = headerCsp([pageA, pageB]);
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-S1=' 'sha256-S2='; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(headerCsp([pageB, pageA])).toBe(csp);
    expect(csp).not.toContain('unsafe-inline');
    expect(parseCsp(csp).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('reads the CSP <meta> of a page', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${pageA.replace(/'/g, '&#39;')}"><style>a{}</style></head><body><meta http-equiv="content-security-policy" content="not in head"></body></html>`;
    expect(metaPolicies(html)).toEqual([pageA]);
    expect(metaPolicies('<!doctype html><title>x</title>')).toEqual([]);
  });

  it('sets the CSP and the security headers on every path and a long cache on hashed assets, under the base', () => {
    for (const base of ['/', '/kz/']) {
      const text = headersFile(base, headerCsp([pageA]));
      const blocks = text.split(/\n(?=\/)/);
      const block = (pattern: string) => blocks.find((b) => b.startsWith(`${pattern}\n`)) ?? '';
      const all = block(`${base}*`);
      expect(all).toContain(`  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-S1='; object-src 'none'; base-uri 'none'; form-action 'self'; ${FRAME_ANCESTORS}\n`);
      expect(all).toContain('  X-Content-Type-Options: nosniff');
      expect(all).toContain('  Referrer-Policy: strict-origin-when-cross-origin');
      expect(all).toContain('  X-Frame-Options: DENY');
      expect(block(`${base}_astro/*`)).toContain('  Cache-Control: public, max-age=31536000, immutable');
      for (const line of text.split('\n')) expect(line).toMatch(/^(#.*|\/\S*|  [A-Za-z-]+: .+|)$/);
    }
  });
});

describe('JSON-LD', () => {
  const site = model();
  const links = makeLinks('/kz/', 'https://example.org');

  it('describes each procedure as Legislation, with datePublished only where known', () => {
    for (const p of site.procedures) {
      const ld = procedureJsonLd(p, links) as Record<string, unknown>;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Legislation');
      expect(ld.legislationIdentifier).toBe(p.reference);
      expect(ld.name).toBe(p.title);
      expect(ld.isPartOf).toMatchObject({ '@type': 'WebSite' });
      if (p.adoptedDate) expect(ld.datePublished).toBe(p.adoptedDate);
      else expect('datePublished' in ld).toBe(false);
      const texts = ld.workExample as Array<Record<string, unknown>>;
      expect(texts.filter((t) => t['@type'] === 'LegislationObject').length).toBeGreaterThanOrEqual(p.documents.length);
    }
  });

  it('says Parliament passed a text only where a source says it adopted it (not the 2013 text)', () => {
    for (const p of site.procedures) {
      const ld = procedureJsonLd(p, links) as Record<string, unknown>;
      expect('legislationPassedBy' in ld, p.slug).toBe(!!(p.adoptedDate || p.data.adopted?.reference));
    }
    expect('legislationPassedBy' in (procedureJsonLd(site.bySlug.get('2013-2600')!, links) as object)).toBe(false);
  });

  it('gives absolute URLs with SITE_URL, and paths from the host root (resolved against the page) without', () => {
    const p = site.bySlug.get('2021-2544')!;
    const urls = (ld: unknown) => JSON.stringify(ld).match(/"(?:url|@id)":"[^"]*"/g)!.map((m) => m.replace(/^"(?:url|@id)":"|"$/g, ''));
    const own = (u: string) => !u.startsWith('https://www.europarl.europa.eu/') && !u.startsWith('https://oeil.');
    for (const u of urls(procedureJsonLd(p, links)).filter(own)) expect(u).toMatch(/^https:\/\/example\.org\/kz\//);
    for (const u of urls(procedureJsonLd(p, makeLinks('/kz/'))).filter(own)) expect(u).toMatch(/^\/kz\//);
  });

  it('cannot close its <script> early', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });

  it('describes the downloads as a Dataset', () => {
    const ld = datasetJsonLd(site, links, [{ name: 'demands.json', mediaType: 'application/json', size: 10, description: 'x' }]) as Record<string, unknown>;
    expect(ld['@type']).toBe('Dataset');
    expect(ld.distribution).toEqual([expect.objectContaining({ '@type': 'DataDownload', contentUrl: 'https://example.org/kz/data/demands.json' })]);
    expect(ld.isBasedOn).toEqual(site.procedures.map((p) => expect.stringContaining(encodeURIComponent(p.reference))));
  });

  it('names its source procedure files only while few, so the Data page stays small at any corpus size', () => {
    const many = Array.from({ length: DATASET_SOURCES_LISTED + 1 }, (_, i) => site.procedures[i % site.procedures.length]!);
    const ld = datasetJsonLd({ ...site, procedures: many }, links, []) as Record<string, unknown>;
    expect('isBasedOn' in ld).toBe(false);
    expect(JSON.stringify(ld).length).toBeLessThan(JSON.stringify(datasetJsonLd(site, links, [])).length + 200);
  });
});

describe('preview images', () => {
  const site = model();

  /**
   * Decodes our PNGs (8-bit RGB or 8-bit indexed colour, unfiltered rows) to RGB, checking the chunk
   * sequence (IHDR, PLTE if and only if indexed, IDAT, IEND), every CRC and every palette index.
   */
  function readPng(png: Uint8Array) {
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
    let o = 8;
    const chunks: Array<{ type: string; data: Uint8Array }> = [];
    while (o < png.length) {
      const len = dv.getUint32(o);
      const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
      const data = png.subarray(o + 8, o + 8 + len);
      expect(dv.getUint32(o + 8 + len), `${type} CRC`).toBe(crc32(png.subarray(o + 4, o + 8 + len)));
      chunks.push({ type, data });
      o += 12 + len;
    }
    expect(o).toBe(png.length);
    const ihdr = chunks[0]!.data;
    const ih = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
    const width = ih.getUint32(0);
    const height = ih.getUint32(4);
    const colorType = ihdr[9]!;
    expect([ihdr[8], ihdr[10], ihdr[11], ihdr[12]], 'bit depth 8, deflate, filter method 0, no interlace').toEqual([8, 0, 0, 0]);
    expect([2, 3]).toContain(colorType);
    const indexed = colorType === 3;
    expect(chunks.map((c) => c.type)).toEqual(indexed ? ['IHDR', 'PLTE', 'IDAT', 'IEND'] : ['IHDR', 'IDAT', 'IEND']);
    const palette = indexed ? chunks[1]!.data : undefined;
    if (palette) {
      expect(palette.length % 3).toBe(0);
      expect(palette.length / 3).toBeGreaterThan(0);
      expect(palette.length / 3).toBeLessThanOrEqual(256);
    }
    const raw = inflateSync(chunks.at(-2)!.data);
    const bpp = indexed ? 1 : 3;
    expect(raw.length).toBe((width * bpp + 1) * height);
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      const row = y * (width * bpp + 1);
      expect(raw[row], 'filter type "None"').toBe(0);
      if (!palette) rgb.set(raw.subarray(row + 1, row + 1 + width * 3), y * width * 3);
      else {
        for (let x = 0; x < width; x++) {
          const k = raw[row + 1 + x]!;
          if (3 * k >= palette.length) expect.fail(`palette index ${k} out of range at ${x},${y}`);
          rgb.set(palette.subarray(3 * k, 3 * k + 3), (y * width + x) * 3);
        }
      }
    }
    return { width, height, colorType, rgb };
  }

  const pixel = (img: { width: number; rgb: Uint8Array }, x: number, y: number) => [...img.rgb.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3)];
  const colorsIn = (rgb: Uint8Array) => {
    const set = new Set<number>();
    for (let i = 0; i < rgb.length; i += 3) set.add((rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!);
    return set.size;
  };

  it('are 1200×630 indexed-colour PNGs with text drawn, one per procedure, deterministic', () => {
    for (const p of site.procedures) {
      const png = procedureCard(p);
      const img = readPng(png);
      expect([img.width, img.height]).toEqual([1200, 630]);
      expect(img.colorType, 'a card fits a palette').toBe(3);
      // Not blank: an accent bar on the background, and anti-aliased text (many shades of it) …
      expect(pixel(img, 5, 300)).not.toEqual(pixel(img, 1190, 5));
      expect(colorsIn(img.rgb)).toBeGreaterThan(50);
      // … with the title's dark ink in the title area.
      let ink = 0;
      for (let y = 150; y < 380; y++) {
        for (let x = 88, o = (y * 1200 + x) * 3; x < 1128; x++, o += 3) if (Math.max(img.rgb[o]!, img.rgb[o + 1]!, img.rgb[o + 2]!) < 64) ink++;
      }
      expect(ink).toBeGreaterThan(10_000);
      expect(Buffer.from(procedureCard(p)).equals(Buffer.from(png))).toBe(true);
    }
    expect(readPng(siteCard(site)).width).toBe(1200);
  });

  it('encode the canvas losslessly: as a palette up to 256 colours, as RGB beyond', () => {
    const bg: Rgb = [250, 248, 240];
    const draw = (c: Canvas) => {
      c.fillRect(0, 0, 12, 120, [138, 59, 18]);
      c.text('Kazakhstan — Tjgy 2019/2610(RSP) …', 20, 50, 'bold', 40, [27, 31, 36]);
      c.text('freedom of assembly, verbatim', 20, 100, 'regular', 28, [11, 79, 138]);
    };
    const small = new Canvas(640, 160, bg);
    draw(small);
    const a = readPng(small.png());
    expect(a.colorType).toBe(3);
    expect(Buffer.from(a.rgb).equals(Buffer.from(small.rgb)), 'indexed PNG = canvas').toBe(true);
    expect(colorsIn(a.rgb)).toBeGreaterThan(20);
    expect(pixel(a, 5, 60)).toEqual([138, 59, 18]);
    expect(pixel(a, 630, 5)).toEqual(bg);
    // The same drawing after 300 one-pixel fills of distinct colours (bottom rows): too many for a
    // palette, so RGB, with the same pixels as the indexed image everywhere else.
    const many = new Canvas(640, 160, bg);
    for (let i = 0; i < 300; i++) many.fillRect(i % 640, 150 + Math.floor(i / 640), 1, 1, [i & 255, (i >> 8) * 100, 7]);
    draw(many);
    const b = readPng(many.png());
    expect(b.colorType).toBe(2);
    expect(Buffer.from(b.rgb).equals(Buffer.from(many.rgb)), 'RGB PNG = canvas').toBe(true);
    expect(pixel(b, 299, 150)).toEqual([43, 100, 7]);
    const top = 150 * 640 * 3;
    expect(Buffer.from(b.rgb.subarray(0, top)).equals(Buffer.from(a.rgb.subarray(0, top))), 'RGB PNG = indexed PNG').toBe(true);
  });

  it('has a glyph for every character the images draw (else it draws "?": rerun make-glyphs.mjs with more CHARS)', () => {
    const text = site.procedures.map((p) => `${p.title} ${p.reference} ${p.adoptedDate ?? ''}`).join(' ') + ' EP demands on Kazakhstan · … –';
    for (const face of ['regular', 'bold'] as const) {
      const missing = [...new Set(text)].filter((ch) => !(ch in FACES[face].glyphs));
      expect(missing, face).toEqual([]);
    }
  });

  it('wraps long titles within four lines with an ellipsis', () => {
    const lines = wrap('word '.repeat(200), 'bold', 60, 1000, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]!.endsWith('…')).toBe(true);
    expect(wrap('Short title', 'bold', 60, 1000, 4)).toEqual(['Short title']);
  });
});

describe('feed size', () => {
  it('keeps only the newest resolutions however many the site holds', () => {
    const site = model();
    const many = Array.from({ length: FEED_ENTRIES + 10 }, (_, i) => site.procedures[i % site.procedures.length]!);
    const big = { ...site, procedures: many };
    const links = makeLinks('/');
    expect(childrenNamed(parseXml(resolutionsFeed(big, links)), 'entry')).toHaveLength(FEED_ENTRIES);
    const theme = site.themes.find((t) => site.demands.some((d) => d.themes.includes(t.id)))!;
    expect(childrenNamed(parseXml(themeFeed(big, theme, links)), 'entry').length).toBeLessThanOrEqual(FEED_ENTRIES);
    expect(childrenNamed(parseXml(resolutionsFeed(site, links)), 'entry')).toHaveLength(site.procedures.length);
  });
});
