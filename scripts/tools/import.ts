/**
 * Imports a procedure file exported as text from the EP Legislative Observatory into
 * `content/procedures/<year>-<number>.md`.
 *
 *   npm run import -- <file> [--out content/procedures] [--force]
 *
 * Writes nothing unless the whole file was read and the result passes the procedure schema and
 * the body parser; lists every problem with its line and section otherwise (exit 1). Never
 * replaces an existing file without --force. The parsing lives in scripts/lib/oeil-parse.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  formatIssue,
  outputFileName,
  parseProcedureFile,
  renderProcedureFile,
  type ImportIssue,
} from './lib/oeil-parse.ts';

const USAGE = 'usage: npm run import -- <file> [--out content/procedures] [--force]';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`import: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(`import: expected one procedure file, got ${args.positionals.length}\n${USAGE}`);
    return 2;
  }
  // `npm run` starts in the package root; paths typed by the user are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const input = path.resolve(base, args.positionals[0]!);
  const outDir = args.values.out !== undefined ? path.resolve(base, args.values.out) : path.join(repoRoot, 'content', 'procedures');
  const force = args.values.force;
  const shown = (p: string) => {
    const rel = path.relative(base, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };

  let text: string;
  try {
    text = fs.readFileSync(input, 'utf8');
  } catch (e) {
    console.error(`import: cannot read ${shown(input)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; nothing written`);
    return 1;
  }

  const source = path.basename(input);
  const result = parseProcedureFile(text, source);
  const issues: ImportIssue[] = [...result.issues];
  const warnings: ImportIssue[] = [...result.warnings];
  let target: string | undefined;
  let output: string | undefined;
  let replacing = false;
  if (result.data) {
    const rendered = renderProcedureFile(result.data, result.body);
    issues.push(...rendered.issues);
    output = rendered.text;
    target = path.join(outDir, outputFileName(result.data.reference));
    if (fs.existsSync(target)) {
      if (!force) {
        issues.push({
          section: 'Output',
          message: `${shown(target)} already exists and is not overwritten; pass --force to replace it (the whole file is rewritten)`,
        });
      } else {
        replacing = true;
        warnings.push(...lostDocuments(target, result.data.documents.map((d) => d.id)));
      }
    }
  }

  for (const w of warnings) console.error(`warning: ${formatIssue(w)}`);
  if (issues.length || !target || output === undefined) {
    const n = issues.length;
    console.error(`import: cannot import ${shown(input)} (${n} problem${n === 1 ? '' : 's'}); nothing written:`);
    for (const i of issues) console.error(`  ${formatIssue(i)}`);
    return 1;
  }

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(target, output, { flag: force ? 'w' : 'wx' });
  console.log(`import: wrote ${shown(target)} from ${source}${replacing ? ' (--force: replaced the existing file)' : ''}`);
  return 0;
}

/** With --force: documents of the existing file that the import does not produce are lost; say so. */
function lostDocuments(file: string, ids: string[]): ImportIssue[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'));
  let docs: unknown;
  try {
    docs = m ? (parseYaml(m[1]!) as { documents?: unknown })?.documents : undefined;
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  return docs
    .filter((d): d is { id: string; source?: string } => typeof d?.id === 'string' && !ids.includes(d.id))
    .map((d) => ({
      section: 'Output',
      message: `--force replaces ${path.basename(file)}, whose document "${d.id}"${d.source ? ` (${d.source})` : ''} this import does not produce: it is gone from the file`,
    }));
}

process.exitCode = main(process.argv.slice(2));
