/**
 * What a procedure page's key facts say: only what a source states, and one list of what none of
 * them states ("Not stated in the sources: the adoption date, the vote, …"), so a page built from
 * a bare resolution text is one short table and one line, not a column of "not stated".
 */
import type { Procedure } from '../content/model/index.ts';
import type { Item } from '../content/parse/index.ts';
import { procedureFileTable } from './labels.ts';

/** A rule of Parliament's Rules of Procedure a text cites ("having regard to Rules 122(5) and 110(4) of its Rules of Procedure"). */
export interface RuleCitation {
  /** Kind of the text citing it. */
  kind: 'resolution' | 'motion' | 'summary';
  item: Item;
}

const CITES_RULES = /\bRules? [\d()]+.*\bof its Rules of Procedure\b/;

/** The citations of a procedure's texts that name Parliament's Rules of Procedure, in page order. */
export function rulesCited(p: Procedure): RuleCitation[] {
  return p.documents.flatMap((d) => d.items.filter((i) => i.kind === 'citation' && CITES_RULES.test(i.text)).map((item) => ({ kind: d.meta.kind, item })));
}

/** What no source of the procedure states, in the order a reader looks for it (lower case, for one sentence). */
export function notStated(p: Procedure): string[] {
  const pf = p.data.procedureFile;
  const a = p.data.adopted;
  const out: string[] = [];
  if (!pf) {
    out.push(`a procedure file (so its type, ${rulesCited(p).length ? '' : 'legal basis, '}stage, subjects, ${procedureFileTable.keyEvents.label.toLowerCase()} and ${procedureFileTable.documentationGateway.label.toLowerCase()})`);
  } else {
    if (!pf.subtype) out.push('the procedure subtype');
    if (!pf.legalBasis && !rulesCited(p).length) out.push('the legal basis');
    // Said as the file's section, not as a fact: the documents table may still name an institution per document.
    if (!pf.keyPlayers) out.push(`the procedure file’s “${procedureFileTable.keyPlayers.official}” (the ${procedureFileTable.keyPlayers.label.toLowerCase()})`);
  }
  if (!a?.reference) out.push('the official reference of the text adopted');
  if (!a?.date) out.push('the adoption date');
  if (!a?.vote) out.push('the vote');
  if (!a?.tablingGroups) out.push('the groups that tabled it');
  for (const d of p.data.documents) {
    if (d.kind === 'motion' && !d.reference) out.push('the motion’s reference (B-number)');
    if (d.kind === 'motion' && !d.tablingGroups) out.push('the group that tabled the motion');
  }
  return out;
}
