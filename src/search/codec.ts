/**
 * Compact, JSON-safe integer encoding used by the search index files, and a small string hash.
 *
 * Varints: little-endian groups of 5 bits, one character per group. The last group of a number is
 * written with a TERMINAL digit, the others with a CONTINUATION digit, so numbers need no
 * separator: 0…31 take 1 char, …1023 2 chars, …32767 3 chars. No character needs escaping in JSON.
 */

const CONT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const TERM = 'ghijklmnopqrstuvwxyz0123456789-_';

const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  DECODE[CONT.charCodeAt(i)] = i; // continuation: 0..31
  DECODE[TERM.charCodeAt(i)] = 32 + i; // terminal: 32..63
}

export function encodeVarint(n: number, out: string[]): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`encodeVarint: not a non-negative integer: ${n}`);
  while (n >= 32) {
    out.push(CONT[n & 31]!);
    n = Math.floor(n / 32);
  }
  out.push(TERM[n]!);
}

export function encodeVarints(values: ArrayLike<number>): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) encodeVarint(values[i]!, out);
  return out.join('');
}

/** Decodes every varint of `s` (appending to `out`, which is returned). */
export function decodeVarints(s: string, out: number[] = []): number[] {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < s.length; i++) {
    const d = DECODE[s.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`decodeVarints: bad character at ${i}`);
    if (d < 32) {
      value += d * mul;
      mul *= 32;
    } else {
      out.push(value + (d - 32) * mul);
      value = 0;
      mul = 1;
    }
  }
  if (mul !== 1) throw new Error('decodeVarints: truncated input');
  return out;
}

/** FNV-1a 32-bit hash of a string's UTF-16 units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A fixed 32-bit hash of a document number (murmur3's finalizer: a bijection on uint32), used
 * for the coordinated samples of capped lists: every list keeps the docs whose hash is below its
 * own threshold, so below the smallest threshold of several lists all of them are complete.
 */
export function docHash(doc: number): number {
  let h = (doc + 0x9e3779b9) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
