// Draws one link-preview card (1200×630 PNG): the site's colours, the title wrapped in bold, a
// kicker line above it and a meta line below. Only the raster and the glyphs: no site model, so a
// worker thread can load it on its own (see pool.ts).
import { SITE_NAME } from '../../site/name.ts';
import { PREVIEW_SIZE } from './size.ts';
import { Canvas, hex, measure, wrap } from './raster.ts';

const C = {
  bg: hex('#fdfcf9'),
  fg: hex('#1b1f24'),
  muted: hex('#555d66'),
  line: hex('#d8d4cb'),
  link: hex('#0b4f8a'),
  accent: hex('#8a3b12'),
};
const LEFT = 88;
const MAX_WIDTH = PREVIEW_SIZE.width - LEFT - 72;

/** What a card says. */
export interface Card {
  kicker: string;
  title: string;
  meta: string;
}

export function renderCard({ kicker, title, meta }: Card): Uint8Array {
  const { width, height } = PREVIEW_SIZE;
  const c = new Canvas(width, height, C.bg);
  c.fillRect(0, 0, 20, height, C.accent);
  c.text(kicker, LEFT, 112, 'regular', 32, C.muted);
  // The largest title size that fits in four lines.
  let size = 66;
  let lines = wrap(title, 'bold', size, MAX_WIDTH, 4);
  while (size > 44 && (lines.length > 3 || lines.some((l) => l.endsWith('…')))) {
    size -= 4;
    lines = wrap(title, 'bold', size, MAX_WIDTH, 4);
  }
  const lh = Math.round(size * 1.22);
  lines.forEach((l, i) => c.text(l, LEFT, 112 + 36 + lh * (i + 1) - Math.round(lh * 0.2), 'bold', size, C.fg));
  const metaLines = wrap(meta, 'regular', 32, MAX_WIDTH, 2);
  metaLines.forEach((l, i) => c.text(l, LEFT, 520 - (metaLines.length - 1 - i) * 42, 'regular', 32, C.fg));
  c.fillRect(LEFT, 552, width - LEFT - 72, 2, C.line);
  c.text(SITE_NAME, LEFT, 600, 'bold', 30, C.link);
  const tag = 'Verbatim · citable · open data';
  c.text(tag, width - 72 - measure(tag, 'regular', 26), 600, 'regular', 26, C.muted);
  return c.png();
}
