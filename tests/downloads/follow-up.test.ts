// The follow-up and citation downloads (their JSON Schemas are checked with every other download in
// records.test.ts): follow-up.csv round-trips to follow-up.json, since-then.json carries each
// demand's line with absolute links when SITE_URL is set, citations.json says what is not held.
import { describe, expect, it } from 'vitest';
import { renderAll } from '../../src/downloads/catalogue.ts';
import { CSV_LIST_SEPARATOR } from '../../src/downloads/records.ts';
import { parse } from 'csv-parse/sync';
import { FOLLOW_UP_CSV_COLUMNS, type CitationRecord, type FollowUpRecord, type SinceThenRecord } from '../../src/downloads/schemas.ts';
import { makeLinks } from '../../src/site/paths.ts';
import { model } from '../helpers/model.ts';

const site = model();
const files = renderAll(site, makeLinks('/kz/', 'https://example.org'));
const json = <T,>(name: string) => JSON.parse(files.get(name)!) as T[];

describe('follow-up downloads', () => {
  it('follow-up.csv round-trips to follow-up.json', () => {
    const records = json<FollowUpRecord>('follow-up.json');
    expect(records).toHaveLength(site.followUps.length);
    const [header, ...rows] = parse(files.get('follow-up.csv')!, { record_delimiter: '\r\n' }) as string[][];
    expect(header).toEqual([...FOLLOW_UP_CSV_COLUMNS]);
    expect(rows).toHaveLength(records.length);
    rows.forEach((row, i) => {
      const r = records[i]!;
      const rec = Object.fromEntries(header!.map((h, j) => [h, row[j]!]));
      expect(rec.demands!.split(CSV_LIST_SEPARATOR)).toEqual(r.demands);
      expect(rec.quote).toBe(r.quote);
      expect(Number(rec.year)).toBe(r.year);
    });
  });

  it('since-then.json has every demand once, in the order of demands.json, with absolute links to passages', () => {
    const lines = json<SinceThenRecord>('since-then.json');
    expect(lines.map((l) => l.demand)).toEqual(site.demands.map((d) => d.id));
    const kozlov = lines.find((l) => l.demand === '2013-2600-para-6-1')!;
    expect(kozlov.text).toBe(site.sinceThen.get(kozlov.demand)!.parts.map((p) => p.text).join(''));
    expect(kozlov.parts.find((p) => p.text === 'motion, paragraph 3')!.permalink).toBe('https://example.org/kz/procedures/2016-2607/#motion-para-3');
  });

  it('citations.json names the cited resolutions the collection lacks, with their printed dates and references', () => {
    const notHeld = json<CitationRecord>('citations.json').filter((c) => c.kind === 'ep-resolution' && c.named && !c.held);
    expect(notHeld.map((c) => [c.datePrinted, c.footnote?.reference ?? null])).toEqual([
      ['15 March 2012', 'P7_TA(2012)0089'],
      ['15 December 2011', 'P7_TA(2011)0588'],
      ['17 September 2009', 'OJ C 224 E, 19.8.2010, p. 30'],
      ['22 November 2012', 'P7_TA(2012)0459'],
    ]);
    expect(notHeld.every((c) => c.permalink.startsWith('https://example.org/kz/procedures/2013-2600/#citation-'))).toBe(true);
  });
});
