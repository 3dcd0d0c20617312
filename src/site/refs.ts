/**
 * Official references inside running text ("Motion for a resolution: B8-0343/2016", "the text
 * adopted T8-0083/2016", "2016/2607(RSP)"), found so that a page can keep each one unbroken: a
 * browser may otherwise break "B8-0343/2016" after its hyphen or slash on a narrow screen. The
 * text itself is never changed (no non-breaking hyphens: a copied reference must stay searchable).
 */

/** Session documents (B8-0343/2016, RC-B8-0337/2016, T9-0056/2021, A9-…) and procedure references (2016/2607(RSP)). */
const REFERENCE = /(?:RC-)?[ABT]\d{1,2}-\d{3,4}\/\d{4}|\b\d{4}\/\d{4}\([A-Z]{3}\)/g;

/** A piece of text: a reference to keep on one line, or the words around it. */
export interface TextPiece {
  text: string;
  ref: boolean;
}

/** Splits `text` into references and the rest, in order; joined, the pieces are `text`. */
export function splitRefs(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(REFERENCE)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), ref: false });
    pieces.push({ text: m[0], ref: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), ref: false });
  return pieces;
}
