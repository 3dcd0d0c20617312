/// <reference types="node" />
// HTML gate: html-validate (recommended + document presets, from .htmlvalidate.json) on every page
// of the built site: 0 errors. And on a broken page, which must fail.
// Builds nothing: `npm run build` first (npm test does).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { BUILDS, requireBuild, ROOT } from './gate-helpers';

const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Every error html-validate reports, as "file:line:col  rule  message  (selector)". */
async function validate(files: string[]): Promise<{ errors: string[]; rules: Set<string> }> {
  const errors: string[] = [];
  const rules = new Set<string>();
  for (const file of files) {
    const report = await htmlvalidate.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages as Message[]) {
        if (m.severity < 2) continue;
        rules.add(m.ruleId);
        errors.push(`${path.relative(ROOT, file)}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}${m.selector ? `  (${m.selector})` : ''}`);
      }
    }
  }
  return { errors, rules };
}

/** Errors grouped by rule: a count, then the first few occurrences of each. */
function summarize(errors: string[], perRule = 5): string {
  const byRule = new Map<string, string[]>();
  for (const e of errors) {
    const rule = e.split('  ')[1] ?? '?';
    byRule.set(rule, [...(byRule.get(rule) ?? []), e]);
  }
  const parts = [...byRule].map(([rule, list]) => `${rule}: ${list.length}\n    ${list.slice(0, perRule).join('\n    ')}${list.length > perRule ? '\n    …' : ''}`);
  return `${errors.length} html-validate errors:\n  ${parts.join('\n  ')}\n`;
}

describe.each(BUILDS)('html-validate: $dir', ({ dir, build }) => {
  it('every page validates with 0 errors', async () => {
    const abs = requireBuild(dir, build);
    const files = htmlFiles(abs);
    expect(files.length).toBeGreaterThan(0);
    const { errors } = await validate(files);
    expect(errors.length, summarize(errors)).toBe(0);
  }, 180_000);
});

describe('html-validate on a broken page', () => {
  it('reports the planted errors', async () => {
    const { errors, rules } = await validate([path.join(ROOT, 'tests/fixtures/broken-site/invalid/index.html')]);
    expect(errors.length).toBeGreaterThan(0);
    // duplicate id, <div> inside <p> (closes it: stray </p>), <section> never closed, <html> without lang
    for (const rule of ['no-dup-id', 'no-implicit-close', 'close-order', 'element-required-attributes']) {
      expect(rules, `expected ${rule} among:\n${errors.join('\n')}`).toContain(rule);
    }
  });

  it('uses the project configuration (recommended + document presets)', async () => {
    const config = await htmlvalidate.getConfigFor(path.join(ROOT, 'dist/any-page.html'));
    const rules = config.getRules();
    // One rule of each preset: "recommended" and "document".
    expect(rules.get('no-dup-id')?.[0]).toBe(2);
    expect(rules.get('missing-doctype')?.[0]).toBe(2);
  });
});
