#!/usr/bin/env node
// Content gate (npm run check:content): reads every file of the content folder, validates it with
// the site's schemas, cross-checks it (anchors, verbatim quotes, ids, published permalinks) and
// lists EVERY problem at once, each with file:line, field, what is wrong and what is expected.
// The build runs the same code (src/content/check.ts) and prints the same list when it fails.
//
//   node scripts/check-content.mjs      (npm run check:content)
//   CONTENT_DIR=some/folder npm run check:content
//
// Exit 0 and "content OK: N procedures, N demands, …" when clean; exit 1 and the list otherwise.
import { checkContent, formatVerdict } from '../../src/content/check.ts';
import { isMain } from './lib/is-main.mjs';

function main(): number {
  const report = formatVerdict(checkContent());
  if (report.ok) console.log(report.text);
  else console.error(report.text);
  return report.ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
  process.exitCode = main();
}
