/// <reference types="node" />
// A follow-up record whose quote is not verbatim fails `npm run check:content`, naming the file,
// the line and the field, like any other quote (content/follow-up.yaml, checked in follow-up.ts).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runNode, tempDir } from './gate-helpers';

describe('check-content on content/follow-up.yaml', () => {
  const dir = tempDir('follow-up-check');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a quote that is not in its item at its line, with what is expected', async () => {
    const content = path.join(dir, 'content');
    cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    const file = path.join(content, 'follow-up.yaml');
    const yaml = readFileSync(file, 'utf8');
    const wrong = 'quote: "Welcomes the release of all imprisoned human rights and labour activists"';
    writeFileSync(file, yaml.replace('quote: "Welcomes the release of a number of imprisoned human rights and labour activists"', wrong));
    const line = yaml.split('\n').findIndex((l) => l.includes('Welcomes the release of a number')) + 1;
    const result = await runNode([path.join(ROOT, 'scripts/check-content.mjs')], { env: { CONTENT_DIR: content }, timeoutMs: 60_000 });
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(new RegExp(`follow-up\\.yaml:${line}  \\[0\\]\\.quote: not verbatim: not an exact substring of motion-para-3 of 2016/2607\\(RSP\\)`));
    expect(result.output).toMatch(/expected: an exact substring of the item text, as printed in the source/);
  }, 60_000);
});
