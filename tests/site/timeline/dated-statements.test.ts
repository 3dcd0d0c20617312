// Cross-checks the timeline against tests/fixtures/dated-statements.json: a hand-checked list of
// every dated statement in the sources (seed, procedure, anchor, phrase, date, and the event it
// dates, or null with why). Runs on the real content (tests/helpers/model.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { slugOf } from '../../../src/content/model/build.ts';
import { precisionOf } from '../../../src/content/model/dates.ts';
import { placesOf } from '../../../src/content/model/stated-date.ts';
import type { SiteModel } from '../../../src/content/model/types.ts';
import { statements, type Statement } from '../../helpers/dated-statements.ts';
import { model } from '../../helpers/model.ts';

const dated = statements.filter((s): s is Statement & { event: string; date: string } => s.event !== null);
const label = (s: Statement) => `${s.procedure} ${s.anchor} “${s.phrase}”`;

let site: SiteModel;
beforeAll(() => {
  site = model(); // throws if the content does not validate
});

describe('dated statements fixture', () => {
  it('is well formed', () => {
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.phrase, label(s)).toBeTruthy();
      if (s.date !== null) expect(s.date, label(s)).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (s.event === null) expect(s.why, `${label(s)} has no event and must say why`).toBeTruthy();
      else expect(s.date, `${label(s)} names an event but no date`).not.toBeNull();
    }
  });

  it.each(statements.map((s) => [label(s), s] as const))('phrase occurs verbatim in the anchored item: %s', (_, s) => {
    const p = site.bySlug.get(slugOf(s.procedure));
    expect(p, `procedure ${s.procedure}`).toBeDefined();
    const item = p!.items.get(s.anchor);
    expect(item, `item ${s.anchor} of ${s.procedure}`).toBeDefined();
    expect(item!.text).toContain(s.phrase);
  });

  it.each(dated.map((s) => [label(s), s] as const))('maps to an event of the model at that place and date: %s', (_, s) => {
    const e = site.events.find((x) => x.id === s.event);
    expect(e, `event ${s.event}`).toBeDefined();
    const place = placesOf(e!).find((pl) => pl.slug === slugOf(s.procedure) && pl.anchor === s.anchor);
    expect(place, `${s.event} is not stated at ${s.procedure} ${s.anchor}`).toBeDefined();
    if (e!.date === s.date) {
      if (s.endDate) expect(e!.endDate).toBe(s.endDate);
    } else {
      // Only another place stating the same fact less precisely may differ, and then it must contain the event's date.
      expect(place!.primary, `${s.event}: the event's date ${e!.date} differs from its own statement's ${s.date}`).toBe(false);
      const order = { year: 0, month: 1, day: 2 };
      expect(order[precisionOf(s.date)], `${s.event}: ${s.date} is not less precise than ${e!.date}`).toBeLessThan(order[precisionOf(e!.date)]);
      expect(e!.date.startsWith(s.date), `${s.event}: ${e!.date} is not within ${s.date}`).toBe(true);
    }
    // The phrase is part of the words the event quotes at that place.
    expect(place!.quote, `${s.event} quote at ${s.anchor}`).toContain(s.phrase);
  });

  it('covers every contextual event of the model, at each place it is stated', () => {
    const covered = new Set(dated.map((s) => `${s.event}|${slugOf(s.procedure)}|${s.anchor}`));
    const missing = site.events
      .filter((e) => e.group === 'context')
      .flatMap((e) => placesOf(e).map((pl) => `${e.id}|${pl.slug}|${pl.anchor}`))
      .filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('names only events the model has', () => {
    const ids = new Set(site.events.map((e) => e.id));
    expect(dated.map((s) => s.event).filter((id) => !ids.has(id))).toEqual([]);
  });
});
