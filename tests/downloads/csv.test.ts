import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from '../../src/downloads/csv.ts';

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

  it('round-trips awkward values', () => {
    const rows = [
      ['id', 'text', 'empty'],
      ['1', 'commas, "quotes" and\r\nCRLF', ''],
      ['2', '“curly” – dash ’ ¶ Қазақстан', ''],
      ['3', '"', ','],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('refuses rows of different widths when writing', () => {
    expect(() => toCsv([['a', 'b'], ['1']])).toThrow(/row 1/);
  });

  it('parses strictly', () => {
    expect(() => parseCsv('a,b\r\n"x,y\r\n')).toThrow(/unterminated/);
    expect(() => parseCsv('a,b\r\nx"y,z\r\n')).toThrow(/quote inside/);
    expect(() => parseCsv('a,b\r\n"x"y,z\r\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a,b\r\nx\r\n')).toThrow(/record 2/);
    expect(() => parseCsv('a,b\rc,d')).toThrow(/CR not followed/);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });
});
