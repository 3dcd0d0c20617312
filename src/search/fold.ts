/**
 * Case and diacritic folding for search, used identically on documents (build time, and the
 * client's fuse.js keys) and on queries.
 *
 * fold(s): per code point — a table of letters that Unicode does not decompose (ı→i, ø→o, ł→l,
 * ß→ss, đ→d, æ→ae, ə→a, …), curly quotes to straight ones (‘ ’ → ', “ ” → "), dashes to "-",
 * Cyrillic (Russian + Kazakh letters) transliterated to Latin (Козлов → kozlov, Қ → k, Ө → o),
 * then NFKD, combining marks stripped, lower-cased. Folding is done character by character, so
 * foldWithMap() can return, for every UTF-16 unit of the folded string, the range of the original
 * string it came from: match offsets computed on folded text map back onto the original text.
 */

/** Lower-case keys only (lookups lower-case the character first). */
const SPECIAL: Record<string, string> = {
  // Latin letters without a canonical decomposition
  ı: 'i',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  ẞ: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ə: 'a', // Kazakh/Azerbaijani schwa (Ә in Kazakh Cyrillic), usually transliterated a/ä
  ɨ: 'i',
  ĸ: 'k',
  ſ: 's',
  ƒ: 'f',
  // quotes, apostrophes, dashes, spaces
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  'ʻ': "'",
  'ʼ': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u00ad': '', // soft hyphen
  '\u200b': '', // zero-width space
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
  // Cyrillic → Latin (BGN/PCGN-like for Russian; Kazakh letters to their usual English spelling)
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
  ў: 'u',
};

const MARKS = /\p{M}+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const cache = new Map<string, string>();

/** Folds one code point (given as a string of 1 or 2 UTF-16 units). */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  const lower = ch.toLowerCase();
  let out = SPECIAL[lower];
  if (out === undefined) {
    const decomposed = ch.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFKD').replace(MARKS, '');
    out = '';
    for (const c of decomposed) {
      const sp = SPECIAL[c];
      out += sp !== undefined ? sp : c;
    }
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** Folds a string (see the top of this file). fold(s) === foldWithMap(s).folded, always. */
export function fold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += foldChar(ch);
  return out;
}

export interface FoldMap {
  folded: string;
  /** starts[i] = offset in the original string of the character that produced folded[i]. */
  starts: Int32Array;
  /** ends[i] = offset just past that original character. */
  ends: Int32Array;
}

/** Folds and keeps, for every folded UTF-16 unit, the span of the original it came from. */
export function foldWithMap(s: string): FoldMap {
  if (ASCII_ONLY.test(s)) {
    const n = s.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return { folded: s.toLowerCase(), starts, ends };
  }
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (const ch of s) {
    const f = foldChar(ch);
    const end = pos + ch.length;
    for (let k = 0; k < f.length; k++) {
      starts.push(pos);
      ends.push(end);
    }
    folded += f;
    pos = end;
  }
  return { folded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * Maps inclusive [start, end] ranges on the folded string back to inclusive ranges on the
 * original string (merged, sorted). Ranges outside the folded string are clipped.
 */
export function mapRangesToOriginal(map: FoldMap, ranges: ReadonlyArray<readonly [number, number]>): [number, number][] {
  const n = map.folded.length;
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    const s = Math.max(0, a);
    const e = Math.min(n - 1, b);
    if (e < s) continue;
    out.push([map.starts[s]!, map.ends[e]! - 1]);
  }
  out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const WORD = /[\p{L}\p{N}]+/gu;
const HAS_LETTER = /\p{L}/u;
const ALL_DIGITS = /^\p{N}+$/u;

/** Splits FOLDED text into word tokens (runs of letters and digits). */
export function tokenize(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** True for tokens worth indexing / searching: any token of ≥ 2 units, or a single digit. */
export function isIndexableToken(t: string): boolean {
  return t.length >= 2 || ALL_DIGITS.test(t);
}

/** Tokens that take part in fuzzy (trigram) matching: ≥ 3 units with at least one letter. */
export function isFuzzyToken(t: string): boolean {
  return t.length >= 3 && HAS_LETTER.test(t);
}

/** The distinct character trigrams of a token, in order of first occurrence. */
export function trigrams(t: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) {
    const g = t.slice(i, i + 3);
    if (!seen.has(g)) {
      seen.add(g);
      out.push(g);
    }
  }
  return out;
}

/**
 * The Latin spellings each letter may have in the English texts, for query words typed in
 * Cyrillic (Russian or Kazakh: Ә Ғ Қ Ң Ө Ұ Ү Һ І) or with Kazakh/Turkic Latin letters (ä, ğ, q, ş, …).
 * fold() picks one spelling per letter (Қ → k); the texts print others too ("Kazakhstan" for
 * Қазақстан, "Yevgeniy" for Евгений), so a query word in such letters matches an indexed word
 * exactly when some choice of these spellings gives it (spellingPattern).
 */
const SPELLINGS: Record<string, readonly string[]> = {
  е: ['e', 'ye'],
  ё: ['e', 'yo', 'io'],
  ж: ['zh', 'j'],
  и: ['i', 'y'],
  й: ['y', 'i', ''],
  х: ['kh', 'h'],
  ц: ['ts', 'c', 'tz'],
  щ: ['shch', 'sch', 'sh'],
  ы: ['y', 'i'],
  ь: ['', 'y'],
  ю: ['yu', 'iu', 'ju', 'u'],
  я: ['ya', 'ia', 'ja', 'a'],
  ә: ['a', 'ae', 'e'],
  ғ: ['g', 'gh'],
  қ: ['k', 'q', 'kh'],
  ң: ['n', 'ng'],
  ө: ['o', 'oe'],
  ұ: ['u'],
  ү: ['u', 'ue', 'y'],
  һ: ['h'],
  і: ['i', 'y'],
  є: ['ye', 'e'],
  ї: ['i', 'yi'],
  ä: ['a', 'ae'],
  ö: ['o', 'oe'],
  ü: ['u', 'ue'],
  ş: ['sh', 's'],
  ç: ['ch', 'c'],
  ğ: ['g', 'gh'],
  ñ: ['n', 'ng'],
  ı: ['i', 'y'],
  q: ['q', 'k', 'kh'],
};
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * For a query word as typed (one token of letters and digits), a pattern of every folded Latin
 * spelling it may have in the texts; undefined when the word has no letter with other spellings
 * (plain English words keep fold()'s single spelling).
 */
export function spellingPattern(typed: string): RegExp | undefined {
  let body = '';
  let alternatives = false;
  for (const ch of typed) {
    const spellings = SPELLINGS[ch.toLowerCase()];
    if (spellings) {
      alternatives = true;
      body += `(?:${[...spellings].sort((a, b) => b.length - a.length).join('|')})`;
    } else body += foldChar(ch).replace(REGEX_SPECIAL, '\\$&');
  }
  return alternatives ? new RegExp(`^${body}$`) : undefined;
}

/**
 * The skeleton of a folded word under the ways English texts transliterate Kazakh and Russian
 * names: zh/z, kh/k, sh/s, ch/c, gh/g, q/k, ts/c, y/i, ye/e at the start, doubled letters, an i
 * between vowels (-ayev/-aev). Two names with one skeleton are one name spelt two ways
 * ("Zhanaozen" / "Zhanaozhen", "Yevgeniy" / "Evgeni", "Omirbayev" / "Omirbaev"); the index groups
 * the names of the texts by skeleton (build.ts), never ordinary words, which it would confuse
 * ("short" / "sort").
 */
export function spellingSkeleton(folded: string): string {
  return folded
    .replace(/shch/g, 'sc')
    .replace(/([zkscg])h/g, '$1')
    .replace(/t[sz]/g, 'c')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/^ie/, 'e')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aeiou])i(?=[aeiou])/g, '$1');
}
