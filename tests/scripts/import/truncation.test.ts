// Exports cut short (issue 14: `head -c 2000` of the 2016 procedure file used to import as a file
// ending mid-word). Each real source is cut at 2,000, 4,000, 8,000 and 12,000 bytes and, for every
// line, in its middle and at its end (so inside every section, and at every boundary between
// items). Every cut is refused with its line, or gives exactly the import of the whole export.
//
// One kind of cut cannot be told from a whole export: a procedure file cut exactly at the end of a
// sentence of its summary (nothing in the export says how long the summary is). For those, the
// importer's success line names the last words it read, for the user to compare with the page.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullTextDocument, parseFullText, renderFullText } from '../../../scripts/tools/lib/import/full-text.ts';
import { parseProcedureFile } from '../../../scripts/tools/lib/import/procedure-file.ts';
import { formatIssue } from '../../../scripts/tools/lib/import/text.ts';
import { MOTION_2016, PROCEDURE_2016, PROCEDURE_2021, sourcePath, TEXT_2013 } from './helpers.ts';

interface Outcome {
  problems: string[];
  /** What would be written. */
  output?: string;
  /** The last words read, as the success line prints them (procedure files). */
  lastWords?: string;
}

function importOf(name: string, text: string): Outcome {
  if (name === PROCEDURE_2016 || name === PROCEDURE_2021) {
    const r = parseProcedureFile(text, name);
    return r.issues.length
      ? { problems: r.issues.map(formatIssue) }
      : { problems: [], output: `${JSON.stringify(r.data)}\n${r.body}`, lastWords: r.read!.lastWords };
  }
  const r = parseFullText(text);
  if (r.issues.length) return { problems: r.issues.map(formatIssue) };
  return {
    problems: [],
    output: `${JSON.stringify(fullTextDocument(r.text!, 'resolution', name))}\n${renderFullText(r.text!)}`,
  };
}

/** Byte counts to cut at: fixed sizes, and the middle and the end of every line with text. */
function cutPoints(bytes: Buffer): number[] {
  const cuts = new Set([2000, 4000, 8000, 12000].filter((n) => n < bytes.length));
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (bytes.subarray(start, end).toString('utf8').trim()) {
      cuts.add(start + Math.floor((end - start) / 2));
      if (end < bytes.length) cuts.add(end);
    }
    start = end + 1;
  }
  return [...cuts].filter((n) => n > 0).sort((a, b) => a - b);
}

describe('every cut of a real export is refused or complete', () => {
  for (const name of [PROCEDURE_2016, PROCEDURE_2021, MOTION_2016, TEXT_2013]) {
    it(name, () => {
      const bytes = fs.readFileSync(sourcePath(name));
      const whole = importOf(name, bytes.toString('utf8'));
      expect(whole.problems).toEqual([]);
      const summaryStart = bytes.indexOf('\n# ');
      const atSentenceEnd: number[] = [];
      const cuts = cutPoints(bytes);
      for (const cut of cuts) {
        const text = bytes.subarray(0, cut).toString('utf8');
        const got = importOf(name, text);
        if (got.problems.length) {
          // Refused, saying where: a line number, in the prefix or in the message.
          expect(
            got.problems.some((p) => /\bline \d+/.test(p)),
            `cut at ${cut}: ${got.problems.join(' / ')}`,
          ).toBe(true);
          continue;
        }
        if (got.output === whole.output) continue;
        // Shorter but well-formed: only a procedure file's summary cut exactly at a sentence end.
        const procedureFile = whole.lastWords !== undefined;
        const endsSentence = /[.!?]$/.test(text.trimEnd());
        expect(
          procedureFile && summaryStart >= 0 && cut > summaryStart && endsSentence,
          `cut at ${cut} ('${text.slice(-30)}') imported a shortened text`,
        ).toBe(true);
        expect(text.trimEnd().endsWith(got.lastWords!.replace(/^…/, ''))).toBe(true);
        atSentenceEnd.push(cut);
      }
      expect(cuts.length).toBeGreaterThan(40);
      if (whole.lastWords === undefined) expect(atSentenceEnd).toEqual([]);
    });
  }
});
