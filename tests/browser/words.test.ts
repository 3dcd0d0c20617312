/// <reference types="node" />
// The words of every built page (dist/, read as text: no browser needed), against what readers were
// promised or misled by: no export file names, no jargon without its plain label, plurals that
// agree, breadcrumbs to their real parents, no claim the sources do not support, and exactly which
// texts the site holds said on the home and Data pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAllUrls, distPath } from './harness';
import { model } from '../helpers/model.ts';
import { holdingsSentences } from '../../src/site/holdings.ts';

const pages = collectAllUrls('dist', '/').filter((u) => !u.endsWith('.html') || u === '/404.html');
const html = (u: string) => readFileSync(path.join(distPath('dist'), u === '/404.html' ? '404.html' : `${u}index.html`), 'utf8');
/** The page's visible text: scripts, styles and tags removed, entities decoded, spaces collapsed. */
const text = (u: string) =>
  html(u)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('words on every page', () => {
  it('covers the whole build', () => expect(pages.length).toBeGreaterThan(50));

  it('names no export file (the downloads keep the file names)', () => {
    const found = pages.filter((u) => /\b\d{3}_[0-9a-f]{16}\.txt\b/.test(text(u)) || /Source document:/.test(text(u)));
    expect(found).toEqual([]);
  });

  it('says the procedure file’s jargon in plain words, naming the official term only beside them in quotes', () => {
    // "Documents" for the “Documentation gateway”, "Institutions involved" for the “Key players”, "printed under the title" for a dateline.
    const jargon = /documentation gateway|key players|dateline/i;
    const found = pages.filter((u) => u !== '/data/' && jargon.test(text(u).replace(/“(Documentation gateway|Key players)”/g, '')));
    expect(found).toEqual([]);
  });

  it('calls the themes "Themes" everywhere, one name for one page', () => {
    const found = pages.filter((u) => /Themes (across|by) (the )?years?/i.test(text(u)));
    expect(found).toEqual([]);
  });

  it('agrees number with count: never "1 demands"', () => {
    const said = (u: string) => `${text(u)} ${[...html(u).matchAll(/ content="([^"]*)"/g)].map((m) => m[1]).join(' ')}`;
    const found = pages.flatMap((u) => [...said(u).matchAll(/(?<![\d.,])1 (demands|mentions|events|resolutions|procedures|themes|people|texts)\b/g)].map((m) => `${u}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('leads the "Resolutions" breadcrumb to the resolutions list, not home', () => {
    for (const u of pages.filter((p) => p.startsWith('/procedures/'))) {
      const crumb = /<p class="meta crumbs"[^>]*><a href="([^"]+)"[^>]*>Resolutions<\/a>/.exec(html(u));
      expect(crumb && new URL(crumb[1]!, `https://site.example${u}`).pathname, u).toBe('/resolutions/');
    }
  });

  it('claims no resolution or full text the sources do not support', () => {
    const home = text('/');
    expect(home).not.toMatch(/before and after these/);
    expect(home).not.toMatch(/quote a resolution exactly/);
    expect(text('/data/')).not.toMatch(/resolutions with their full texts/);
    expect(text('/about/')).not.toMatch(/later resolutions are not covered/);
  });

  it('says on the home and Data pages exactly which texts the site holds', () => {
    const said = holdingsSentences(model());
    expect(said.join(' ')).toContain('Parliament’s own resolution text, in full, for 2013/2600(RSP)');
    expect(said.join(' ')).toContain('summaries of the adopted texts, which are not Parliament’s wording, for 2016/2607(RSP), 2019/2610(RSP) and 2021/2544(RSP)');
    expect(said.join(' ')).toContain('A group’s motion for a resolution, not the adopted text, for 2016/2607(RSP)');
    for (const u of ['/', '/data/']) for (const s of said) expect(text(u), u).toContain(s);
  });
});
