// A tiny, dependency-free 2-D renderer for the link-preview images: filled rectangles and text
// (glyph outlines from glyphs.ts) with exact-area anti-aliasing, encoded as PNG with node:zlib.
// Integer-free of randomness and clocks: the same input gives the same bytes.
import { deflateSync } from 'node:zlib';
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

export class Canvas {
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
  constructor(width: number, height: number, background: Rgb) {
    this.width = width;
    this.height = height;
    this.rgb = new Uint8Array(width * height * 3);
    fillPattern(this.rgb, 0, this.rgb.length, background);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + w);
    if (x1 <= x0) return;
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      fillPattern(this.rgb, (yy * this.width + x0) * 3, (yy * this.width + x1) * 3, color);
    }
  }

  /** Draws one line of text with its baseline at `y`; returns the x after the last glyph. */
  text(str: string, x: number, y: number, face: FaceName, size: number, color: Rgb): number {
    const scale = size / UNITS_PER_EM;
    const glyphs = FACES[face].glyphs;
    // Accumulate only the rows the line's glyphs can touch (their outlines' vertical extent, plus a
    // pixel each side): the rest of the canvas stays untouched, as it would with a full-size buffer.
    let yMax = -Infinity;
    let yMin = Infinity;
    for (const ch of str) {
      const [lo, hi] = extentOf((glyphs[ch] ?? glyphs['?']!)[1]);
      yMin = Math.min(yMin, lo);
      yMax = Math.max(yMax, hi);
    }
    const top = Math.max(0, Math.floor(y - yMax * scale) - 1);
    const bottom = Math.min(this.height, Math.ceil(y - yMin * scale) + 2);
    let pen = x;
    if (bottom <= top) {
      for (const ch of str) pen += (glyphs[ch] ?? glyphs['?']!)[0] * scale;
      return pen;
    }
    const rows = bottom - top;
    const acc = new Float32Array(this.width * rows + 2);
    for (const ch of str) {
      const [advance, d] = glyphs[ch] ?? glyphs['?']!;
      drawPath(acc, this.width, rows, d, pen, y - top, scale);
      pen += advance * scale;
    }
    this.composite(acc, color, top, rows);
    return pen;
  }

  private composite(acc: Float32Array, color: Rgb, top: number, rows: number): void {
    let sum = 0;
    const n = this.width * rows;
    const offset = top * this.width;
    for (let i = 0; i < n; i++) {
      sum += acc[i]!;
      const a = Math.min(1, Math.abs(sum));
      if (a < 1 / 512) continue;
      const o = (offset + i) * 3;
      for (let c = 0; c < 3; c++) this.rgb[o + c] = Math.round(this.rgb[o + c]! * (1 - a) + color[c]! * a);
    }
  }

  /**
   * The image as PNG (8-bit RGB, no row filter, zlib level 1). For these flat-coloured cards,
   * unfiltered rows at level 1 give a smaller file than "Sub" at level 9 (≈ 91 KB vs 93 KB) in a
   * twentieth of the time.
   */
  png(): Uint8Array {
    const { width: w, height: h, rgb } = this;
    const stride = w * 3;
    const raw = new Uint8Array((stride + 1) * h); // each row: filter byte 0 ("None"), then the pixels
    for (let y = 0; y < h; y++) raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    const ihdr = new Uint8Array(13);
    const dv = new DataView(ihdr.buffer);
    dv.setUint32(0, w);
    dv.setUint32(4, h);
    ihdr.set([8, 2, 0, 0, 0], 8);
    return concat([
      new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', ihdr),
      chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 1 }))),
      chunk('IEND', new Uint8Array(0)),
    ]);
  }
}

/** Fills bytes [start, end) with a repeated 3-byte colour by doubling copies (no per-pixel calls). */
function fillPattern(buf: Uint8Array, start: number, end: number, color: Rgb): void {
  if (end - start < 3) return;
  buf.set(color, start);
  for (let filled = 3; filled < end - start; filled *= 2) buf.copyWithin(start + filled, start, start + Math.min(filled, end - start - filled));
}

const extents = new Map<string, [number, number]>();
/** Lowest and highest y (font units) of a glyph outline's points, control points included. */
function extentOf(d: string): [number, number] {
  let e = extents.get(d);
  if (!e) {
    let lo = 0;
    let hi = 0;
    let k = 0;
    for (const t of d.match(/[MLQCZ]|-?\d+(?:\.\d+)?/g) ?? []) {
      if (/[MLQCZ]/.test(t)) k = 0;
      else if (k++ % 2 === 1) {
        lo = Math.min(lo, Number(t));
        hi = Math.max(hi, Number(t));
      }
    }
    e = [lo, hi];
    extents.set(d, e);
  }
  return e;
}

// --- outlines → coverage (the signed-area accumulation method of font-rs) ----------------------

function drawPath(acc: Float32Array, w: number, h: number, d: string, ox: number, oy: number, scale: number): void {
  const tokens = d.match(/[MLQCZ]|-?\d+(?:\.\d+)?/g) ?? [];
  let i = 0;
  const num = () => Number(tokens[i++]);
  // Font units are y-up; the canvas is y-down with the baseline at oy.
  const px = (x: number) => ox + x * scale;
  const py = (y: number) => oy - y * scale;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const line = (x: number, y: number) => {
    drawLine(acc, w, h, cx, cy, x, y);
    cx = x;
    cy = y;
  };
  while (i < tokens.length) {
    const cmd = tokens[i++];
    if (cmd === 'M') {
      if (cx !== sx || cy !== sy) line(sx, sy);
      cx = sx = px(num());
      cy = sy = py(num());
    } else if (cmd === 'L') line(px(num()), py(num()));
    else if (cmd === 'Q') {
      const [x1, y1, x2, y2] = [px(num()), py(num()), px(num()), py(num())];
      const [x0, y0] = [cx, cy];
      const dev = Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2);
      const n = Math.max(1, Math.min(32, Math.ceil(Math.sqrt(dev * 2))));
      for (let k = 1; k <= n; k++) {
        const t = k / n;
        const u = 1 - t;
        line(u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2);
      }
    } else if (cmd === 'C') {
      const [x1, y1, x2, y2, x3, y3] = [px(num()), py(num()), px(num()), py(num()), px(num()), py(num())];
      const [x0, y0] = [cx, cy];
      const n = 16;
      for (let k = 1; k <= n; k++) {
        const t = k / n;
        const u = 1 - t;
        line(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
      }
    } else if (cmd === 'Z') {
      line(sx, sy);
    }
  }
  if (cx !== sx || cy !== sy) line(sx, sy);
}

function drawLine(acc: Float32Array, w: number, h: number, ax: number, ay: number, bx: number, by: number): void {
  if (ay === by) return;
  let [x0, y0, x1, y1, dir] = ay < by ? [ax, ay, bx, by, 1] : [bx, by, ax, ay, -1];
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  if (y0 < 0) {
    x -= y0 * dxdy;
    y0 = 0;
  }
  y1 = Math.min(y1, h);
  if (y0 >= y1) return;
  const clampX = (v: number) => Math.min(Math.max(v, 0), w - 1);
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    const ls = y * w;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xnext = x + dxdy * dy;
    const d = dy * dir;
    const xa = clampX(Math.min(x, xnext));
    const xb = clampX(Math.max(x, xnext));
    const x0floor = Math.floor(xa);
    const x0i = x0floor;
    const x1ceil = Math.ceil(xb);
    const x1i = x1ceil;
    if (x1i <= x0i + 1) {
      const xmf = 0.5 * (xa + xb) - x0floor;
      acc[ls + x0i] = acc[ls + x0i]! + d - d * xmf;
      acc[ls + x0i + 1] = acc[ls + x0i + 1]! + d * xmf;
    } else {
      const s = 1 / (xb - xa);
      const x0f = xa - x0floor;
      const a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
      const x1f = xb - x1ceil + 1;
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

// --- PNG chunks --------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
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
