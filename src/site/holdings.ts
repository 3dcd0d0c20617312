/**
 * Which texts the site holds, said exactly: whose words each procedure's texts are. The home and
 * Data pages state it, so that nobody is promised Parliament's wording where the site has only the
 * Legislative Observatory's summary of it.
 */
import type { Procedure, SiteModel } from '../content/model/index.ts';
import type { DocumentKind } from '../content/schemas/procedure.ts';

export interface Holdings {
  /** Procedures of which the site holds a text of each kind, oldest first. */
  byKind: Record<DocumentKind, Procedure[]>;
  /** Procedures with no full text of Parliament's: only a summary (and perhaps a motion). */
  summaryOnly: Procedure[];
}

export function holdings(site: Pick<SiteModel, 'procedures'>): Holdings {
  const has = (p: Procedure, k: DocumentKind) => p.documents.some((d) => d.meta.kind === k);
  const kinds: DocumentKind[] = ['resolution', 'summary', 'motion'];
  const byKind = Object.fromEntries(kinds.map((k) => [k, site.procedures.filter((p) => has(p, k))])) as Record<DocumentKind, Procedure[]>;
  return { byKind, summaryOnly: site.procedures.filter((p) => !has(p, 'resolution')) };
}

/** "2016/2607(RSP), 2019/2610(RSP) and 2021/2544(RSP)", or a count when the list is long. */
export function referenceList(ps: readonly Procedure[], max = 8): string {
  if (ps.length > max) return `${ps.length.toLocaleString('en')} procedures`;
  const refs = ps.map((p) => p.reference);
  return refs.length <= 1 ? (refs[0] ?? '') : `${refs.slice(0, -1).join(', ')} and ${refs.at(-1)}`;
}

/**
 * One paragraph, in plain words: whose wording the site holds, per procedure.
 * "Parliament’s own text: 2013/2600(RSP) (…). The Legislative Observatory’s summaries of the adopted
 * texts, not Parliament’s wording: 2016/2607(RSP), …. A group’s motion for a resolution, not the
 * adopted text: 2016/2607(RSP)."
 */
export function holdingsSentences(site: Pick<SiteModel, 'procedures'>): string[] {
  const h = holdings(site);
  const out: string[] = [];
  const n = (ps: Procedure[], one: string, many: string) => (ps.length === 1 ? one : many);
  if (h.byKind.resolution.length) out.push(`Parliament’s own resolution ${n(h.byKind.resolution, 'text', 'texts')}, in full, for ${referenceList(h.byKind.resolution)} (the export does not say whether ${n(h.byKind.resolution, 'it is the adopted version', 'they are the adopted versions')}).`);
  if (h.byKind.summary.length) out.push(`The Legislative Observatory’s ${n(h.byKind.summary, 'summary', 'summaries')} of the adopted ${n(h.byKind.summary, 'text', 'texts')}, which ${n(h.byKind.summary, 'is', 'are')} not Parliament’s wording, for ${referenceList(h.byKind.summary)}.`);
  if (h.byKind.motion.length) out.push(`A group’s motion for a resolution, not the adopted text, for ${referenceList(h.byKind.motion)}.`);
  return out;
}
