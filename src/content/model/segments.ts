import type { Inline, Item } from '../parse/index.ts';
import type { Demand } from './types.ts';

export type Piece = Inline | { type: 'demand'; demand: Demand; children: Inline[] };

/**
 * Cuts an item's text into what a page prints: plain words, footnote references, and the spans of
 * its demands (which may themselves hold footnote references). Offsets are in `item.text`, where a
 * footnote reference counts as its printed number.
 */
export function segmentItem(item: Item, demands: Demand[]): Piece[] {
  const flat: Array<{ start: number; end: number; inline: Inline }> = [];
  let pos = 0;
  for (const inline of item.inlines) {
    const len = inline.type === 'text' ? inline.value.length : inline.label.length;
    flat.push({ start: pos, end: pos + len, inline });
    pos += len;
  }
  const slice = (from: number, to: number): Inline[] => {
    const out: Inline[] = [];
    for (const f of flat) {
      if (f.end <= from || f.start >= to) continue;
      if (f.inline.type === 'fnref') out.push(f.inline);
      else out.push({ type: 'text', value: f.inline.value.slice(Math.max(0, from - f.start), to - f.start) });
    }
    return out;
  };
  const spans = [...demands].sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const d of spans) {
    if (d.start < at) continue; // overlapping curation is rejected upstream; never print text twice
    pieces.push(...slice(at, d.start));
    pieces.push({ type: 'demand', demand: d, children: slice(d.start, d.start + d.text.length) });
    at = d.start + d.text.length;
  }
  pieces.push(...slice(at, pos));
  return pieces.filter((p) => p.type !== 'text' || p.value.length > 0);
}
