/// <reference types="node" />
// One verdict on the content: `npm run check:content` on every case of
// tests/fixtures/content-errors/cases.yaml (the real content plus a small patch) prints exactly
// the problems the case expects, with file, line and field; and the build reaches the same verdict
// by its own path (content collections, then getSite()): here through the same functions,
// in-process, for every case; tests/scripts/build-script.test.ts runs the real build on one case
// of each path.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVerdict, judge } from '../../src/content/check.ts';
import { fromCollections, toCollections } from '../../src/content/collections.ts';
import { loadContent } from '../../src/content/load.ts';
import { expectedProblems, hiddenCount, makeCase, readCases, reportedProblems } from './content-cases';
import { ROOT, runNode } from './gate-helpers';

const SCRIPT = path.join(ROOT, 'scripts/check-content.mjs');
const checkContent = (dir: string | undefined) => runNode([SCRIPT], { env: { CONTENT_DIR: dir, URL_MANIFEST: undefined }, timeoutMs: 60_000 });

/**
 * The build's verdict, reached the way the build reaches it: the collections' loaders stop on a
 * file that fails (content.config.ts); otherwise getSite() judges the content the collections hold
 * (get-site.ts), after Astro stored and gave it back (a structured clone stands in for that).
 */
function buildVerdict(dir: string): string {
  const read = loadContent(dir, ROOT);
  if (read.issues.length) return formatVerdict(judge(read, dir, ROOT)).text;
  const stored = structuredClone(toCollections(read.input, dir, ROOT));
  return formatVerdict(judge(fromCollections(stored, dir, ROOT), dir, ROOT)).text;
}

describe('check:content', () => {
  it('passes the real content, with a summary', async () => {
    const real = await checkContent(undefined);
    expect(real.stdout, real.output).toMatch(/^content OK: 4 procedures, 56 demands \(56 reviewed\), \d+ themes, \d+ addressees, \d+ people, \d+ provisions, \d+ threads, \d+ timeline events \(content\)$/m);
    expect(real.code).toBe(0);
  }, 60_000);

  // Each case runs the real script in its own process; a few at a time keep both cores busy.
  it.for(readCases())('$name', { concurrent: true, timeout: 60_000 }, async (c, { expect }) => {
    const { dir, remove } = makeCase(c);
    try {
      const result = await checkContent(dir);
      const report = c.ok ? result.stdout.trim() : result.stderr.trim();
      if (c.ok) {
        expect(result.stdout, result.output).toMatch(/^content OK: /);
        expect(result.code).toBe(0);
      } else {
        expect(result.stderr, result.output).toMatch(/^content check FAILED: /);
        expect(result.code).toBe(1);
        expect(reportedProblems(report)).toEqual(expectedProblems(c, dir));
        if (typeof c.hidden === 'number') expect(hiddenCount(report)).toBe(c.hidden);
        else expect(hiddenCount(report) > 0).toBe(c.hidden === true);
      }
      // The build's path gives the same report, word for word.
      expect(buildVerdict(dir)).toBe(report);
    } finally {
      remove();
    }
  });

  it('fails clearly on a content folder that does not exist', async () => {
    const result = await checkContent('tests/fixtures/content-errors/no-such-folder');
    expect(result.code).toBe(1);
    expect(reportedProblems(result.stderr)).toEqual(['  - tests/fixtures/content-errors/no-such-folder  (folder): the content folder does not exist (CONTENT_DIR, or content/)']);
  }, 60_000);
});
