// RFC 4180 CSV: CRLF between records (and after the last), fields quoted with " only when they
// contain a comma, a double quote, CR or LF, a double quote inside a quoted field doubled.
//
// Spreadsheet-safe: a spreadsheet program opening the file runs any cell that begins with a
// formula character as a formula (`=HYPERLINK(…)` becomes a live link; "CSV injection"). As OWASP
// recommends, such a cell gets a single quote in front, which spreadsheets take as "this is text",
// and is always quoted. Only the CSV is changed: demands.json keeps every text exactly.

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
 * equals, plus, minus, at, tab, carriage return. The Data page lists them from here.
 */
export const FORMULA_STARTS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** Whether a spreadsheet would read this cell as a formula. */
export const startsLikeFormula = (value: string): boolean => FORMULA_STARTS.some((c) => value.startsWith(c));

/** One CSV field: neutralised when it starts like a formula, quoted when it needs to be. */
export function csvField(value: string): string {
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  if (startsLikeFormula(value)) return quoted(`'${value}`);
  return NEEDS_QUOTES.test(value) ? quoted(value) : value;
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
