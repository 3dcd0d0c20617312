import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import type { SiteModel } from '../../../src/content/model/types.ts';
import { compareDates } from '../../../src/content/model/dates.ts';

const root = path.resolve(import.meta.dirname, '../../..');
let site: SiteModel;

beforeAll(() => {
  const { input, issues } = loadContent(path.join(root, 'content'), root);
  expect(issues).toEqual([]);
  site = buildSite(input);
});

describe('the real content', () => {
  it('has the four procedures, oldest first', () => {
    expect(site.procedures.map((p) => p.reference)).toEqual(['2013/2600(RSP)', '2016/2607(RSP)', '2019/2610(RSP)', '2021/2544(RSP)']);
  });

  it('has the hand-checked number of demands per procedure and document', () => {
    const counts = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/demand-counts.json'), 'utf8')) as Record<string, Record<string, number>>;
    const actual: Record<string, Record<string, number>> = {};
    for (const d of site.demands) {
      actual[d.slug] ??= {};
      actual[d.slug]![d.documentId] = (actual[d.slug]![d.documentId] ?? 0) + 1;
    }
    expect(actual).toEqual(counts);
  });

  it('marks every demand as reviewed, since all four procedures are curated', () => {
    expect(site.demands.filter((d) => !d.reviewed)).toEqual([]);
  });

  it('gives every demand a unique id and a text that stands verbatim in its item', () => {
    expect(new Set(site.demands.map((d) => d.id)).size).toBe(site.demands.length);
    for (const d of site.demands) {
      const item = site.bySlug.get(d.slug)!.items.get(d.anchor)!;
      expect(item.text.slice(d.start, d.start + d.text.length)).toBe(d.text);
      expect(d.id).toBe(`${d.slug}-${d.anchor}-${d.id.split('-').at(-1)}`);
    }
  });

  it('marks the motion’s demands as a motion’s', () => {
    const motion = site.demands.filter((d) => d.documentKind === 'motion');
    expect(motion.length).toBeGreaterThan(0);
    expect(motion.every((d) => d.slug === '2016-2607' && d.anchor.startsWith('motion-'))).toBe(true);
  });

  it('knows what the sources do not state', () => {
    const p2013 = site.bySlug.get('2013-2600')!;
    expect(p2013.adoptedDate).toBeUndefined();
    expect(p2013.data.procedureFile).toBeUndefined();
    const p2019 = site.bySlug.get('2019-2610')!;
    expect(p2019.data.procedureFile).toBeUndefined();
    expect(p2019.adoptedDate).toBe('2019-03-14');
    expect(site.bySlug.get('2021-2544')!.data.adopted?.vote).toMatchObject({ for: 598, against: 43, abstentions: 52 });
  });

  it('keeps misspellings as printed and links them to one person', () => {
    const kuramshin = site.people.find((p) => p.aliases.includes('Kurashim'));
    expect(kuramshin).toBeDefined();
    const printed = new Set(kuramshin!.mentions.map((m) => m.as));
    expect([...printed].some((s) => s.includes('Kuramshin'))).toBe(true);
    expect([...printed].some((s) => s.includes('Kurashim'))).toBe(true);
  });

  it('tracks the recurring calls the issue names as threads across procedures', () => {
    const spans = (pred: (title: string) => boolean) => site.threads.filter((t) => pred(t.title.toLowerCase())).map((t) => t.procedures);
    expect(spans((t) => t.includes('kozlov'))).toContainEqual(['2013-2600', '2016-2607']);
    expect(spans((t) => t.includes('discord'))[0]).toEqual(expect.arrayContaining(['2013-2600', '2016-2607', '2019-2610']));
    expect(spans((t) => t.includes('torture'))[0]).toEqual(expect.arrayContaining(['2016-2607', '2019-2610', '2021-2544']));
  });

  it('orders timeline events by date (the rule for mixed precisions: tests/site/timeline/order.test.ts)', () => {
    for (let i = 1; i < site.events.length; i++) expect(compareDates(site.events[i - 1]!.date, site.events[i]!.date)).toBeLessThanOrEqual(0);
  });
});
