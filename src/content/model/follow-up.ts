/**
 * What happened next to each demand, as far as the later texts of this collection say: the
 * curated follow-up records (content/follow-up.yaml: a later text's words that bear on earlier
 * demands) checked against the texts, and for every demand its *since-then* line, derived from the
 * threads (the demand asked again by a later procedure) and those records. The line says only what
 * the texts say: asked again, a step acknowledged, the problem said to continue, a related fact, and
 * when the later texts stop mentioning it; never "met" or "resolved". Pure: model in, records out.
 */
import type { ContentIssue } from '../parse/index.ts';
import type { DocumentKind } from '../schemas/procedure.ts';
import type { FollowUp, FollowUpKind } from '../schemas/follow-up.ts';
import { followUpKindPhrase, itemName } from '../../site/labels.ts';
import { itemPath, threadPath } from '../../site/paths.ts';
import type { Demand, Entry, Procedure, ThreadModel } from './types.ts';

/** A follow-up record, placed in the model. */
export interface FollowUpModel extends FollowUp {
  slug: string;
  year: number;
  documentKind: DocumentKind;
  /** Where the quote starts in the item's text. */
  start: number;
}

/** A piece of a since-then line: words, and the site path of the passage they name, if any. */
export interface SinceThenPart {
  text: string;
  path?: string;
}

/** What the later texts of this collection say about one demand. */
export interface SinceThen {
  /** `newest`: the demand is in the newest text; `asked-again`: a later procedure asks it again; `not-asked-again`: none does. */
  status: 'newest' | 'asked-again' | 'not-asked-again';
  /** Ids of the demands of later procedures that ask it again (on its own recurring demands: those no other of its threads contains), in site order. */
  askedAgain: string[];
  /** Ids of later demands that only a broader recurring demand it is on asks again (the general call, not this one). */
  broaderAskedAgain: string[];
  /** Ids of the follow-up records that bear on it, in site order. */
  followUps: string[];
  /** Year of the last later text that asks it again or bears on it. */
  lastYear?: number;
  /** One short line for the closed disclosure, plain text. */
  summary: string;
  /** The whole line: sentences whose passage names link to the passage. */
  parts: SinceThenPart[];
}

const slugOf = (reference: string) => reference.replace(/^(\d{4})\/(\d{4}).*$/, '$1-$2');

/**
 * Checks and places the records: the procedure and item exist, the quote is verbatim, every demand
 * exists and comes from an earlier procedure, ids are unique. Problems go to `issues`.
 */
export function readFollowUps(entry: Entry<FollowUp[]>, bySlug: Map<string, Procedure>, order: Map<string, number>, demandById: Map<string, Demand>, issues: ContentIssue[]): FollowUpModel[] {
  const { file } = entry;
  const seen = new Set<string>();
  const out: FollowUpModel[] = [];
  entry.data.forEach((f, i) => {
    const fail = (key: string, message: string) => issues.push({ file, field: `[${i}].${key}`, message });
    if (seen.has(f.id)) fail('id', `follow-up id "${f.id}" is used twice`);
    seen.add(f.id);
    const p = bySlug.get(slugOf(f.procedure));
    const item = p?.items.get(f.anchor);
    if (!p) return void fail('procedure', `unknown procedure ${f.procedure}`);
    if (!item) return void fail('anchor', `no item "${f.anchor}" in ${f.procedure}`);
    const start = item.text.indexOf(f.quote);
    if (start < 0) fail('quote', `not verbatim: not an exact substring of ${f.anchor} of ${f.procedure}`);
    f.demands.forEach((id, j) => {
      const d = demandById.get(id);
      if (!d) fail(`demands[${j}]`, `unknown demand "${id}"`);
      else if (order.get(d.slug)! >= order.get(p.slug)!) fail(`demands[${j}]`, `"${id}" is not from a text before ${f.procedure}: a follow-up bears on earlier demands only`);
    });
    const doc = p.documents.find((d) => d.items.includes(item))!;
    out.push({ ...f, slug: p.slug, year: p.year, documentKind: doc.meta.kind, start: Math.max(start, 0) });
  });
  // Site order: procedures oldest first, then text order, so lines and downloads read in order.
  const itemIndex = (f: FollowUpModel) => [...bySlug.get(f.slug)!.items.keys()].indexOf(f.anchor);
  return out.sort((a, b) => order.get(a.slug)! - order.get(b.slug)! || itemIndex(a) - itemIndex(b) || a.start - b.start);
}

/** How a passage is named in a line: "summary ¶5.1", "motion, paragraph 4", "paragraph 6". */
export function passageName(p: Procedure, anchor: string, documentKind: DocumentKind): string {
  const it = p.items.get(anchor)!;
  return `${documentKind === 'motion' ? 'motion, ' : ''}${itemName(it.kind, it.label, it.anchor)}`;
}

interface Place {
  slug: string;
  year: number;
  name: string;
  path: string;
}

/** "2016 (summary ¶5.1; motion, paragraph 4), 2019 (summary ¶4) and 2021 (…)" as parts, each name linked. */
function placesParts(all: Place[]): SinceThenPart[] {
  // Two demands of one item (2019 summary ¶5 holds three) are one passage to a reader.
  const places = all.filter((x, i) => all.findIndex((y) => y.slug === x.slug && y.name === x.name) === i);
  const years = [...new Set(places.map((x) => x.year))];
  const parts: SinceThenPart[] = [];
  years.forEach((year, i) => {
    parts.push({ text: `${i === 0 ? '' : i === years.length - 1 ? ' and ' : ', '}${year} (` });
    places.filter((x) => x.year === year).forEach((x, j) => {
      if (j > 0) parts.push({ text: '; ' });
      parts.push({ text: x.name, path: x.path });
    });
    parts.push({ text: ')' });
  });
  return parts;
}

/** "2016", "2016 and 2019", "2013, 2016 and 2019". */
export const listYears = (years: number[]) => (years.length < 2 ? years.join('') : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`);
const KIND_ORDER: FollowUpKind[] = ['acknowledges-progress', 'repeats', 'notes-non-compliance', 'other'];
const SUMMARY_WORDS: Record<FollowUpKind, string> = {
  'acknowledges-progress': 'a step acknowledged',
  repeats: 'repeated',
  'notes-non-compliance': 'the problem noted again',
  other: 'related facts stated',
};

/**
 * The since-then line of every demand. `procedures` oldest first (the model's order); the newest
 * text is the last procedure's.
 */
export function sinceThenLines(procedures: Procedure[], threads: ThreadModel[], followUps: FollowUpModel[], demandById: Map<string, Demand>): Map<string, SinceThen> {
  const order = new Map(procedures.map((p, i) => [p.slug, i]));
  const bySlug = new Map(procedures.map((p) => [p.slug, p]));
  const newest = procedures.at(-1);
  const threadsOf = new Map<string, ThreadModel[]>();
  for (const t of threads) for (const id of t.demands) threadsOf.set(id, [...(threadsOf.get(id) ?? []), t]);
  const followUpsOf = new Map<string, FollowUpModel[]>();
  for (const f of followUps) for (const id of f.demands) followUpsOf.set(id, [...(followUpsOf.get(id) ?? []), f]);
  const siteOrder = new Map([...demandById.keys()].map((id, i) => [id, i]));
  // The distinct years after each procedure, computed once (not once per demand: 2,000 procedures).
  const yearsAfter: number[][] = [];
  for (let i = procedures.length - 1, acc: number[] = []; i >= 0; i--) {
    yearsAfter[i] = acc;
    if (!acc.includes(procedures[i]!.year)) acc = [procedures[i]!.year, ...acc].sort((a, b) => a - b);
  }

  // Whether every demand of `a` is on `b` too (a narrower recurring demand): once per pair of
  // threads sharing a demand, not once per demand on them.
  const demandSets = new Map(threads.map((t) => [t, new Set(t.demands)]));
  const containment = new Map<string, boolean>();
  const within = (a: ThreadModel, b: ThreadModel) => {
    const key = `${a.id}\u0000${b.id}`;
    let known = containment.get(key);
    if (known === undefined) containment.set(key, (known = a.demands.length < b.demands.length && a.demands.every((id) => demandSets.get(b)!.has(id))));
    return known;
  };

  const out = new Map<string, SinceThen>();
  for (const d of demandById.values()) {
    const mine = order.get(d.slug)!;
    // The demand's own recurring demands are the threads it is on that no other of its threads
    // contains ("Release of Vladimir Kozlov", every demand of which is also on "Release of political
    // prisoners"); what only such a broader one asks again is said apart, never as this demand asked
    // again. A demand on two threads that neither contains (a paragraph asking two things) is asked
    // again when either is.
    const laterIn = (ts: ThreadModel[]) =>
      [...new Set(ts.flatMap((t) => t.demands))]
        .map((id) => demandById.get(id))
        // A thread may name a demand that failed its own checks (reported there): leave it out.
        .filter((x): x is Demand => !!x && order.get(x.slug)! > mine)
        .sort((a, b) => siteOrder.get(a.id)! - siteOrder.get(b.id)!);
    const onThreads = threadsOf.get(d.id) ?? [];
    const broader = onThreads.filter((b) => onThreads.some((a) => a !== b && within(a, b)));
    const own = onThreads.filter((t) => !broader.includes(t));
    const later = laterIn(own);
    const broaderLater = laterIn(broader).filter((x) => !later.includes(x));
    const fus = followUpsOf.get(d.id) ?? [];
    const inNewest = d.slug === newest?.slug;
    const mentionYears = [...later.map((x) => x.year), ...fus.map((f) => f.year)];
    const lastYear = mentionYears.length ? Math.max(...mentionYears) : undefined;
    const lastAsk = later.length ? later.at(-1)!.year : undefined;

    const parts: SinceThenPart[] = [];
    const summary: string[] = [];
    if (inNewest) {
      parts.push({ text: `Asked in the newest text in this collection (${d.year}): no later text to follow it yet.` });
    } else {
      if (later.length) {
        parts.push({ text: 'Asked again in ' }, ...placesParts(later.map((x) => ({ slug: x.slug, year: x.year, name: passageName(bySlug.get(x.slug)!, x.anchor, x.documentKind), path: itemPath(x.slug, x.fragment) }))), { text: '. ' });
        summary.push(`asked again in ${listYears([...new Set(later.map((x) => x.year))])}`);
      } else summary.push('not asked again');
      if (broaderLater.length) {
        const names = broader.filter((t) => t.demands.some((id) => broaderLater.some((x) => x.id === id)));
        parts.push(
          { text: 'The broader call' },
          ...names.flatMap((t, i) => [{ text: i === 0 ? ' (' : '; ' }, { text: t.title, path: threadPath(t.id) }]),
          { text: ') was asked again in ' },
          ...placesParts(broaderLater.map((x) => ({ slug: x.slug, year: x.year, name: passageName(bySlug.get(x.slug)!, x.anchor, x.documentKind), path: itemPath(x.slug, x.fragment) }))),
          { text: '. ' },
        );
        summary.push(`the broader call asked again in ${listYears([...new Set(broaderLater.map((x) => x.year))])}`);
      }
      for (const kind of KIND_ORDER) {
        const of = fus.filter((f) => f.kind === kind);
        if (!of.length) continue;
        const phrase = followUpKindPhrase[kind];
        parts.push({ text: `${phrase[0]!.toUpperCase()}${phrase.slice(1)} ` }, ...placesParts(of.map((f) => ({ slug: f.slug, year: f.year, name: passageName(bySlug.get(f.slug)!, f.anchor, f.documentKind), path: itemPath(f.slug, f.anchor) }))), { text: '. ' });
        if (kind !== 'other') summary.push(`${SUMMARY_WORDS[kind]}${of.every((f) => f.documentKind === 'motion') ? ' in a motion' : ''}`);
      }
      const laterYears = yearsAfter[mine]!;
      const span = laterYears.length > 4 ? `from ${laterYears[0]} to ${laterYears.at(-1)}` : listYears(laterYears);
      if (lastYear === undefined) parts.push({ text: laterYears.length === 1 ? `The later text in this collection (${span}) neither asks it again nor refers to it.` : `The later texts in this collection (${span}) neither ask it again nor refer to it.` });
      else if (lastAsk === newest!.year) parts.push({ text: `Still asked in the newest text in this collection (${newest!.year}).` });
      else if (lastYear === newest!.year) parts.push({ text: lastAsk === undefined ? `Not asked again in the later texts in this collection.` : `Not asked again after ${lastAsk}.` });
      else parts.push({ text: `The later texts in this collection do not mention it after ${lastYear}.` });
    }
    out.set(d.id, {
      status: inNewest ? 'newest' : later.length ? 'asked-again' : 'not-asked-again',
      askedAgain: later.map((x) => x.id),
      broaderAskedAgain: broaderLater.map((x) => x.id),
      followUps: fus.map((f) => f.id),
      lastYear,
      summary: inNewest ? 'Since then: no later text in this collection' : `Since then: ${summary.join('; ')}`,
      parts,
    });
  }
  return out;
}

/** What became of one year's demands in the later texts. */
export interface YearCourse {
  year: number;
  demands: number;
  /** Demands a later procedure asks again. */
  askedAgain: number;
  /** Demands no later procedure asks again (zero for the newest year: nothing comes after it). */
  notAskedAgain: number;
  /** Demands a later text acknowledges a step on. */
  acknowledged: number;
  /** Demands a later text says the problem of continues. */
  continues: number;
  /** True for the year of the newest text: no later text in the collection. */
  newest: boolean;
}

/** What became of one theme's demands. */
export interface ThemeCourse {
  themeId: string;
  demands: Demand[];
  perYear: Array<{ year: number; count: number }>;
  /** Threads of the theme asked in the newest text too. */
  stillAsked: ThreadModel[];
  /** Threads of the theme last asked before the newest text. */
  notInNewest: ThreadModel[];
  /** Demands on no thread, not in the newest text: asked once, not again. */
  once: Demand[];
  /** Demands on no thread, in the newest text: nothing later to follow them yet. */
  firstInNewest: Demand[];
  acknowledged: Demand[];
  continues: Demand[];
}

/** The follow-up page's figures: per year and per theme, from the since-then lines and the threads. */
export function followUpOverview(site: {
  procedures: Procedure[];
  demands: Demand[];
  threads: ThreadModel[];
  themes: Array<{ id: string }>;
  followUps: FollowUpModel[];
  sinceThen: Map<string, SinceThen>;
}): { years: YearCourse[]; themes: ThemeCourse[]; newest?: Procedure } {
  const newest = site.procedures.at(-1);
  const onThread = new Set(site.threads.flatMap((t) => t.demands));
  const kindsOn = (d: Demand) => new Set(site.followUps.filter((f) => f.demands.includes(d.id)).map((f) => f.kind));
  const acknowledged = (d: Demand) => kindsOn(d).has('acknowledges-progress');
  const continues = (d: Demand) => kindsOn(d).has('notes-non-compliance');
  const yearsOf = [...new Set(site.procedures.map((p) => p.year))].sort((a, b) => a - b);
  const years = yearsOf.map((year): YearCourse => {
    const ds = site.demands.filter((d) => d.year === year);
    const status = (d: Demand) => site.sinceThen.get(d.id)?.status;
    return {
      year,
      demands: ds.length,
      askedAgain: ds.filter((d) => status(d) === 'asked-again').length,
      notAskedAgain: ds.filter((d) => status(d) === 'not-asked-again').length,
      acknowledged: ds.filter(acknowledged).length,
      continues: ds.filter(continues).length,
      newest: year === newest?.year,
    };
  });
  const themes = site.themes.map((t): ThemeCourse => {
    const ds = site.demands.filter((d) => d.themes.includes(t.id));
    const threads = site.threads.filter((th) => th.themes.includes(t.id));
    return {
      themeId: t.id,
      demands: ds,
      perYear: yearsOf.map((year) => ({ year, count: ds.filter((d) => d.year === year).length })).filter((y) => y.count > 0),
      stillAsked: threads.filter((th) => th.procedures.includes(newest?.slug ?? '')),
      notInNewest: threads.filter((th) => !th.procedures.includes(newest?.slug ?? '')),
      once: ds.filter((d) => !onThread.has(d.id) && d.slug !== newest?.slug),
      firstInNewest: ds.filter((d) => !onThread.has(d.id) && d.slug === newest?.slug),
      acknowledged: ds.filter(acknowledged),
      continues: ds.filter(continues),
    };
  });
  return { years, themes, newest };
}
