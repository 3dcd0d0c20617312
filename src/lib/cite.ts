import type { Demand, Procedure } from './model/index.ts';
import { documentKindShort, itemName } from './labels.ts';

/** A one-line plain-text citation of a demand: procedure, document, item, permalink. */
export function citeDemand(d: Demand, p: Procedure, permalink: string): string {
  const item = p.items.get(d.anchor)!;
  return `European Parliament, ${p.title}, ${p.reference}, ${documentKindShort[d.documentKind].toLowerCase()}, ${itemName(item.kind, item.label, item.anchor)}. ${permalink}`;
}
