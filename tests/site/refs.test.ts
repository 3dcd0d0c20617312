// References in running text are found whole, so a page can keep each on one line, and the text is
// never changed on the way.
import { describe, expect, it } from 'vitest';
import { splitRefs } from '../../src/site/refs.ts';

describe('splitRefs', () => {
  it('finds session documents and procedure references whole, and leaves the words around them as they are', () => {
    const text = 'Motion for a resolution: RC-B8-0337/2016, then T9-0056/2021 (procedure 2021/2544(RSP)); P7_TA(2012)0089 is not one.';
    const pieces = splitRefs(text);
    expect(pieces.filter((p) => p.ref).map((p) => p.text)).toEqual(['RC-B8-0337/2016', 'T9-0056/2021', '2021/2544(RSP)']);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('gives text without a reference back as one piece', () => {
    expect(splitRefs('Elections in Kazakhstan')).toEqual([{ text: 'Elections in Kazakhstan', ref: false }]);
  });
});
