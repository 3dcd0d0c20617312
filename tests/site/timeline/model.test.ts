// The timeline built from the real content: landmarks, order, filters and source links.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import { compareDates } from '../../../src/content/model/dates.ts';
import type { SiteModel } from '../../../src/content/model/types.ts';
import { buildTimeline, kindsWithEvents, landmarks, sourceOf, themesWithEvents, yearRange } from '../../../src/site/timeline/timeline.ts';
import { buildOverview } from '../../../src/site/timeline/overview.ts';
import { timelinePath } from '../../../src/site/paths.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let site: SiteModel;
beforeAll(() => {
  const { input, issues } = loadContent(path.join(ROOT, 'content'), ROOT);
  expect(issues).toEqual([]);
  site = buildSite(input);
});

describe('timeline of the real content', () => {
  it('has the four resolutions as landmarks, 2013 by its year only', () => {
    const l = landmarks(site);
    expect(l.map((x) => [x.procedure.slug, x.date, x.dateStated])).toEqual([
      ['2013-2600', '2013', false],
      ['2016-2607', '2016-03-10', true],
      ['2019-2610', '2019-03-14', true],
      ['2021-2544', '2021-02-11', true],
    ]);
  });

  it('spans 2009–2021 and lists every event once, in order, by year', () => {
    expect(yearRange(site)).toEqual({ from: 2009, to: 2021 });
    const groups = buildTimeline(site);
    const entries = groups.flatMap((g) => g.entries);
    // Procedure steps are folded under their resolution's landmark (the steps come just before it).
    const listed = entries.flatMap((e) => (e.type === 'event' ? [e.event.id] : e.steps.map((s) => s.id)));
    expect([...listed].sort()).toEqual(site.events.map((e) => e.id).sort());
    expect(groups.reduce((n, g) => n + g.eventCount, 0)).toBe(site.events.length);
    for (let i = 1; i < entries.length; i++) expect(compareDates(entries[i - 1]!.date, entries[i]!.date)).toBeLessThanOrEqual(0);
    for (const g of groups) for (const e of g.entries) expect(Number(e.date.slice(0, 4))).toBe(g.year);
    expect(groups.map((g) => g.year)).toEqual([...groups.map((g) => g.year)].sort());
  });

  it('has a source for every event, pointing at an item or a section of the procedure page', () => {
    const sections = (slug: string) => ['key-events', 'documentation', ...site.bySlug.get(slug)!.data.documents.map((d) => `doc-${d.id}`)];
    for (const e of site.events) {
      const s = sourceOf(site, e);
      expect(s, e.id).toBeDefined();
      expect(s!.path).toBe(`procedures/${e.slug}/#${s!.fragment}`);
      if (e.group === 'context') expect(site.bySlug.get(e.slug)!.items.has(s!.fragment), e.id).toBe(true);
      else expect(sections(e.slug), e.id).toContain(s!.fragment);
      expect(s!.label.startsWith(site.bySlug.get(e.slug)!.reference), e.id).toBe(true);
    }
  });

  it('offers only kinds and themes that have events, and their pages are distinct', () => {
    const kinds = kindsWithEvents(site.events);
    const themes = themesWithEvents(site);
    for (const k of kinds) expect(site.events.filter((e) => e.kind === k.kind)).toHaveLength(k.count);
    for (const t of themes) expect(t.count).toBeGreaterThan(0);
    expect(kinds.reduce((n, k) => n + k.count, 0)).toBe(site.events.length);
    const paths = [...kinds.map((k) => timelinePath({ by: 'kind', value: k.kind })), ...themes.map((t) => timelinePath({ by: 'theme', value: t.id }))];
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('draws every event in the overview', () => {
    const o = buildOverview(site.events, landmarks(site).map((l) => ({ slug: l.procedure.slug, reference: l.procedure.reference, date: l.date, dateStated: l.dateStated })));
    expect(o.marks.reduce((n, m) => n + m.count, 0)).toBe(site.events.length);
    expect([o.from, o.to]).toEqual([2009, 2021]);
    for (const m of o.marks) {
      expect(m.x).toBeGreaterThanOrEqual(o.plot.x0);
      expect(m.x + m.width).toBeLessThanOrEqual(o.plot.x1 + 1e-9);
    }
  });
});
