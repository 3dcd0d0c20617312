import type { SiteModel } from '../content/model/index.ts';
import type { SearchDoc } from './types.ts';
import { itemPath } from '../site/paths.ts';

/** The search index's view of each demand: the record plus every label and spelling worth finding it by. */
export function toSearchDocs(site: SiteModel): SearchDoc[] {
  return site.demands.map((d) => {
    const p = site.bySlug.get(d.slug)!;
    return {
      id: d.id,
      text: d.text,
      procedure: d.reference,
      slug: d.slug,
      year: d.year,
      title: p.title,
      documentKind: d.documentKind,
      themes: d.themes,
      themeLabels: d.themes.map((t) => site.themeById.get(t)!.label),
      addressees: d.addressees,
      addresseeLabels: d.addressees.map((a) => site.addresseeById.get(a)!.label),
      people: unique(d.people.flatMap((id) => {
        const person = site.personById.get(id)!;
        return [person.name, ...person.aliases];
      })),
      provisions: unique(d.provisions.flatMap((id) => {
        const prov = site.provisionById.get(id)!;
        return [prov.label, ...prov.aliases];
      })),
      url: itemPath(d.slug, d.fragment),
    };
  });
}

const unique = (xs: string[]) => [...new Set(xs)];
