import { describe, expect, it } from 'vitest';
import { highlightSegments, snippetSegments } from '../../src/search/highlight.ts';

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('highlightSegments', () => {
  it('splits text into marked and unmarked segments', () => {
    expect(highlightSegments('release Kozlov now', [[8, 13]])).toEqual([
      { text: 'release ', mark: false },
      { text: 'Kozlov', mark: true },
      { text: ' now', mark: false },
    ]);
  });

  it('keeps hostile strings as plain text segments', () => {
    const text = 'stop <img src=x onerror=alert(1)> and <script>alert("x")</script> &amp; now';
    const start = text.indexOf('onerror');
    const segs = highlightSegments(text, [[start, start + 6], [text.indexOf('<script>'), text.indexOf('<script>') + 7]]);
    expect(join(segs)).toBe(text);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['onerror', '<script>']);
    for (const s of segs) {
      expect(Object.keys(s).sort()).toEqual(['mark', 'text']);
      expect(typeof s.text).toBe('string');
      expect(text.includes(s.text)).toBe(true);
    }
    // no range: one text segment, verbatim
    expect(highlightSegments('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });

  it('merges overlapping, adjacent and unsorted ranges; clips out-of-bounds ones', () => {
    const segs = highlightSegments('abcdefghij', [[6, 7], [0, 1], [1, 2], [3, 3], [8, 100], [-4, -1], [20, 30]]);
    expect(segs).toEqual([
      { text: 'abcd', mark: true },
      { text: 'ef', mark: false },
      { text: 'ghij', mark: true },
    ]);
  });

  it('never splits a surrogate pair', () => {
    const text = 'x😀y';
    const segs = highlightSegments(text, [[1, 1]]);
    expect(segs).toEqual([
      { text: 'x', mark: false },
      { text: '😀', mark: true },
      { text: 'y', mark: false },
    ]);
  });

  it('handles empty text and junk ranges', () => {
    expect(highlightSegments('', [[0, 3]])).toEqual([]);
    expect(highlightSegments('abc', [[NaN, 2] as [number, number], [2, 0]])).toEqual([
      { text: 'abc', mark: true },
    ]);
  });
});

describe('snippetSegments', () => {
  it('cuts long texts around the first mark and keeps the mark', () => {
    const text = 'word '.repeat(100) + 'Kozlov ' + 'tail '.repeat(100);
    const at = text.indexOf('Kozlov');
    const segs = snippetSegments(text, [[at, at + 5]], 120);
    expect(segs[0]).toEqual({ text: '…', mark: false });
    expect(segs[segs.length - 1]).toEqual({ text: '…', mark: false });
    expect(segs.find((s) => s.mark)?.text).toBe('Kozlov');
    expect(join(segs).length).toBeLessThan(200);
  });
  it('returns the whole text when short', () => {
    expect(join(snippetSegments('short <b>', [[0, 4]]))).toBe('short <b>');
  });
});

describe('snippetSegments with astral characters', () => {
  it('never cuts a surrogate pair', () => {
    const text = '😀'.repeat(400) + 'Kozlov' + '😀'.repeat(400);
    const at = text.indexOf('Kozlov');
    const segs = snippetSegments(text, [[at, at + 5]], 100);
    for (const s of segs) {
      const first = s.text.charCodeAt(0);
      const last = s.text.charCodeAt(s.text.length - 1);
      expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
    expect(segs.find((s) => s.mark)?.text).toBe('Kozlov');
  });
});
