import { compareDates } from './dates.ts';
import type { Demand, Procedure, SiteModel, TimelineEvent } from './types.ts';

/** Demands of a procedure that count as Parliament's position or its summary (not motions). */
const adoptedSide = (d: Demand) => d.documentKind !== 'motion';

/** Theme ids a procedure's demands address, counting only texts that are not motions. */
export function themesOf(p: Procedure): Set<string> {
  return new Set(p.demands.filter(adoptedSide).flatMap((d) => d.themes));
}

/** The theme × procedure matrix: counts of demands per theme and procedure (oldest procedure first). */
export function themeMatrix(site: SiteModel) {
  return site.themes.map((t) => ({
    theme: t,
    counts: site.procedures.map((p) => ({ procedure: p, count: p.demands.filter((d) => d.themes.includes(t.id)).length })),
  }));
}

/**
 * What a resolution brought compared with the ones before it: themes never addressed before,
 * themes the previous resolution addressed and this one does not, and demands that open a thread
 * or belong to none (asked for the first time, as far as these sources show).
 */
export function whatIsNew(site: SiteModel, p: Procedure) {
  const { index, themesBefore, themes, threadOf } = prepared(site);
  const i = index.get(p) ?? -1;
  const previous = i > 0 ? site.procedures[i - 1] : undefined;
  const before = themesBefore[i] ?? new Set<string>();
  const mine = themes[i] ?? themesOf(p);
  const newThemes = [...mine].filter((t) => !before.has(t));
  const dropped = previous ? [...themes[i - 1]!].filter((t) => !mine.has(t)) : [];
  const repeated = p.demands.filter((d) => {
    const t = site.threadById.get(threadOf.get(d.id) ?? '');
    return t ? t.procedures.indexOf(p.slug) > 0 : false;
  });
  const repeatedSet = new Set(repeated);
  const firstAsked = p.demands.filter((d) => !repeatedSet.has(d));
  return { previous, newThemes, dropped, repeated, firstAsked };
}

/**
 * Per-site indexes for whatIsNew, built once instead of once per procedure page: each procedure's
 * position, its themes, the union of the themes of all procedures before it, and each demand's thread.
 */
const preparedBySite = new WeakMap<SiteModel, { index: Map<Procedure, number>; themes: Set<string>[]; themesBefore: Set<string>[]; threadOf: Map<string, string> }>();
function prepared(site: SiteModel) {
  let hit = preparedBySite.get(site);
  if (!hit) {
    const themes = site.procedures.map(themesOf);
    const themesBefore: Set<string>[] = [];
    let acc = new Set<string>();
    for (const t of themes) {
      themesBefore.push(acc);
      acc = new Set([...acc, ...t]);
    }
    const threadOf = new Map<string, string>();
    for (const t of site.threads) for (const id of t.demands) threadOf.set(id, t.id);
    hit = { index: new Map(site.procedures.map((p, i) => [p, i])), themes, themesBefore, threadOf };
    preparedBySite.set(site, hit);
  }
  return hit;
}

/**
 * The dated facts of a procedure page: those its own texts state (`stated`), and those other texts
 * of the collection date between the previous resolution and this one (`between`). Each event is in
 * one list only: one this procedure states is never listed again as "between", so a page does not
 * show the same fact twice.
 */
export function timelineSlice(site: SiteModel, p: Procedure) {
  const statesIt = (e: TimelineEvent) => e.slug === p.slug || e.alsoStated.some((a) => a.slug === p.slug);
  const stated = site.events.filter((e) => e.group === 'context' && statesIt(e));
  const i = site.procedures.indexOf(p);
  const prev = site.procedures[i - 1];
  const from = prev ? prev.adoptedDate ?? String(prev.year) : undefined;
  const to = p.adoptedDate ?? String(p.year);
  const between = site.events.filter(
    (e: TimelineEvent) =>
      e.group === 'context' && !statesIt(e) && (!from || (from.length === 4 ? Number(e.date.slice(0, 4)) > Number(from) : compareDates(e.date, from) > 0)) && compareDates(e.date, to) <= 0,
  );
  return { stated, between, from, to, previous: prev };
}
