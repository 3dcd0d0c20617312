/**
 * The manifest, decoded once per client into what every query reads: which procedure (and so which
 * year) each document number belongs to, and the (what, kind, themes, addressees) combination of
 * every combo number.
 */
import { decodeVarints } from '../codec.ts';
import type { Manifest } from '../layout.ts';

export interface Combo {
  what: number;
  /** Document kind index, −1 when the item is in no text (events, people, themes). */
  kind: number;
  themes: number[];
  addrs: number[];
}

export class IndexModel {
  readonly manifest: Manifest;
  readonly docCount: number;
  /** Document number where each run starts (plus docCount at the end), and its procedure (−1: none). */
  private readonly runStart: Int32Array;
  private readonly runProc: Int32Array;
  /** Year, and index into `years`, of each procedure. */
  readonly procYear: Int32Array;
  readonly procYearIndex: Int32Array;
  /** Number of documents of each procedure. */
  readonly procDocs: Int32Array;
  /** Distinct years, in manifest order (newest first). */
  readonly years: number[];
  readonly yearIndex: Map<number, number>;
  readonly combos: Combo[];
  readonly themeIndex: Map<string, number>;
  readonly addresseeIndex: Map<string, number>;
  readonly kindIndex: Map<string, number>;
  readonly whatIndex: Map<string, number>;

  constructor(m: Manifest) {
    this.manifest = m;
    this.docCount = m.docCount;
    const runs = decodeVarints(m.runs);
    this.runStart = new Int32Array(runs.length / 2 + 1);
    this.runProc = new Int32Array(runs.length / 2);
    this.procDocs = new Int32Array(m.procCount);
    for (let r = 0; r < runs.length / 2; r++) {
      const proc = runs[2 * r]! - 1;
      const n = runs[2 * r + 1]!;
      this.runProc[r] = proc;
      this.runStart[r + 1] = this.runStart[r]! + n;
      if (proc >= 0) this.procDocs[proc]! += n;
    }
    this.procYear = new Int32Array(m.procCount);
    this.procYearIndex = new Int32Array(m.procCount);
    this.years = [];
    this.yearIndex = new Map();
    let pi = 0;
    for (const [year, procs] of m.years) {
      if (!this.yearIndex.has(year)) {
        this.yearIndex.set(year, this.years.length);
        this.years.push(year);
      }
      for (let j = 0; j < procs; j++) {
        this.procYear[pi] = year;
        this.procYearIndex[pi++] = this.yearIndex.get(year)!;
      }
    }
    const cv = decodeVarints(m.combos);
    this.combos = [];
    for (let i = 0; i < cv.length; ) {
      const what = cv[i++]!;
      const kind = cv[i++]! - 1;
      const nt = cv[i++]!;
      const themes = cv.slice(i, i + nt);
      i += nt;
      const na = cv[i++]!;
      const addrs = cv.slice(i, i + na);
      i += na;
      this.combos.push({ what, kind, themes, addrs });
    }
    this.themeIndex = new Map(m.themes.map(([id], i) => [id, i]));
    this.addresseeIndex = new Map(m.addressees.map(([id], i) => [id, i]));
    this.kindIndex = new Map(m.kinds.map((k, i) => [k, i]));
    this.whatIndex = new Map(m.whats.map((w, i) => [w, i]));
  }

  /** The procedure of a document number, or −1. */
  procOf(doc: number): number {
    const s = this.runStart;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= doc) lo = mid;
      else hi = mid - 1;
    }
    return this.runProc[lo] ?? -1;
  }

  /** Whether a combo's items are demands (they rank first). */
  isDemand(combo: number): boolean {
    return this.manifest.whats[this.combos[combo]!.what] === 'demand';
  }
}
