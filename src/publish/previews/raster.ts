// A tiny, dependency-free 2-D renderer for the link-preview images: filled rectangles and text
// (glyph outlines from glyphs.ts) with exact-area anti-aliasing, its coverage rounded to 1/32 steps
// (see LEVELS), encoded as PNG with node:zlib: indexed colour (one byte a pixel) when the image has at
// most 256 colours, as the cards do, else RGB.
// Free of randomness and clocks: the same input gives the same bytes.
import { crc32 as zlibCrc32, constants as zlibConstants, deflateSync } from 'node:zlib';
import { FACES, UNITS_PER_EM } from './glyphs.ts';

export type FaceName = keyof typeof FACES;
export type Rgb = [number, number, number];

export const hex = (s: string): Rgb => {
  const n = Number.parseInt(s.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** Width of a string in pixels at a font size. Unknown characters count as "?". */
export function measure(text: string, face: FaceName, size: number): number {
  const glyphs = FACES[face].glyphs;
  let w = 0;
  for (const ch of text) w += (glyphs[ch] ?? glyphs['?']!)[0];
  return (w * size) / UNITS_PER_EM;
}

/** Greedy word wrap to `maxWidth`; at most `maxLines`, the last one ending in "…" when cut. */
export function wrap(text: string, face: FaceName, size: number, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (measure(next, face, size) <= maxWidth || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    line = '';
    i = words.length;
  }
  if (i < words.length || line) {
    let last = lines[maxLines - 1]!;
    while (last && measure(`${last}…`, face, size) > maxWidth) last = last.replace(/\s*\S+$/, '');
    lines[maxLines - 1] = `${last}…`;
  }
  return lines;
}

/**
 * Anti-aliased text coverage is rounded to steps of 1/LEVELS before blending (Canvas.composite).
 * Why: exact coverage gives each text colour ~500 shades over the background (≈ 1,450 colours on a
 * card), too many for an indexed PNG; with 1/32 steps each text colour over a fill adds at most 32
 * colours, so a card (three text colours, three fills: < 110 colours) fits the 256 of a palette and
 * deflates one byte a pixel instead of three. An error of at most 1/64 in coverage is not visible at
 * these text sizes, and the integer blend is exact, so the output stays deterministic.
 */
const LEVEL_BITS = 5;
const LEVELS = 1 << LEVEL_BITS;

/**
 * An RGB image kept as palette indices: `colors` holds each distinct colour once (packed 0xRRGGBB, in
 * order of first use), and `pix` a row per image row, each a zero byte (the PNG filter type "None")
 * then one index per pixel — already the raw data of an indexed PNG, so png() only deflates it. Past
 * 256 colours `pix` widens to 16 bits and png() writes RGB instead.
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  private pix: Uint8Array | Uint16Array;
  private readonly colors: number[] = [];
  private readonly indexOf = new Map<number, number>();
  constructor(width: number, height: number, background: Rgb) {
    this.width = width;
    this.height = height;
    this.pix = new Uint8Array((width + 1) * height); // all 0: the filter bytes, and the background's index
    this.colorIndex(pack(background));
  }

  /** A copy of the pixels as RGB bytes, row by row (for inspection; png() does not use it). */
  get rgb(): Uint8Array {
    const { width: w, height: h, pix, colors } = this;
    const out = new Uint8Array(w * h * 3);
    for (let y = 0, o = 0; y < h; y++) {
      for (let i = y * (w + 1) + 1, end = i + w; i < end; i++, o += 3) {
        const c = colors[pix[i]!]!;
        out[o] = c >> 16;
        out[o + 1] = (c >> 8) & 255;
        out[o + 2] = c & 255;
      }
    }
    return out;
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + w);
    if (x1 <= x0) return;
    const k = this.colorIndex(pack(color));
    const stride = this.width + 1;
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) this.pix.fill(k, yy * stride + 1 + x0, yy * stride + 1 + x1);
  }

  /** Draws one line of text with its baseline at `y`; returns the x after the last glyph. */
  text(str: string, x: number, y: number, face: FaceName, size: number, color: Rgb): number {
    const scale = size / UNITS_PER_EM;
    const glyphs = FACES[face].glyphs;
    let yMax = -Infinity;
    let yMin = Infinity;
    let pen = x;
    const line: Array<{ cmds: Float64Array; pen: number }> = [];
    for (const ch of str) {
      const [advance, d] = glyphs[ch] ?? glyphs['?']!;
      const o = outline(d);
      line.push({ cmds: o.cmds, pen });
      yMin = Math.min(yMin, o.yMin);
      yMax = Math.max(yMax, o.yMax);
      pen += advance * scale;
    }
    // Accumulate only the rows the line's glyphs can touch (their outlines' vertical extent, plus a
    // pixel each side), and blend only the columns drawLine wrote to in each: the rest of the canvas
    // stays untouched, as it would with a full-size buffer.
    const top = Math.max(0, Math.floor(y - yMax * scale) - 1);
    const bottom = Math.min(this.height, Math.ceil(y - yMin * scale) + 2);
    if (!line.length || bottom <= top) return pen;
    const rows = bottom - top;
    const acc = scratch(this.width * rows + 2);
    const span = spans(rows, this.width);
    for (const g of line) drawPath(acc, span, this.width, rows, g.cmds, g.pen, y - top, scale);
    this.composite(acc, span, color, top, rows);
    return pen;
  }

  /**
   * Blends `color` into rows [top, top + rows) by the coverage accumulated in `acc` (a running sum
   * along each row), visiting in each row only the columns drawLine wrote to (`span`), and zeroes
   * `acc` behind it for the next line. The sum restarts at each row: every closed outline's
   * contributions to a row add up to zero (up to float rounding, which no longer carries from row to
   * row). Coverage is rounded to q/LEVELS (half up; below 1/(2·LEVELS) the pixel is left alone), and
   * each (old colour, q) pair is blended once per line.
   */
  private composite(acc: Float32Array, span: Int32Array, color: Rgb, top: number, rows: number): void {
    const w = this.width;
    const stride = w + 1;
    const c = pack(color);
    // memo[k·LEVELS + q − 1]: the index of colour k blended with `color` at q/LEVELS, or −1. Pixels
    // visited here still hold their colour from before this line, so k < the palette size now.
    const memo = blendMemo(this.colors.length * LEVELS);
    const half = 0.5 / LEVELS;
    let pix = this.pix;
    for (let row = 0; row < rows; row++) {
      const left = span[2 * row]!;
      const right = Math.min(w, span[2 * row + 1]!); // at column w drawLine only ever adds 0
      if (right <= left) continue;
      let sum = 0;
      const ls = row * w;
      let o = (top + row) * stride + 1 + left;
      for (let i = ls + left; i < ls + right; i++, o++) {
        sum += acc[i]!;
        if (sum < half && sum > -half) continue;
        const q = Math.min(LEVELS, (Math.abs(sum) * LEVELS + 0.5) | 0);
        const m = pix[o]! * LEVELS + q - 1;
        let k = memo[m]!;
        if (k < 0) {
          memo[m] = k = this.colorIndex(blend(this.colors[pix[o]!]!, c, q));
          pix = this.pix; // colorIndex may have widened it
        }
        pix[o] = k;
      }
      acc.fill(0, ls + left, ls + right);
    }
    acc.fill(0, rows * w, rows * w + 2);
  }

  /** The index of a packed colour, added to the palette if new (widening `pix` past 256 colours). */
  private colorIndex(c: number): number {
    let k = this.indexOf.get(c);
    if (k !== undefined) return k;
    k = this.colors.length;
    if (k === 256) {
      const wide = new Uint16Array(this.pix.length);
      wide.set(this.pix);
      this.pix = wide;
    } else if (k === 65536) throw new Error('Canvas: more than 65,536 colours');
    this.colors.push(c);
    this.indexOf.set(c, k);
    return k;
  }

  /**
   * The image as PNG, 8-bit samples, rows unfiltered: indexed colour (IHDR, PLTE, IDAT, IEND; the
   * palette in order of first use, possibly with colours no longer on the canvas) up to 256 colours,
   * else RGB (IHDR, IDAT, IEND). Deflated at level 1 with zlib's run-length strategy: on these flat
   * cards (long runs of one index) it is faster than the default strategy and a little smaller
   * (≈ 40 KB; 30 KB at level 9 costs 50× the time).
   */
  png(): Uint8Array {
    const { width: w, height: h, pix, colors } = this;
    if (pix instanceof Uint8Array) {
      const palette = new Uint8Array(colors.length * 3);
      colors.forEach((c, k) => palette.set([c >> 16, (c >> 8) & 255, c & 255], k * 3));
      return encodePng(w, h, 3, pix, palette);
    }
    const raw = new Uint8Array((w * 3 + 1) * h); // each row: filter byte 0 ("None"), then the pixels
    for (let y = 0, o = 0; y < h; y++) {
      o++;
      for (let i = y * (w + 1) + 1, end = i + w; i < end; i++, o += 3) {
        const c = colors[pix[i]!]!;
        raw[o] = c >> 16;
        raw[o + 1] = (c >> 8) & 255;
        raw[o + 2] = c & 255;
      }
    }
    return encodePng(w, h, 2, raw);
  }
}

const pack = ([r, g, b]: Rgb): number => (r << 16) | (g << 8) | b;

/** Packed colour `under` covered by `over` at q/LEVELS, each channel rounded half up. */
function blend(under: number, over: number, q: number): number {
  const p = LEVELS - q;
  const mix = (shift: number) => ((((under >> shift) & 255) * p + ((over >> shift) & 255) * q + LEVELS / 2) >> LEVEL_BITS) << shift;
  return mix(16) | mix(8) | mix(0);
}

let memoBuf = new Int32Array(0);
/** A blend memo of n entries, all −1. */
function blendMemo(n: number): Int32Array {
  if (memoBuf.length < n) memoBuf = new Int32Array(Math.max(n, 2 * memoBuf.length));
  memoBuf.fill(-1, 0, n);
  return memoBuf;
}

let spanBuf = new Int32Array(0);
/**
 * Per row r of a line, the columns [span[2r], span[2r+1]) drawLine has written to: reset to empty
 * ([width, 0)) for `rows` rows.
 */
function spans(rows: number, width: number): Int32Array {
  if (spanBuf.length < 2 * rows) spanBuf = new Int32Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    spanBuf[2 * r] = width;
    spanBuf[2 * r + 1] = 0;
  }
  return spanBuf;
}

let scratchBuf = new Float32Array(0);
/** An all-zero accumulation buffer of at least n floats, reused between lines (composite re-zeroes it). */
function scratch(n: number): Float32Array {
  if (scratchBuf.length < n) scratchBuf = new Float32Array(n);
  return scratchBuf;
}

// --- outlines → coverage (the signed-area accumulation method of font-rs) ----------------------

const M = 0;
const L = 1;
const Q = 2;
const C = 3;
const Z = 4;
/** Number of coordinates after each command, by code. */
const ARITY = [2, 2, 4, 6, 0];

interface Outline {
  /** The path as numbers: each command's code (M L Q C Z above), then its coordinates (font units, y up). */
  cmds: Float64Array;
  /** Lowest and highest y of the points, control points included (so of the curves too), and 0. */
  yMin: number;
  yMax: number;
}

const outlines = new Map<string, Outline>();
/** A glyph's outline ("M x y L x y Q x y x y C … Z", absolute), tokenised once and kept. */
function outline(d: string): Outline {
  let o = outlines.get(d);
  if (o) return o;
  const tokens = d.match(/[MLQCZ]|-?\d+(?:\.\d+)?/g) ?? [];
  const cmds = new Float64Array(tokens.length);
  let yMin = 0;
  let yMax = 0;
  let need = 0; // coordinates still due for the current command
  const malformed = () => new Error(`malformed glyph outline: ${d.slice(0, 40)}…`);
  for (let i = 0; i < tokens.length; i++) {
    const code = 'MLQCZ'.indexOf(tokens[i]!);
    if (code >= 0) {
      if (need) throw malformed();
      cmds[i] = code;
      need = ARITY[code]!;
      continue;
    }
    if (!need) throw malformed();
    const v = (cmds[i] = Number(tokens[i]));
    if (need-- % 2 === 1) {
      // y: the arities are even, so the coordinates still due are odd before each y
      yMin = Math.min(yMin, v);
      yMax = Math.max(yMax, v);
    }
  }
  if (need) throw malformed();
  o = { cmds, yMin, yMax };
  outlines.set(d, o);
  return o;
}

function drawPath(acc: Float32Array, span: Int32Array, w: number, h: number, cmds: Float64Array, ox: number, oy: number, scale: number): void {
  // Font units are y-up; the canvas is y-down with the baseline at oy.
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let i = 0;
  while (i < cmds.length) {
    const cmd = cmds[i++]!;
    if (cmd === M) {
      if (cx !== sx || cy !== sy) drawLine(acc, span, w, h, cx, cy, sx, sy);
      cx = sx = ox + cmds[i++]! * scale;
      cy = sy = oy - cmds[i++]! * scale;
    } else if (cmd === L) {
      const x = ox + cmds[i++]! * scale;
      const y = oy - cmds[i++]! * scale;
      drawLine(acc, span, w, h, cx, cy, x, y);
      cx = x;
      cy = y;
    } else if (cmd === Q) {
      const x1 = ox + cmds[i++]! * scale;
      const y1 = oy - cmds[i++]! * scale;
      const x2 = ox + cmds[i++]! * scale;
      const y2 = oy - cmds[i++]! * scale;
      const x0 = cx;
      const y0 = cy;
      const dev = Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2);
      const n = Math.max(1, Math.min(32, Math.ceil(Math.sqrt(dev * 2))));
      for (let k = 1; k <= n; k++) {
        const t = k / n;
        const u = 1 - t;
        const x = u * u * x0 + 2 * u * t * x1 + t * t * x2;
        const y = u * u * y0 + 2 * u * t * y1 + t * t * y2;
        drawLine(acc, span, w, h, cx, cy, x, y);
        cx = x;
        cy = y;
      }
    } else if (cmd === C) {
      const x1 = ox + cmds[i++]! * scale;
      const y1 = oy - cmds[i++]! * scale;
      const x2 = ox + cmds[i++]! * scale;
      const y2 = oy - cmds[i++]! * scale;
      const x3 = ox + cmds[i++]! * scale;
      const y3 = oy - cmds[i++]! * scale;
      const x0 = cx;
      const y0 = cy;
      const n = 16;
      for (let k = 1; k <= n; k++) {
        const t = k / n;
        const u = 1 - t;
        const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
        const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
        drawLine(acc, span, w, h, cx, cy, x, y);
        cx = x;
        cy = y;
      }
    } else if (cmd === Z) {
      drawLine(acc, span, w, h, cx, cy, sx, sy);
      cx = sx;
      cy = sy;
    }
  }
  if (cx !== sx || cy !== sy) drawLine(acc, span, w, h, cx, cy, sx, sy);
}

function drawLine(acc: Float32Array, span: Int32Array, w: number, h: number, ax: number, ay: number, bx: number, by: number): void {
  if (ay === by) return;
  let x0 = ax;
  let y0 = ay;
  let y1 = by;
  let x1 = bx;
  let dir = 1;
  if (ay > by) {
    x0 = bx;
    y0 = by;
    x1 = ax;
    y1 = ay;
    dir = -1;
  }
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  if (y0 < 0) {
    x -= y0 * dxdy;
    y0 = 0;
  }
  y1 = Math.min(y1, h);
  if (y0 >= y1) return;
  const xMax = w - 1;
  const yEnd = Math.ceil(y1);
  for (let y = Math.floor(y0); y < yEnd; y++) {
    const ls = y * w;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xnext = x + dxdy * dy;
    const d = dy * dir;
    const xa = Math.min(Math.max(Math.min(x, xnext), 0), xMax);
    const xb = Math.min(Math.max(Math.max(x, xnext), 0), xMax);
    const x0i = Math.floor(xa);
    const x1i = Math.ceil(xb);
    // This step writes columns x0i … max(x1i, x0i + 1) of row y.
    if (x0i < span[2 * y]!) span[2 * y] = x0i;
    if (x1i + 2 > span[2 * y + 1]!) span[2 * y + 1] = x1i + 2;
    if (x1i <= x0i + 1) {
      const xmf = 0.5 * (xa + xb) - x0i;
      acc[ls + x0i] = acc[ls + x0i]! + d - d * xmf;
      acc[ls + x0i + 1] = acc[ls + x0i + 1]! + d * xmf;
    } else {
      const s = 1 / (xb - xa);
      const x0f = xa - x0i;
      const a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
      const x1f = xb - x1i + 1;
      const am = 0.5 * s * x1f * x1f;
      acc[ls + x0i] = acc[ls + x0i]! + d * a0;
      if (x1i === x0i + 2) acc[ls + x0i + 1] = acc[ls + x0i + 1]! + d * (1 - a0 - am);
      else {
        const a1 = s * (1.5 - x0f);
        acc[ls + x0i + 1] = acc[ls + x0i + 1]! + d * (a1 - a0);
        for (let xi = x0i + 2; xi < x1i - 1; xi++) acc[ls + xi] = acc[ls + xi]! + d * s;
        const a2 = a1 + (x1i - x0i - 3) * s;
        acc[ls + x1i - 1] = acc[ls + x1i - 1]! + d * (1 - a2 - am);
      }
      acc[ls + x1i] = acc[ls + x1i]! + d * am;
    }
    x = xnext;
  }
}

// --- PNG ---------------------------------------------------------------------------------------

/** A PNG of 8-bit samples: colour type 2 (RGB) or 3 (indexed, with its palette). */
function encodePng(w: number, h: number, colorType: 2 | 3, raw: Uint8Array, palette?: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, w);
  dv.setUint32(4, h);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  return concat([
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    ...(palette ? [chunk('PLTE', palette)] : []),
    chunk('IDAT', deflateSync(raw, { level: 1, strategy: zlibConstants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** CRC-32 (ISO-HDLC, as PNG chunks use), by node:zlib. */
export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
