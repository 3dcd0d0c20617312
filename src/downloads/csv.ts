// RFC 4180 CSV: CRLF between records (and after the last), fields quoted with " only when they
// contain a comma, a double quote, CR or LF, a double quote inside a quoted field doubled.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of cells → CSV text. Every row must have the same number of cells. */
export function toCsv(rows: string[][]): string {
  const width = rows[0]?.length ?? 0;
  return rows
    .map((row, i) => {
      if (row.length !== width) throw new Error(`CSV row ${i} has ${row.length} cells, expected ${width}`);
      return `${row.map(csvField).join(',')}\r\n`;
    })
    .join('');
}

/**
 * Strict RFC 4180 parser: CRLF (or a lone LF, tolerated) ends a record, a quoted field may hold
 * anything, a quote inside an unquoted field or text after a closing quote is an error, and
 * every record must have as many fields as the first.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const fail = (msg: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`CSV: ${msg} (line ${line})`);
  };
  if (n === 0) return rows;
  for (;;) {
    // One field.
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) fail('unterminated quoted field');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          value += c;
          i++;
        }
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') fail('text after a closing quote');
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        value += text[i];
        i++;
      }
    }
    row.push(value);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text[i]!;
    if (c === ',') {
      i++;
      continue;
    }
    if (c === '\r') {
      if (text[i + 1] !== '\n') fail('CR not followed by LF');
      i += 2;
    } else i++; // '\n'
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  const width = rows[0]!.length;
  rows.forEach((r, k) => {
    if (r.length !== width) throw new Error(`CSV: record ${k + 1} has ${r.length} fields, expected ${width}`);
  });
  return rows;
}
