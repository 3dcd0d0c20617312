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

describe('demand ids that never move', () => {
  const fresh = () => loadContent(path.join(root, 'content'), root).input;

  it('keeps every curated id as written in content/demands, whatever is added beside it', () => {
    const input = fresh();
    const file = input.demandFiles.find((f) => f.slug === '2013-2600')!;
    const first = file.data.demands[0]!;
    file.data.demands.splice(0, 0, { ...first, id: '2013-2600-para-3-3', text: 'encourages Kazakhstan', themes: first.themes });
    const site = buildSite(input);
    expect(site.demandById.get('2013-2600-para-3-1')!.text).toBe(first.text);
    expect(site.demandById.get('2013-2600-para-3-2')!.text).toMatch(/^encourages Kazakhstan to view criticisms/);
    expect(site.demandById.get('2013-2600-para-3-3')!.text).toBe('encourages Kazakhstan');
  });

  it('refuses a curated id that belongs to another procedure', () => {
    const input = fresh();
    input.demandFiles.find((f) => f.slug === '2013-2600')!.data.demands[0]!.id = '2016-2607-para-3-1';
    expect(() => buildSite(input)).toThrow(/demands\[0\]\.id: the id 2016-2607-para-3-1 belongs to another procedure: the ids of 2013\/2600\(RSP\) start with 2013-2600-/);
  });

  it('derives an uncurated demand’s id from its own words, so inserting a demand renumbers nothing', () => {
    const input = fresh();
    input.demandFiles = input.demandFiles.filter((f) => f.slug !== '2019-2610');
    input.threads.data = input.threads.data.filter((t) => !t.demands.some((id) => id.startsWith('2019-2610-')));
    input.followUp.data = input.followUp.data.filter((r) => !r.demands.some((id) => id.startsWith('2019-2610-')));
    const before = buildSite(input).demands.filter((d) => d.slug === '2019-2610');
    expect(before.length).toBeGreaterThan(5);
    for (const d of before) expect(d.id).toMatch(new RegExp(`^2019-2610-${d.anchor}-[0-9a-f]{6}$`));
    const proc = input.procedures.find((p) => p.slug === '2019-2610')!;
    // A new call in an item that already holds one: the other demands of that item keep their ids.
    proc.body = proc.body.replace('Parliament called on the Kazakhstan authorities to put an end', 'Parliament called on the Commission to act. Parliament called on the Kazakhstan authorities to put an end');
    const after = new Map(buildSite(input).demands.filter((d) => d.slug === '2019-2610').map((d) => [d.id, d.text]));
    expect(after.size).toBe(before.length + 1);
    for (const d of before) expect(after.get(d.id)).toBe(d.text);
  });

  it('refuses the same words found automatically twice in one procedure', () => {
    const input = fresh();
    input.demandFiles = input.demandFiles.filter((f) => f.slug !== '2019-2610');
    input.threads.data = input.threads.data.filter((t) => !t.demands.some((id) => id.startsWith('2019-2610-')));
    input.followUp.data = input.followUp.data.filter((r) => !r.demands.some((id) => id.startsWith('2019-2610-')));
    const proc = input.procedures.find((p) => p.slug === '2019-2610')!;
    proc.body = proc.body.replace('- respect citizens', '- guarantee that the LGBTI community will not face any discrimination;\n- respect citizens');
    expect(() => buildSite(input)).toThrow(/2019-2610\.md:38 {2}summary-6-8: duplicate demand: found automatically in summary-6-7 and again in summary-6-8 \(ids 2019-2610-summary-6-7-[0-9a-f]{6} and 2019-2610-summary-6-8-[0-9a-f]{6}\)/);
  });
});

describe('moved addresses', () => {
  it('accepts a gone address moved to one that exists, and refuses one still published or moved nowhere', () => {
    const input = loadContent(path.join(root, 'content'), root).input;
    input.moved.data = [
      { from: 'procedures/2013-2600/#demand-2013-2600-para-3-9', to: 'procedures/2013-2600/#demand-2013-2600-para-3-2', why: 'Split.' },
      { from: 'people/kozlov/', to: 'people/vladimir-kozlov/', why: 'Id corrected.' },
    ];
    expect(buildSite(input).moved).toHaveLength(2);
    input.moved.data.push({ from: 'procedures/2013-2600/#para-3', to: 'procedures/2013-2600/#para-99', why: 'Wrong.' });
    expect(() => buildSite(input)).toThrow(/\[2\]\.from: procedures\/2013-2600\/#para-3 is still published[\s\S]*\[2\]\.to: procedures\/2013-2600\/#para-99 is not an address of this site/);
  });
});
