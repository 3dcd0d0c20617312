/**
 * How a moved address (content/moved.yaml) names its new place to a reader: the resolution and
 * item for a demand or an item, the name or title for a person, theme or thread, else the address.
 */
import type { SiteModel } from '../content/model/types.ts';
import { itemName } from './labels.ts';

type Site = Pick<SiteModel, 'bySlug' | 'demandById' | 'personById' | 'themeById' | 'threadById'>;

export function movedTargetName(site: Site, to: string): string {
  const page = /^(people|themes|threads)\/([^/]+)\/$/.exec(to);
  if (page) {
    const [, kind, id] = page as unknown as [string, string, string];
    const name = kind === 'people' ? site.personById.get(id)?.name : kind === 'themes' ? site.themeById.get(id)?.label : site.threadById.get(id)?.title;
    return name ?? `/${to}`;
  }
  const m = /^procedures\/([^/]+)\/(?:#(.+))?$/.exec(to);
  const proc = m ? site.bySlug.get(m[1]!) : undefined;
  if (!m || !proc) return `/${to}`;
  if (!m[2]) return proc.reference;
  const demand = m[2].startsWith('demand-') ? site.demandById.get(m[2].slice('demand-'.length)) : undefined;
  const item = proc.items.get(demand?.anchor ?? m[2]);
  if (!item) return `/${to}`;
  return `${demand ? 'a demand of ' : ''}${proc.reference}, ${itemName(item.kind, item.label, item.anchor)}`;
}
