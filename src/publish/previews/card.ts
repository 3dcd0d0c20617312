// What the link-preview images say: a procedure's reference, title and what the sources state
// about its adoption; the site's card for every other page. Drawn by render.ts.
import type { Procedure, SiteModel } from '../../content/model/index.ts';
import { formatDate } from '../../content/model/index.ts';
import { renderCard, type Card } from './render.ts';

export function procedureCardSpec(p: Procedure): Card {
  const when = p.adoptedDate ? `Adopted ${formatDate(p.adoptedDate)}` : `${p.year} · adoption date not stated in the sources`;
  return {
    kicker: `European Parliament resolution · ${p.reference}`,
    title: p.title,
    meta: `${when} · ${p.demands.length} demands, quoted verbatim`,
  };
}

export function siteCardSpec(site: SiteModel): Card {
  const years = site.procedures.map((p) => p.year);
  return {
    kicker: `European Parliament resolutions ${Math.min(...years)}–${Math.max(...years)}`,
    title: 'What the European Parliament has demanded of Kazakhstan on human rights',
    meta: `${site.procedures.length} resolutions · ${site.demands.length} demands, quoted verbatim`,
  };
}

export const procedureCard = (p: Procedure): Uint8Array => renderCard(procedureCardSpec(p));
export const siteCard = (site: SiteModel): Uint8Array => renderCard(siteCardSpec(site));
