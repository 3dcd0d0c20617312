/// <reference types="node" />
// The broken-content cases of tests/fixtures/content-errors/cases.yaml: each is the real content/
// plus a small patch, made in a temporary folder, with the problems every content verdict must
// print for it (npm run check:content and npm run build alike).
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './gate-helpers';

type Patch = { file: string; find: string; replace: string } | { file: string; write: string } | { file: string; size: number };

export interface ContentCase {
  name: string;
  about: string;
  patch: Patch[];
  problems?: string[];
  hidden?: number | true;
  ok?: boolean;
}

export const CASES_FILE = path.join(ROOT, 'tests/fixtures/content-errors/cases.yaml');

export function readCases(): ContentCase[] {
  return parse(readFileSync(CASES_FILE, 'utf8')) as ContentCase[];
}

/** A temporary copy of content/ (without the source exports) with the case's patch applied. */
export function makeCase(c: ContentCase): { dir: string; remove: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), `kz-content-${c.name}-`));
  const dir = path.join(parent, 'content');
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true, filter: (src) => !src.startsWith(path.join(ROOT, 'content', 'sources')) });
  for (const p of c.patch) {
    const file = path.join(dir, p.file);
    if ('write' in p) writeFileSync(file, p.write);
    else if ('size' in p) appendFileSync(file, ' '.repeat(Math.max(0, p.size - statSync(file).size)));
    else {
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf(p.find);
      if (at < 0 || text.indexOf(p.find, at + 1) >= 0) {
        throw new Error(`${c.name}: the patch of ${p.file} no longer applies: ${JSON.stringify(p.find.slice(0, 60))} must occur exactly once (update ${path.relative(ROOT, CASES_FILE)})`);
      }
      writeFileSync(file, text.slice(0, at) + p.replace + text.slice(at + p.find.length));
    }
  }
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/**
 * The problems a case expects, as printed ("  - …" and the lines under it): `{content}` becomes the
 * content folder as the report names it, and `<file>:{text}` (`{text#2}`) the line of <file>
 * holding `text` (its second occurrence).
 */
export function expectedProblems(c: ContentCase, dir: string): string[] {
  const shown = path.relative(ROOT, dir);
  return (c.problems ?? []).map((problem) => {
    const text = problem.replaceAll('{content}', shown);
    const resolved = text.replace(/^(\S+?):\{([\s\S]+?)(?:#(\d+))?\}(?= {2})/, (_all, file: string, needle: string, nth?: string) => {
      const body = readFileSync(path.resolve(ROOT, file), 'utf8');
      let at = -1;
      for (let k = 0; k < Number(nth ?? 1); k++) {
        at = body.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`${c.name}: "${needle}" (${nth ?? 1}) is not in ${file}`);
      }
      return `${file}:${body.slice(0, at).split('\n').length}`;
    });
    return `  - ${resolved}`;
  });
}

/** The problems of a report: each "  - " line with the indented lines under it. */
export function reportedProblems(report: string): string[] {
  const out: string[] = [];
  for (const line of report.split('\n')) {
    if (line.startsWith('  - ')) out.push(line);
    else if (line.startsWith('      ') && out.length) out[out.length - 1] += `\n${line}`;
  }
  return out;
}

/** The "N more cross-reference problems not shown" count of a report, or 0. */
export const hiddenCount = (report: string) => Number(/\((\d+) more cross-reference problems? not shown/.exec(report)?.[1] ?? 0);
