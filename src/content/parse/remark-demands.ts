import type { VFile } from 'vfile';
import type { Item } from './types.ts';

/** A demand found by extraction: where it is and its verbatim text. */
export interface ExtractedDemand {
  anchor: string;
  text: string;
  /** Start of `text` in the item's text. */
  start: number;
}

declare module 'vfile' {
  interface DataMap {
    extracted: ExtractedDemand[];
  }
}

/**
 * Call verbs that open a demand. Summaries report them ("called on", "urged", "are called upon");
 * resolutions state them ("calls on", "urges", "reaffirms its call"). Welcomes, regrets and
 * concerns are deliberately absent: they are not demands.
 */
const CALL =
  /\b(?:(?:strongly |also |further |again |therefore )?(?:calls? (?:on|upon|for)|called (?:on|upon|for)|urges?|urged|reaffirms its call|reiterates its call|reaffirmed its call|reiterated its call|encourages?|encouraged|invites?|invited|asks?|asked)|(?:are|is|was|were) (?:particularly |also )?(?:called upon|urged|invited|asked|encouraged))\b/gi;

/** An introduction whose bullets carry the demands ("It called on the Kazakh authorities to:"). */
const INTRODUCES = /:\s*$/;

const OPERATIVE = new Set(['para', 'summary', 'bullet']);

/** Trailing joiners between two calls: "; ", ", and ", " and also ". */
function trimEnd(s: string): string {
  let t = s.replace(/\s+$/, '');
  for (;;) {
    const next = t.replace(/(?:[;,.:]|\s+and|\s+also|\s+as well as|\s+furthermore)$/i, '').replace(/\s+$/, '');
    if (next === t) return t;
    t = next;
  }
}

/** Splits an operative item into its calls: each call verb opens a demand that runs to the next. */
export function extractFromItem(item: Item, introduces: boolean): ExtractedDemand[] {
  if (!OPERATIVE.has(item.kind)) return [];
  if (item.kind === 'bullet') {
    const text = trimEnd(item.text);
    return text ? [{ anchor: item.anchor, text, start: 0 }] : [];
  }
  if (introduces) return [];
  const starts = [...item.text.matchAll(CALL)].map((m) => m.index);
  const out: ExtractedDemand[] = [];
  starts.forEach((start, i) => {
    const text = trimEnd(item.text.slice(start, starts[i + 1] ?? item.text.length));
    if (text.length > 3) out.push({ anchor: item.anchor, text, start });
  });
  return out;
}

/**
 * First-pass demand extraction over the parsed documents. Curated demands
 * (`content/demands/*.yaml`) override it item by item; whatever it finds in an item nobody has
 * curated is published marked "not yet reviewed".
 */
export default function remarkDemands() {
  return (_tree: unknown, file: VFile) => {
    const out: ExtractedDemand[] = [];
    for (const doc of file.data.parsed ?? []) {
      const introducers = new Set(doc.items.filter((i) => i.parent).map((i) => i.parent));
      for (const item of doc.items) {
        out.push(...extractFromItem(item, introducers.has(item.anchor) && INTRODUCES.test(item.text)));
      }
    }
    file.data.extracted = out;
  };
}
