// A procedure page's dated events: those its texts state, then those other texts date between the
// previous resolution and this one. No event is listed twice on one page.
import { describe, expect, it } from 'vitest';
import { timelineSlice } from '../../../src/content/model/analysis.ts';
import { compareDates } from '../../../src/content/model/dates.ts';
import { model } from '../../helpers/model.ts';

describe('timelineSlice', () => {
  const site = model();

  it.each(site.procedures.map((p) => [p.reference, p] as const))('%s: lists each event once, in one list or the other', (_, p) => {
    const { stated, between } = timelineSlice(site, p);
    const statedIds = new Set(stated.map((e) => e.id));
    expect(between.filter((e) => statedIds.has(e.id))).toEqual([]);
    for (const e of stated) expect(e.slug === p.slug || e.alsoStated.some((a) => a.slug === p.slug), e.id).toBe(true);
  });

  it('keeps in "between" what another text dates after the previous resolution and this one’s texts do not state', () => {
    const p2016 = site.bySlug.get('2016-2607')!;
    // In the real content the 2016 texts state all seven events of 2014–2016 themselves.
    expect(timelineSlice(site, p2016).stated).toHaveLength(7);
    expect(timelineSlice(site, p2016).between).toEqual([]);
    // Were the Nakanune.kz arrest (23 December 2015) stated only by the 2019 text, the 2016 page would list it as "between".
    const moved = { ...site, events: site.events.map((e) => (e.id === 'nakanune-journalists-arrest' ? { ...e, slug: '2019-2610' } : e)) };
    const slice = timelineSlice(moved, p2016);
    expect(slice.between.map((e) => e.id)).toEqual(['nakanune-journalists-arrest']);
    expect(slice.stated.map((e) => e.id)).not.toContain('nakanune-journalists-arrest');
    expect(compareDates(slice.between[0]!.date, slice.from!)).toBeGreaterThan(0);
    expect(compareDates(slice.between[0]!.date, slice.to)).toBeLessThanOrEqual(0);
  });
});
