/**
 * Turns a text and match ranges into plain segments. The page builds the DOM from them with
 * document.createTextNode / document.createElement('mark') — never with HTML strings — so any text
 * (e.g. "<img src=x onerror=alert(1)>") stays text.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * @param text   the original string
 * @param ranges inclusive [start, end] UTF-16 offsets (as in SearchResultRow.highlights); they may
 *               be unsorted, overlapping or out of bounds: they are clipped and merged. A range
 *               edge that falls inside a surrogate pair is widened to the whole pair.
 * @returns segments whose texts concatenate to `text`; no empty segment; marks never adjacent.
 */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]> = []): Segment[] {
  const n = text.length;
  if (n === 0) return [];
  const clean: [number, number][] = [];
  for (const r of ranges) {
    if (!Array.isArray(r) && !(r && typeof r === 'object')) continue;
    let a = Math.floor(Number(r[0]));
    let b = Math.floor(Number(r[1]));
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a > b) [a, b] = [b, a];
    a = Math.max(0, a);
    b = Math.min(n - 1, b);
    if (b < a) continue;
    if (a > 0 && isLowSurrogate(text.charCodeAt(a)) && isHighSurrogate(text.charCodeAt(a - 1))) a--;
    if (b < n - 1 && isHighSurrogate(text.charCodeAt(b)) && isLowSurrogate(text.charCodeAt(b + 1))) b++;
    clean.push([a, b]);
  }
  clean.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [a, b] of merged) {
    if (a > pos) out.push({ text: text.slice(pos, a), mark: false });
    out.push({ text: text.slice(a, b + 1), mark: true });
    pos = b + 1;
  }
  if (pos < n) out.push({ text: text.slice(pos), mark: false });
  return out;
}

/**
 * A window of the text around the first marked range (for long demand texts in result lists).
 * Returns segments of at most about `maxChars` characters, with "…" text segments where cut.
 */
export function snippetSegments(text: string, ranges: ReadonlyArray<readonly [number, number]> = [], maxChars = 280): Segment[] {
  const segs = highlightSegments(text, ranges);
  if (text.length <= maxChars) return segs;
  const first = segs.findIndex((s) => s.mark);
  let start = 0;
  if (first > 0) {
    let offset = 0;
    for (let i = 0; i < first; i++) offset += segs[i]!.text.length;
    start = Math.max(0, offset - Math.floor(maxChars / 3));
    // start at a word boundary
    const space = text.lastIndexOf(' ', start);
    if (space > 0 && start - space < 30) start = space + 1;
  }
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  let end = Math.min(text.length, start + maxChars);
  const space = text.indexOf(' ', end);
  if (space > 0 && space - end < 30) end = space;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const out: Segment[] = [];
  if (start > 0) out.push({ text: '…', mark: false });
  let pos = 0;
  for (const s of segs) {
    const a = pos;
    const b = pos + s.text.length;
    pos = b;
    const lo = Math.max(a, start);
    const hi = Math.min(b, end);
    if (hi > lo) out.push({ text: s.text.slice(lo - a, hi - a), mark: s.mark });
  }
  if (end < text.length) out.push({ text: '…', mark: false });
  return out;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
