// Citation fields straight from the site model, for components that have a Procedure or a
// Demand at hand: the same values the download records carry (see records.ts).
import type { Demand, Procedure } from '../../content/model/index.ts';
import { itemName } from '../../site/labels.ts';
import { documentUrl, procedureFileUrl } from '../../site/ep-links.ts';
import { itemPath, procedurePath, type Links } from '../../site/paths.ts';
import type { DemandFields, ProcedureFields } from './index.ts';

export function procedureFields(p: Procedure, links: Links): ProcedureFields {
  const adopted = p.data.adopted?.reference;
  return {
    reference: p.reference,
    slug: p.slug,
    title: p.title,
    adoptedDate: p.adoptedDate ?? null,
    adoptedTextReference: adopted ?? null,
    adoptedTextUrl: adopted ? (documentUrl(adopted) ?? null) : null,
    procedureFileUrl: procedureFileUrl(p.reference),
    permalink: links.url(procedurePath(p.slug)),
  };
}

export function demandFields(d: Demand, p: Procedure, links: Links): DemandFields {
  const item = p.items.get(d.anchor)!;
  return {
    id: d.id,
    document: d.documentKind,
    paragraph: itemName(item.kind, item.label, item.anchor),
    leadIn: d.leadIn.text,
    text: d.text,
    permalink: links.url(itemPath(d.slug, d.fragment)),
  };
}
