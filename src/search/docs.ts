import type { SiteModel, Procedure } from '../content/model/index.ts';
import type { ItemKind } from '../content/parse/index.ts';
import type { SearchDoc, What } from './types.ts';
import { followUpKindLabel, itemName, personRoleFrame, placeName } from '../site/labels.ts';
import { demandPath, FOLLOW_UP_PATH, followUpFragment, itemPath, personPath, themePath, timelinePath } from '../site/paths.ts';
import { eventOnTimeline } from '../site/timeline/plan.ts';
import { formatSpan, sourceOf } from '../site/timeline/timeline.ts';
import { searchId } from './layout.ts';

/** What each kind of item is called in search; the opening formula ("The European Parliament,") is not indexed. */
const ITEM_WHAT: Record<ItemKind, What | undefined> = {
  para: 'paragraph',
  recital: 'recital',
  citation: 'citation',
  footnote: 'footnote',
  summary: 'summary',
  bullet: 'summary',
  preamble: undefined,
};

/**
 * Everything citable, as the search index sees it: every demand, every item of every text (with
 * its anchor), every follow-up passage, every timeline event, every person and every theme, each with every label and
 * spelling worth finding it by. Permalinks come from src/site/paths.ts (and the timeline's plan).
 */
export function toSearchDocs(site: SiteModel): SearchDoc[] {
  const theme = (id: string) => site.themeById.get(id)!.label;
  const addressee = (id: string) => site.addresseeById.get(id)!.label;
  const spellings = (ids: Iterable<string>) =>
    unique([...ids].flatMap((id) => {
      const person = site.personById.get(id)!;
      return [person.name, ...person.aliases];
    }));
  const provisionNames = (ids: Iterable<string>) =>
    unique([...ids].flatMap((id) => {
      const prov = site.provisionById.get(id)!;
      return [prov.label, ...prov.aliases];
    }));
  const placeOf = (p: Procedure, anchor: string) => {
    const item = p.items.get(anchor);
    return item ? itemName(item.kind, item.label, item.anchor) : anchor;
  };
  // Where a reference stands alone (no "a group's motion" beside it in the result): "motion, paragraph 4".
  const placeAlone = (p: Procedure, anchor: string) => placeName(p, anchor) ?? anchor;
  // the people each item names (by any printed spelling)
  const namedAt = new Map<string, Set<string>>();
  for (const person of site.people) {
    for (const m of person.mentions) {
      const key = `${m.slug}#${m.anchor}`;
      let s = namedAt.get(key);
      if (!s) namedAt.set(key, (s = new Set()));
      s.add(person.id);
    }
  }
  const ofProcedure = (p: Procedure) => ({ procedure: p.reference, slug: p.slug, year: p.year, title: p.title });

  const demands: SearchDoc[] = site.demands.map((d) => {
    const p = site.bySlug.get(d.slug)!;
    return {
      id: d.id,
      what: 'demand',
      text: d.text,
      leadIn: d.leadIn.text,
      ...ofProcedure(p),
      documentKind: d.documentKind,
      place: placeOf(p, d.anchor),
      themes: d.themes,
      themeLabels: d.themes.map(theme),
      addressees: d.addressees,
      addresseeLabels: d.addressees.map(addressee),
      people: spellings(d.people),
      provisions: provisionNames(d.provisions),
      url: demandPath(d.slug, d.id),
    };
  });

  const items: SearchDoc[] = [];
  for (const p of site.procedures) {
    for (const doc of p.documents) {
      for (const item of doc.items) {
        const what = ITEM_WHAT[item.kind];
        if (!what) continue;
        // An item carries what its demands are about, so a theme or an addressee narrows to it too.
        const own = p.demands.filter((d) => d.anchor === item.anchor);
        // An item that is one demand and nothing more (most bullets) is found as that demand: the
        // same words twice would only push other results down.
        if (own.length === 1 && item.text.replace(/[\s;,.:]+$/, '') === own[0]!.text.replace(/[\s;,.:]+$/, '')) continue;
        const themes = unique(own.flatMap((d) => d.themes));
        const addressees = unique(own.flatMap((d) => d.addressees));
        items.push({
          id: searchId.item(p.slug, item.anchor),
          what,
          text: item.text,
          ...ofProcedure(p),
          documentKind: doc.meta.kind,
          place: itemName(item.kind, item.label, item.anchor),
          themes,
          themeLabels: themes.map(theme),
          addressees,
          addresseeLabels: addressees.map(addressee),
          people: spellings([...(namedAt.get(`${p.slug}#${item.anchor}`) ?? []), ...own.flatMap((d) => d.people)]),
          provisions: provisionNames(own.flatMap((d) => d.provisions)),
          url: itemPath(p.slug, item.anchor),
        });
      }
    }
  }

  // What a later text says about earlier demands: found by its words and by what the demands are about.
  const followUps: SearchDoc[] = site.followUps.map((f) => {
    const p = site.bySlug.get(f.slug)!;
    const earlier = f.demands.map((id) => site.demandById.get(id)!);
    const on = unique(earlier.map((d) => `${d.reference}, ${placeAlone(site.bySlug.get(d.slug)!, d.anchor)}`));
    const themes = unique(earlier.flatMap((d) => d.themes));
    const addressees = unique(earlier.flatMap((d) => d.addressees));
    return {
      id: searchId.followUp(f.id),
      what: 'followup',
      // "2016/2607(RSP), paragraph 3: acknowledges a step, on 2013/2600(RSP), paragraph 6"
      heading: `${p.reference}, ${placeAlone(p, f.anchor)}: ${followUpKindLabel[f.kind].toLowerCase()}, on ${on.join('; ')}`,
      text: f.quote,
      ...ofProcedure(p),
      documentKind: f.documentKind,
      place: placeOf(p, f.anchor),
      themes,
      themeLabels: themes.map(theme),
      addressees,
      addresseeLabels: addressees.map(addressee),
      people: spellings(earlier.flatMap((d) => d.people)),
      provisions: provisionNames(earlier.flatMap((d) => d.provisions)),
      url: `${FOLLOW_UP_PATH}#${followUpFragment(f.id)}`,
    };
  });

  const events: SearchDoc[] = site.events.map((e) => {
    const p = site.bySlug.get(e.slug)!;
    const source = sourceOf(site, e);
    const place = source?.label.startsWith(`${p.reference}, `) ? source.label.slice(p.reference.length + 2) : undefined;
    return {
      id: searchId.event(e.id),
      what: 'event',
      heading: e.title,
      text: e.quote ?? '',
      ...ofProcedure(p),
      ...(place ? { place } : {}),
      date: formatSpan(e.date, e.endDate),
      themes: e.themes,
      themeLabels: e.themes.map(theme),
      addressees: [],
      addresseeLabels: [],
      people: spellings(e.anchor ? (namedAt.get(`${e.slug}#${e.anchor}`) ?? []) : []).filter((name) => (e.quote ?? '').includes(name)),
      provisions: [],
      url: eventOnTimeline(site, e.id) ?? timelinePath(),
    };
  });

  const people: SearchDoc[] = site.people.map((person) => {
    const p = site.procedures.find((x) => x.reference === person.roleSource.procedure);
    return {
      id: searchId.person(person.id),
      what: 'person',
      heading: person.name,
      text: person.role,
      leadIn: personRoleFrame[person.roleFrame],
      place: p ? `${p.reference}, ${placeAlone(p, person.roleSource.anchor)}` : person.roleSource.procedure,
      themes: [],
      themeLabels: [],
      addressees: [],
      addresseeLabels: [],
      people: unique([person.name, ...person.aliases]),
      provisions: [],
      url: personPath(person.id),
    };
  });

  const themes: SearchDoc[] = site.themes.map((t) => ({
    id: searchId.theme(t.id),
    what: 'theme',
    heading: t.label,
    text: t.description,
    themes: [t.id],
    themeLabels: [t.label],
    addressees: [],
    addresseeLabels: [],
    people: [],
    provisions: [],
    url: themePath(t.id),
  }));

  return [...demands, ...items, ...followUps, ...events, ...people, ...themes];
}

const unique = (xs: string[]) => [...new Set(xs)];
