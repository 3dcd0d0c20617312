/**
 * Orders dates of mixed precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). A less precise date sorts
 * before the more precise dates it contains ("2011-12" before "2011-12-05"), and after everything
 * earlier: so a month-only date comes before the days of that month and after the previous month.
 */
export function compareDates(a: string, b: string): number {
  const pa = a.split('-').map(Number);
  const pb = b.split('-').map(Number);
  for (let i = 0; i < 3; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined && y === undefined) return 0;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes a date only as precisely as it is known: "2011", "December 2011", "21 December 2012". */
export function formatDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** The precision of a date string. */
export function precisionOf(d: string): 'year' | 'month' | 'day' {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}
