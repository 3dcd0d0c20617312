import { createHash } from 'node:crypto';
import { extractFromItem, parseProcedureBody, type ContentIssue, type Item } from '../parse/index.ts';
import type { CuratedDemand } from '../schemas/curation.ts';
import type { Addressee, Provision, Theme } from '../schemas/taxonomy.ts';
import { ContentError } from './errors.ts';
import { classify } from './classify.ts';
import type {
  Demand,
  Mention,
  PersonModel,
  Procedure,
  SiteInput,
  SiteModel,
  ThreadModel,
  TimelineEvent,
} from './types.ts';
import { compareDates } from './dates.ts';
import { demandFragment, demandPath, itemPath, personPath, procedurePath, themePath, threadPath } from '../../site/paths.ts';
import { leadInOf } from './lead-in.ts';
import { readFollowUps, sinceThenLines } from './follow-up.ts';
import { readCitations } from './citations.ts';

const OPERATIVE = new Set(['para', 'summary', 'bullet']);

export const slugOf = (reference: string) => reference.replace(/^(\d{4})\/(\d{4}).*$/, '$1-$2');

/** Records by id (load.ts has already refused an id used twice in one file). */
const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));

/** Length of the fingerprint in the id of a demand found automatically. */
const FINGERPRINT_LENGTH = 6;

/**
 * The id of a demand found automatically (not curated): its item's anchor and a fingerprint of its
 * words, so it depends on nothing but the demand itself. Inserting, removing or splitting another
 * demand cannot change it; editing its words gives a new id (and the URL manifest notices).
 */
export function automaticDemandId(slug: string, anchor: string, text: string): string {
  return `${slug}-${anchor}-${createHash('sha256').update(text).digest('hex').slice(0, FINGERPRINT_LENGTH)}`;
}

/**
 * Builds the whole site model from validated content and cross-checks it: anchors exist, quotes
 * and demands are verbatim, every id a file names exists, no demand is published twice. All
 * problems are collected and thrown together as a ContentError.
 */
export function buildSite(input: SiteInput): SiteModel {
  const { site, issues } = crossCheckSite(input);
  if (issues.length) throw new ContentError(issues);
  return site;
}

/**
 * The model and every cross-check problem, without throwing: the model is complete whatever the
 * problems (check.ts still compares its permalinks with the URL manifest), but only a model
 * without problems may be published.
 */
export function crossCheckSite(input: SiteInput): { site: SiteModel; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const themeById = byId(input.themes.data);
  const addresseeById = byId(input.addressees.data);
  const provisionById = byId(input.provisions.data);
  const personIndex = byId(input.people.data);

  const curatedBySlug = new Map(input.demandFiles.map((f) => [f.slug, f]));
  const procedures: Procedure[] = [];
  for (const p of input.procedures) {
    const { data, slug, file } = p;
    if (slugOf(data.reference) !== slug) {
      issues.push({ file, field: 'reference', message: `"${data.reference}" does not match the file name: expected ${slug.replace('-', '/')}(RSP) in ${slug}.md` });
    }
    const parsed = parseProcedureBody(p.body, data.documents, file);
    issues.push(...parsed.issues);
    const items = new Map<string, Item>();
    const docOf = new Map<string, (typeof parsed.documents)[number]>();
    for (const d of parsed.documents) for (const it of d.items) { items.set(it.anchor, it); docOf.set(it.anchor, d); }
    const checkAnchor = (a: string | undefined, field: string) => {
      if (a && !items.has(a)) issues.push({ file, field, message: `no item "${a}" in this procedure` });
    };
    checkAnchor(data.adopted?.vote?.source, 'adopted.vote.source');
    checkAnchor(data.adopted?.tablingGroups?.source, 'adopted.tablingGroups.source');

    const proc: Procedure = {
      slug,
      reference: data.reference,
      year: Number(data.reference.slice(0, 4)),
      title: data.title ?? data.documents[0]!.heading,
      data,
      documents: parsed.documents,
      items,
      demands: [],
      adoptedDate: data.adopted?.date,
      file,
    };

    const curated = curatedBySlug.get(slug);
    const fromCuration = new Map<string, CuratedDemand[]>();
    if (curated) {
      if (curated.data.procedure !== data.reference) {
        issues.push({ file: curated.file, field: 'procedure', message: `"${curated.data.procedure}" but the file is named for ${data.reference}` });
      }
      curated.data.demands.forEach((d, i) => {
        const field = `demands[${i}]`;
        const item = items.get(d.anchor);
        if (!item) {
          issues.push({ file: curated.file, field: `${field}.anchor`, message: `no item "${d.anchor}" in ${data.reference}` });
          return;
        }
        if (!OPERATIVE.has(item.kind)) issues.push({ file: curated.file, field: `${field}.anchor`, message: `"${d.anchor}" is a ${item.kind}, not an operative paragraph or summary item` });
        if (!item.text.includes(d.text)) issues.push({ file: curated.file, field: `${field}.text`, message: `not verbatim: the text is not an exact substring of ${d.anchor} ("${item.text.slice(0, 60)}…")` });
        if (!d.id.startsWith(`${slug}-`)) issues.push({ file: curated.file, field: `${field}.id`, message: `the id ${d.id} belongs to another procedure: the ids of ${data.reference} start with ${slug}-` });
        const refs: Array<[string[], Map<string, unknown>, string]> = [
          [d.themes, themeById, 'themes'],
          [d.addressees, addresseeById, 'addressees'],
          [d.people, personIndex, 'people'],
          [d.provisions, provisionById, 'provisions'],
        ];
        for (const [ids, map, key] of refs) {
          ids.forEach((id, j) => {
            if (!map.has(id)) issues.push({ file: curated.file, field: `${field}.${key}[${j}]`, message: `unknown ${key === 'people' ? 'person' : key.replace(/s$/, '')} "${id}"` });
          });
        }
        fromCuration.set(d.anchor, [...(fromCuration.get(d.anchor) ?? []), d]);
      });
      const nonDemands = new Set<string>();
      curated.data.nonDemands.forEach((n, i) => {
        if (!items.has(n.anchor)) issues.push({ file: curated.file, field: `nonDemands[${i}].anchor`, message: `no item "${n.anchor}" in ${data.reference}` });
        nonDemands.add(n.anchor);
      });
      // An operative item where extraction sees a call must be curated one way or the other.
      for (const doc of parsed.documents) {
        const introducers = new Set(doc.items.filter((i) => i.parent).map((i) => i.parent));
        for (const it of doc.items) {
          const found = extractFromItem(it, introducers.has(it.anchor) && /:\s*$/.test(it.text));
          if (found.length && !fromCuration.has(it.anchor) && !nonDemands.has(it.anchor)) {
            issues.push({ file: curated.file, field: 'demands', message: `${it.anchor} has an operative call ("${found[0]!.text.slice(0, 50)}…") but no demand; add it or list it under nonDemands with why` });
          }
        }
      }
    }

    const taxonomy = { themes: input.themes.data, addressees: input.addressees.data, people: input.people.data, provisions: input.provisions.data };
    const byAnchor = new Map<string, Array<Omit<Demand, 'fragment' | 'leadIn'>>>();
    const push = (d: Omit<Demand, 'fragment' | 'leadIn'>) => byAnchor.set(d.anchor, [...(byAnchor.get(d.anchor) ?? []), d]);
    const base = (anchor: string) => {
      const doc = docOf.get(anchor)!;
      return { slug, reference: data.reference, year: proc.year, documentId: doc.meta.id, documentKind: doc.meta.kind, anchor };
    };
    for (const [anchor, list] of fromCuration) {
      const item = items.get(anchor);
      if (!item) continue;
      let from = 0;
      for (const d of list) {
        const start = Math.max(item.text.indexOf(d.text, from), item.text.indexOf(d.text));
        from = start + d.text.length;
        push({ ...base(anchor), id: d.id, text: d.text, start, addressees: d.addressees, themes: d.themes, people: d.people, provisions: d.provisions, reviewed: true });
      }
    }
    if (!curated) {
      // The same words twice in one procedure would be one demand under two ids: curating says which.
      const firstAt = new Map<string, string>();
      const idAt = new Map<string, string>();
      for (const e of parsed.extracted) {
        const item = items.get(e.anchor)!;
        const id = automaticDemandId(slug, e.anchor, e.text);
        const same = firstAt.get(e.text);
        if (same !== undefined) {
          issues.push({ file, line: item.line, field: e.anchor, message: `duplicate demand: found automatically in ${same} and again in ${e.anchor} (ids ${automaticDemandId(slug, same, e.text)} and ${id}); curate this procedure (content/demands/${slug}.yaml) to say which is the demand` });
          continue;
        }
        if (idAt.has(id)) {
          issues.push({ file, line: item.line, field: e.anchor, message: `two demands found automatically in ${e.anchor} share the id ${id}; curate this procedure (content/demands/${slug}.yaml) to give them ids` });
          continue;
        }
        firstAt.set(e.text, e.anchor);
        idAt.set(id, e.anchor);
        const parent = item.parent ? items.get(item.parent) : undefined;
        const c = classify(e.text, parent?.text, taxonomy);
        push({ ...base(e.anchor), id, text: e.text, start: e.start, ...c, reviewed: false });
      }
    }
    // Listed in text order; ids do not depend on it.
    for (const doc of parsed.documents) {
      for (const it of doc.items) {
        const list = (byAnchor.get(it.anchor) ?? []).sort((a, b) => a.start - b.start);
        const preamble = doc.items.find((i) => i.kind === 'preamble');
        for (const d of list) proc.demands.push({ ...d, fragment: demandFragment(d.id), leadIn: leadInOf(it, d.start, items, preamble) });
      }
    }
    procedures.push(proc);
  }
  for (const f of input.demandFiles) {
    if (!procedures.some((p) => p.slug === f.slug)) issues.push({ file: f.file, field: 'procedure', message: `no procedure file content/procedures/${f.slug}.md` });
  }
  procedures.sort((a, b) => compareDates(a.adoptedDate ?? String(a.year), b.adoptedDate ?? String(b.year)) || a.reference.localeCompare(b.reference));
  const bySlug = new Map(procedures.map((p) => [p.slug, p]));
  const demands = procedures.flatMap((p) => p.demands);
  const demandById = new Map<string, Demand>();
  for (const d of demands) {
    if (demandById.has(d.id)) issues.push({ file: bySlug.get(d.slug)!.file, field: 'demands', message: `demand id "${d.id}" is used twice` });
    demandById.set(d.id, d);
  }

  const people = input.people.data.map((person, i): PersonModel => {
    const field = `[${i}]`;
    const proc = bySlug.get(slugOf(person.roleSource.procedure));
    if (!proc) issues.push({ file: input.people.file, field: `${field}.roleSource.procedure`, message: `unknown procedure ${person.roleSource.procedure}` });
    else if (!proc.items.has(person.roleSource.anchor)) issues.push({ file: input.people.file, field: `${field}.roleSource.anchor`, message: `no item "${person.roleSource.anchor}" in ${proc.reference}` });
    else if (!proc.items.get(person.roleSource.anchor)!.text.includes(person.role))
      issues.push({ file: input.people.file, field: `${field}.role`, message: `"${person.role}" is not printed in ${proc.reference} ${person.roleSource.anchor}: quote the words as printed there` });
    return { ...person, mentions: findMentions([person.name, ...person.aliases], procedures) };
  });
  people.forEach((p, i) => {
    if (!p.mentions.length) issues.push({ file: input.people.file, field: `[${i}].aliases`, message: `"${p.name}" is never printed in the sources under its name or aliases` });
  });

  const threads = input.threads.data.map((t, i): ThreadModel => {
    const field = `[${i}]`;
    t.demands.forEach((id, j) => {
      if (!demandById.has(id)) issues.push({ file: input.threads.file, field: `${field}.demands[${j}]`, message: `unknown demand "${id}"` });
    });
    t.themes.forEach((id, j) => {
      if (!themeById.has(id)) issues.push({ file: input.threads.file, field: `${field}.themes[${j}]`, message: `unknown theme "${id}"` });
    });
    const slugs = [...new Set(t.demands.map((id) => demandById.get(id)?.slug).filter((s): s is string => !!s))];
    const ordered = procedures.map((p) => p.slug).filter((s) => slugs.includes(s));
    if (ordered.length < 2) issues.push({ file: input.threads.file, field: `${field}.demands`, message: 'a thread needs demands from at least two procedures' });
    return { ...t, procedures: ordered };
  });

  const events = buildEvents(input, bySlug, themeById, issues);
  const order = new Map(procedures.map((p, i) => [p.slug, i]));
  const followUps = readFollowUps(input.followUp, bySlug, order, demandById, issues);
  const citations = readCitations(procedures, input.citationOverrides, issues);

  const published = (p: string): boolean | undefined => publishes(p, bySlug, demandById, personIndex, themeById, threads);
  input.moved.data.forEach((m, i) => {
    if (published(m.from)) issues.push({ file: input.moved.file, field: `[${i}].from`, message: `${m.from} is still published: list an address here only once it is gone` });
    if (published(m.to) === false) issues.push({ file: input.moved.file, field: `[${i}].to`, message: `${m.to} is not an address of this site` });
  });

  const site: SiteModel = {
    procedures,
    bySlug,
    demands,
    demandById,
    themes: input.themes.data,
    themeById,
    addressees: input.addressees.data,
    addresseeById: addresseeById as Map<string, Addressee>,
    people,
    personById: new Map(people.map((p) => [p.id, p])),
    provisions: input.provisions.data as Provision[],
    provisionById,
    threads,
    threadById: new Map(threads.map((t) => [t.id, t])),
    events,
    moved: input.moved.data,
    followUps,
    sinceThen: sinceThenLines(procedures, threads, followUps, demandById),
    citations,
  };
  return { site, issues };
}

/**
 * Whether the model publishes a site path: true or false for the pages and fragments it decides
 * (procedures, their items and demands, people, themes, threads), undefined for any other page.
 */
function publishes(
  sitePath: string,
  bySlug: Map<string, Procedure>,
  demands: Map<string, Demand>,
  people: Map<string, unknown>,
  themes: Map<string, unknown>,
  threads: ThreadModel[],
): boolean | undefined {
  const [page, fragment] = sitePath.split('#') as [string, string | undefined];
  const m = /^(procedures|people|themes|threads)\/([^/]+)\/$/.exec(page);
  if (!m) return undefined;
  const id = m[2]!;
  if (m[1] === 'procedures') {
    const proc = bySlug.get(id);
    if (!proc || page !== procedurePath(id)) return false;
    if (fragment === undefined) return true;
    const demand = fragment.startsWith('demand-') ? demands.get(fragment.slice('demand-'.length)) : undefined;
    return demand ? sitePath === demandPath(demand.slug, demand.id) : sitePath === itemPath(id, fragment) && proc.items.has(fragment);
  }
  if (fragment !== undefined) return undefined;
  if (m[1] === 'people') return page === personPath(id) && people.has(id);
  if (m[1] === 'themes') return page === themePath(id) && themes.has(id);
  return page === threadPath(id) && threads.some((t) => t.id === id);
}

/** Finds each printed name, longest first, so "Vladimir Kozlov" is not counted again as "Kozlov". */
function findMentions(names: string[], procedures: Procedure[]): Mention[] {
  const sorted = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => ({ n, re: new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu') }));
  const out: Mention[] = [];
  for (const p of procedures) {
    for (const doc of p.documents) {
      for (const it of doc.items) {
        let text = it.text;
        for (const { n, re } of sorted) {
          re.lastIndex = 0;
          if (re.test(text)) {
            out.push({ slug: p.slug, anchor: it.anchor, as: n });
            text = text.replace(re, ' ');
          }
        }
      }
    }
  }
  return out;
}

function buildEvents(
  input: SiteInput,
  bySlug: Map<string, Procedure>,
  themeById: Map<string, Theme>,
  issues: ContentIssue[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const p of bySlug.values()) {
    const pf = p.data.procedureFile;
    pf?.keyEvents.forEach((e, i) =>
      events.push({ id: `${p.slug}-key-event-${i + 1}`, date: e.date, kind: 'key-event', group: 'procedural', title: e.event, slug: p.slug, reference: e.reference, themes: [], alsoStated: [] }),
    );
    pf?.documentationGateway.forEach((g, i) =>
      events.push({ id: `${p.slug}-document-${i + 1}`, date: g.date, kind: 'document', group: 'procedural', title: `${g.type}: ${g.reference}`, slug: p.slug, reference: g.reference, themes: [], alsoStated: [] }),
    );
    if (p.data.adopted?.date && p.data.adopted.dateSource === 'summary-dateline') {
      const doc = p.data.documents.find((d) => d.kind === 'summary' && d.dateline);
      events.push({ id: `${p.slug}-adopted`, date: p.data.adopted.date, kind: 'adoption', group: 'procedural', title: 'Text adopted by Parliament, single reading', slug: p.slug, quote: doc?.dateline, themes: [], alsoStated: [] });
    }
  }
  input.events.data.forEach((e, i) => {
    const file = input.events.file;
    const field = `[${i}]`;
    const check = (ref: { procedure: string; anchor: string; quote: string }, f: string) => {
      const proc = bySlug.get(slugOf(ref.procedure));
      if (!proc) {
        issues.push({ file, field: `${f}.procedure`, message: `unknown procedure ${ref.procedure}` });
        return;
      }
      const item = proc.items.get(ref.anchor);
      if (!item) {
        issues.push({ file, field: `${f}.anchor`, message: `no item "${ref.anchor}" in ${ref.procedure}` });
        return;
      }
      if (!item.text.includes(ref.quote)) issues.push({ file, field: `${f}.quote`, message: `not verbatim: not an exact substring of ${ref.anchor} of ${ref.procedure}` });
    };
    check(e, field);
    e.alsoStated.forEach((a, j) => check(a, `${field}.alsoStated[${j}]`));
    e.themes.forEach((t, j) => {
      if (!themeById.has(t)) issues.push({ file, field: `${field}.themes[${j}]`, message: `unknown theme "${t}"` });
    });
    if (e.endDate && compareDates(e.endDate, e.date) < 0) issues.push({ file, field: `${field}.endDate`, message: 'ends before it starts' });
    events.push({
      id: e.id,
      date: e.date,
      endDate: e.endDate,
      kind: e.kind,
      group: 'context',
      title: e.title,
      slug: slugOf(e.procedure),
      anchor: e.anchor,
      quote: e.quote,
      themes: e.themes,
      alsoStated: e.alsoStated.map((a) => ({ slug: slugOf(a.procedure), anchor: a.anchor, quote: a.quote })),
      note: e.note,
    });
  });
  // Context events have unique ids (load.ts); none may take the id of a generated procedural event.
  const generated = new Set(events.filter((e) => e.group === 'procedural').map((e) => e.id));
  input.events.data.forEach((e, i) => {
    if (generated.has(e.id)) issues.push({ file: input.events.file, field: `[${i}].id`, message: `event id "${e.id}" is used twice: the build gives it to a procedural event of ${slugOf(e.procedure)}` });
  });
  return events.sort((a, b) => compareDates(a.date, b.date) || (a.group === b.group ? 0 : a.group === 'context' ? -1 : 1) || a.id.localeCompare(b.id));
}
