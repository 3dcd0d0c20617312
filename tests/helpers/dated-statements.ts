// tests/fixtures/dated-statements.json: the hand-checked list of every dated statement in the
// sources (seed, procedure, anchor, phrase, the date the passage itself gives, and the event it
// dates, or null with why). Read by the timeline's cross-check and the stated-date tests.
import { readFileSync } from 'node:fs';

export interface Statement {
  seed: string;
  procedure: string;
  anchor: string;
  phrase: string;
  date: string | null;
  endDate?: string;
  event: string | null;
  why?: string;
  note?: string;
}

export const statements: Statement[] = JSON.parse(readFileSync(new URL('../fixtures/dated-statements.json', import.meta.url), 'utf8'));
