/// <reference types="node" />
// The site against its sources: every sentence of every summary and text in content/sources appears
// verbatim on its procedure page, and every cell of the procedure files' tables is shown.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, ROOT, serveDist } from './harness';
import { loadContent } from '../../src/content/load.ts';
import { formatDate } from '../../src/content/model/dates.ts';

const SEEDS = path.resolve(ROOT, 'content/sources');
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Which seed feeds which procedure, as the content declares it. */
function seedMap(): Map<string, string> {
  const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
  expect(issues).toEqual([]);
  const map = new Map<string, string>();
  for (const p of input.procedures) {
    if (p.data.procedureFile) map.set(p.data.procedureFile.source, p.slug);
    for (const d of p.data.documents) map.set(d.source, p.slug);
  }
  return map;
}

/** Splits a seed into its procedure-file part (tables) and its text part (summary or resolution). */
function splitSeed(raw: string): { table: string; text: string } {
  const i = raw.search(/^# Resolution on /m);
  if (/^\s*(# Procedure file|Basic information)/m.test(raw.slice(0, 400)) && i >= 0) return { table: raw.slice(0, i), text: raw.slice(i) };
  return { table: '', text: raw };
}

/**
 * The sentences of a text, normalised only for whitespace and line-end hyphenation: list markers
 * and Markdown heading marks of the export are dropped, lines are joined, and the text is cut at
 * sentence and clause ends so that each piece must appear contiguously on the page.
 */
export function sentencesOf(text: string): string[] {
  let titled = false;
  const joined = text
    .split('\n')
    .map((l) => {
      // Titles, headings and datelines stand on their own lines: end a piece after each.
      const standalone = /^\s*#+\s/.test(l) || /^\s*\(?\d{4}\/\d{4}\(RSP\)/.test(l) || (!titled && /\S/.test(l));
      if (/\S/.test(l)) titled = true;
      const line = /^\s*---\s*$/.test(l) ? '' : l.replace(/^\s*(#+\s+|[-–]\s*(?=\S))/, '');
      return standalone ? `${line}\u0000` : line;
    })
    .join('\n')
    .replace(/(\S)-[ \t]*\n\s*(?=\S)/g, '$1-') // "Prosecutor- ⏎ General" → "Prosecutor-General"
    .replace(/\s+/g, ' ');
  return joined
    .split(/(?<=[.;:,])\s+|\s*\u0000\s*/)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 3);
}

const TABLE_LABELS = /^(# Procedure file|Basic information|Key players|Key events|Technical information|Documentation gateway|Date|Event|Reference|Summary|Document type|Committee|Procedure reference|Procedure type|Procedure subtype|Other legal basis|Legal basis|Stage reached in procedure|Subject|Geographical area)$/;

/** Every cell of a procedure file's tables, with the labels the page prints as headers dropped. */
export function cellsOf(table: string): string[] {
  return table
    .replace(/<\/?b>/g, '\t')
    .replace(/<a [^>]*>([^<]*)<\/a>/g, '$1')
    .split('\n')
    .flatMap((line) => line.split(/\t| {2,}/))
    .flatMap((c) => c.split(/(?=\b\d+\.\d+\.\d+ )/))
    .map((c) => collapse(c.replace(/^(Subject|Geographical area) /, '')))
    .filter((c) => c && !TABLE_LABELS.test(c));
}

describe('fidelity to the sources', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const pageText = new Map<string, string>();
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const map = seedMap();

  beforeAll(async () => {
    server = await serveDist('dist', '/');
    browser = await launchBrowser();
    for (const slug of new Set(map.values())) {
      const opened = await openPage(browser, `${server.url}procedures/${slug}/`);
      pageText.set(slug, collapse(await opened.page.evaluate(() => document.body.innerText)));
      await opened.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('uses every source document', () => {
    expect(seeds.length).toBe(5);
    for (const s of seeds) expect(map.has(s), `${s} is not used by any procedure`).toBe(true);
  });

  it.each(seeds)('shows every sentence of %s verbatim', (seed) => {
    const { text } = splitSeed(fs.readFileSync(path.join(SEEDS, seed), 'utf8'));
    const page = pageText.get(map.get(seed)!)!;
    const sentences = sentencesOf(text);
    expect(sentences.length).toBeGreaterThan(10);
    const missing = sentences.filter((s) => !page.includes(s));
    expect(missing, `sentences of ${seed} missing from /procedures/${map.get(seed)}/`).toEqual([]);
  });

  it.each(seeds.filter((s) => splitSeed(fs.readFileSync(path.join(SEEDS, s), 'utf8')).table))('shows every field of the procedure file %s', (seed) => {
    const { table } = splitSeed(fs.readFileSync(path.join(SEEDS, seed), 'utf8'));
    const page = pageText.get(map.get(seed)!)!;
    const cells = cellsOf(table);
    expect(cells.length).toBeGreaterThan(20);
    const shown = (c: string) => {
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(c);
      return page.includes(m ? formatDate(`${m[3]}-${m[2]}-${m[1]}`) : c);
    };
    expect(cells.filter((c) => !shown(c)), `fields of ${seed} not shown`).toEqual([]);
  });

  it('detects a sentence that is not on the page', () => {
    const page = pageText.get('2013-2600')!;
    expect(page.includes('reaffirms its call for the release of all persons convicted')).toBe(true);
    expect(page.includes('reaffirms its call for the release of all person convicted')).toBe(false);
  });
});
