/** Small helpers of the search client: ordering, binary searches, edit distance, scratch space. */

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a sorted Int32Array holds x. */
export function sortedHas(arr: Int32Array, x: number): boolean {
  return sortedIndexOf(arr, x) >= 0;
}

/** Index of x in a sorted Int32Array, or −1. */
export function sortedIndexOf(arr: Int32Array, x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] === x) return mid;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index of a sorted string array whose element is ≥ x. */
export function lowerBound(arr: string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The k best items (by `better`: negative when a comes first), in order; O(n log k). */
export function topK<T>(items: T[], k: number, better: (a: T, b: T) => number): T[] {
  if (items.length <= 4 * k) return [...items].sort(better).slice(0, k);
  const best: T[] = [];
  for (const x of items) {
    if (best.length === k && better(x, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (better(best[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, x);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Optimal-string-alignment distance, or max + 1 when above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** Edits a query word may be away from an indexed word (≈ fuse.js threshold 0.3). */
export function maxEdits(len: number): number {
  if (len < 4) return 0;
  return Math.min(3, Math.max(1, Math.floor(len * 0.3)));
}

/**
 * Scratch space indexed by doc number, shared by all clients (allocated once, grown if needed,
 * reset by bumping a stamp). Only used synchronously (no await while marked), so sharing is safe.
 */
export interface Scratch {
  mark: Int32Array;
  score: Float32Array;
  combo: Int32Array;
  top: Uint8Array;
  /** bit 1: matched through an exact, prefix or other-script word; bit 2: through a similar word */
  via: Uint8Array;
  stamp: number;
}
let scratch: Scratch | null = null;
/** The scratch space, with a fresh stamp (a doc is marked when mark[doc] === stamp). */
export function scratchSpace(n: number): Scratch {
  if (!scratch || scratch.mark.length < n) {
    const size = Math.max(n, 1024);
    scratch = { mark: new Int32Array(size), score: new Float32Array(size), combo: new Int32Array(size), top: new Uint8Array(size), via: new Uint8Array(size), stamp: 0 };
  }
  scratch.stamp++;
  return scratch;
}
