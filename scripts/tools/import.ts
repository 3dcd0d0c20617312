/**
 * Imports an export into `content/procedures/<year>-<number>.md` (npm run import):
 *
 *   npm run import -- <file> [--kind resolution|motion] [--out <folder>] [--force]
 *
 * - a Legislative Observatory procedure file (the layouts of content/sources/000_… and 004_…)
 *   becomes a new procedure file: frontmatter and summary;
 * - a resolution or motion text (the layouts of 003_… and 001_…) becomes a document section,
 *   in a new procedure file or added to the existing one. The export does not say whether it is the
 *   text adopted or a motion, so `--kind` is required for it.
 *
 * Writes nothing unless the whole export was read and the result passes the schema and the body
 * parser; lists every problem with its line and section otherwise (exit 1). Never replaces a file
 * or a section without --force, never writes through a symbolic link, and writes into the default
 * folder (content/procedures, or $CONTENT_DIR/procedures) only when it lies inside the content
 * folder once links are resolved; a file-system problem is one line, never a stack trace.
 * Exit codes: 0 written, 1 refused, 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir } from '../../src/content/load.ts';
import {
  addToContentFile,
  checkContentFile,
  documentsIn,
  newContentFile,
  type ExpectedItem,
} from './lib/import/content-file.ts';
import {
  describeFullText,
  FULL_TEXT_KINDS,
  fullTextDocument,
  looksLikeFullText,
  parseFullText,
  renderFullText,
  type FullTextKind,
} from './lib/import/full-text.ts';
import { parseProcedureFile } from './lib/import/procedure-file.ts';
import { formatIssue, outputFileName, type ImportIssue } from './lib/import/text.ts';

const USAGE = 'usage: npm run import -- <file> [--kind resolution|motion] [--out <folder>] [--force]';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Far above any export (the five sources are 4–13 KB); a larger file is not an export. */
const MAX_INPUT_BYTES = 1_000_000;

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it already exists',
  ELOOP: 'too many symbolic links',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
};

/** "permission denied (EACCES)". */
function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${ERRNO[code] ?? (e as Error).message} (${code})` : (e as Error).message;
}

class Refused extends Error {}

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
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
    console.error(`import: expected one file to import, got ${args.positionals.length}\n${USAGE}`);
    return 2;
  }
  const kind = args.values.kind;
  if (kind !== undefined && !(FULL_TEXT_KINDS as readonly string[]).includes(kind)) {
    console.error(`import: --kind must be ${FULL_TEXT_KINDS.join(' or ')}, not '${kind}'\n${USAGE}`);
    return 2;
  }
  // `npm run` starts in the package root; paths typed by the user are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const input = path.resolve(base, args.positionals[0]!);
  const defaultOut = args.values.out === undefined;
  const outDir = defaultOut ? path.join(contentDir(repoRoot), 'procedures') : path.resolve(base, args.values.out!);
  const force = args.values.force;
  const shown = (p: string) => {
    const rel = path.relative(base, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  };
  const refuse = (message: string): never => {
    throw new Refused(message);
  };

  try {
    const text = readInput(input, shown(input), refuse);
    const source = path.basename(input);
    const fullText = looksLikeFullText(text);
    if (fullText && kind === undefined) {
      console.error(
        `import: ${shown(input)} is a resolution or motion text, and the export does not say whether it is the text adopted or a motion: pass --kind resolution or --kind motion (README, "Adding a procedure"); nothing written\n${USAGE}`,
      );
      return 2;
    }
    if (!fullText && kind !== undefined) {
      console.error(
        `import: --kind is for resolution and motion texts; ${shown(input)} reads as a Legislative Observatory procedure file, which says what it is; nothing written\n${USAGE}`,
      );
      return 2;
    }
    checkOutFolder(outDir, defaultOut, shown, refuse);

    const issues: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    let plan: { target: string; text: string; done: string } | undefined;

    if (!fullText) {
      const result = parseProcedureFile(text, source);
      issues.push(...result.issues);
      warnings.push(...result.warnings);
      if (result.data) {
        const target = path.join(outDir, outputFileName(result.data.reference));
        const file = newContentFile(result.data, [result.body]);
        issues.push(...checkContentFile(file, path.basename(target), result.data, 0, undefined));
        const exists = existingTarget(target, shown, refuse);
        if (exists && !force) {
          issues.push({
            section: 'Output',
            message: `${shown(target)} already exists and is not overwritten; pass --force to replace it (the whole file is rewritten)`,
          });
        } else if (exists) {
          const kept = new Set(result.data.documents.map((d) => d.id));
          for (const d of documentsIn(readExisting(target, shown, refuse)).filter((x) => !kept.has(x.id))) {
            warnings.push({
              section: 'Output',
              message: `--force replaces ${path.basename(target)}, whose document "${d.id}" (${d.source}) this import does not produce: it is gone from the file; import it again to add it back`,
            });
          }
        }
        const read = result.read!;
        const summary = `summary of ${read.paragraphs} paragraph${read.paragraphs === 1 ? '' : 's'} and ${read.bullets} bullet${read.bullets === 1 ? '' : 's'}, ending '${read.lastWords}': compare with the end of the page exported`;
        plan = {
          target,
          text: file,
          done: `wrote ${shown(target)} from ${source}${exists ? ' (--force: replaced the existing file)' : ''}; ${summary}`,
        };
      }
    } else {
      const result = parseFullText(text);
      issues.push(...result.issues);
      warnings.push(...result.warnings);
      if (result.text) {
        const entry = fullTextDocument(result.text, kind as FullTextKind, source);
        const section = renderFullText(result.text);
        const target = path.join(outDir, outputFileName(result.text.reference));
        const expected: ExpectedItem[] = result.text.items.map((i) => ({
          anchor: `${entry.anchorPrefix ?? ''}${i.anchor}`,
          text: i.text,
          line: i.line,
        }));
        const what = `${entry.kind} "${entry.id}" (${describeFullText(result.text)})`;
        if (existingTarget(target, shown, refuse)) {
          const added = addToContentFile(
            readExisting(target, shown, refuse),
            shown(target),
            result.text.reference,
            entry,
            section,
            force,
          );
          issues.push(...added.issues);
          warnings.push(...added.warnings);
          if (added.text && added.data) {
            issues.push(...checkContentFile(added.text, path.basename(target), added.data, added.index!, expected));
            plan = {
              target,
              text: added.text,
              done: `${added.replaced ? 'replaced' : 'added'} the ${what} ${added.replaced ? 'in' : 'to'} ${shown(target)} from ${source}`,
            };
          }
        } else {
          const data = { reference: result.text.reference, documents: [entry] };
          const file = newContentFile(data, [section]);
          issues.push(...checkContentFile(file, path.basename(target), data, 0, expected));
          plan = { target, text: file, done: `wrote ${shown(target)} from ${source}: the ${what}` };
        }
      }
    }

    for (const w of warnings) console.error(`warning: ${formatIssue(w)}`);
    if (issues.length || !plan) {
      const n = issues.length;
      console.error(`import: cannot import ${shown(input)} (${n} problem${n === 1 ? '' : 's'}); nothing written:`);
      for (const i of issues) console.error(`  ${formatIssue(i)}`);
      return 1;
    }
    if (fs.existsSync(plan.target) && fs.readFileSync(plan.target, 'utf8') === plan.text) {
      console.log(
        `import: ${shown(plan.target)} already holds exactly this import of ${path.basename(input)}; nothing changed`,
      );
      return 0;
    }
    writeReplacing(plan.target, plan.text, shown, refuse);
    console.log(`import: ${plan.done}`);
    return 0;
  } catch (e) {
    if (e instanceof Refused) {
      console.error(`import: ${e.message}; nothing written`);
      return 1;
    }
    throw e;
  }
}

/** The export's text; one clear line when it cannot be read. */
function readInput(input: string, shown: string, refuse: (m: string) => never): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    return refuse(`cannot read ${shown}: ${fsProblem(e)}`);
  }
  if (stat.isDirectory()) refuse(`cannot read ${shown}: it is a folder, not an exported file`);
  if (!stat.isFile()) refuse(`cannot read ${shown}: not a regular file`);
  if (stat.size > MAX_INPUT_BYTES)
    refuse(
      `${shown} is ${stat.size.toLocaleString('en')} bytes; an export is a few kilobytes (the limit is ${MAX_INPUT_BYTES.toLocaleString('en')}): is it the right file?`,
    );
  try {
    // Bytes that are not UTF-8 become U+FFFD, which the readers report with their line.
    return fs.readFileSync(input, 'utf8');
  } catch (e) {
    return refuse(`cannot read ${shown}: ${fsProblem(e)}`);
  }
}

/** The output folder must be a folder; the default one must lie inside the content folder once links are resolved. */
function checkOutFolder(
  outDir: string,
  defaultOut: boolean,
  shown: (p: string) => string,
  refuse: (m: string) => never,
): void {
  const existing = nearestExisting(outDir, shown, refuse);
  if (!fs.statSync(existing).isDirectory()) {
    refuse(
      existing === outDir
        ? `${defaultOut ? shown(outDir) : `--out ${shown(outDir)}`} is a file, not a folder`
        : `cannot use ${shown(outDir)}: ${shown(existing)} is a file, not a folder`,
    );
  }
  if (!defaultOut) return;
  const content = contentDir(repoRoot);
  const real = realPath(outDir, shown, refuse);
  const rel = path.relative(realPath(content, shown, refuse), real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    refuse(
      `${shown(outDir)} leads to ${real}, outside ${shown(content)}/: the importer does not write through links (pass --out to name a folder)`,
    );
  }
}

/** The path itself, or its nearest ancestor that exists. */
function nearestExisting(p: string, shown: (p: string) => string, refuse: (m: string) => never): string {
  let existing = p;
  for (;;) {
    try {
      fs.statSync(existing);
      return existing;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(existing) === existing)
        return refuse(`cannot use ${shown(p)}: ${fsProblem(e)}`);
      if (isLink(existing))
        return refuse(`cannot use ${shown(p)}: ${shown(existing)} is a symbolic link to a place that does not exist`);
      existing = path.dirname(existing);
    }
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Where a path really is, links resolved, even when its last parts do not exist yet. */
function realPath(p: string, shown: (p: string) => string, refuse: (m: string) => never): string {
  const existing = nearestExisting(p, shown, refuse);
  return path.join(fs.realpathSync(existing), path.relative(existing, p));
}

/** True when the target is a plain file; refuses links (even dangling ones), folders and the rest. */
function existingTarget(target: string, shown: (p: string) => string, refuse: (m: string) => never): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    return refuse(`cannot use ${shown(target)}: ${fsProblem(e)}`);
  }
  if (stat.isSymbolicLink()) {
    let to: string;
    try {
      to = fs.readlinkSync(target);
    } catch {
      to = '?';
    }
    const dangling = !fs.existsSync(target);
    refuse(
      `${shown(target)} is a symbolic link (to ${to}${dangling ? ', which does not exist' : ''}); the importer never writes through a link, even with --force: remove it or put the file itself there`,
    );
  }
  if (stat.isDirectory()) refuse(`${shown(target)} is a folder, not a procedure file`);
  if (!stat.isFile()) refuse(`${shown(target)} is not a regular file`);
  return true;
}

function readExisting(target: string, shown: (p: string) => string, refuse: (m: string) => never): string {
  try {
    return fs.readFileSync(target, 'utf8');
  } catch (e) {
    return refuse(`cannot read ${shown(target)}: ${fsProblem(e)}`);
  }
}

/**
 * Writes the file next to the target, then renames it into place: the target is never half
 * written, and a link put there meanwhile is replaced, not followed. A folder created for it is
 * removed again when the write fails.
 */
function writeReplacing(
  target: string,
  text: string,
  shown: (p: string) => string,
  refuse: (m: string) => never,
): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.import-${process.pid}.tmp`);
  let created: string | undefined;
  let wroteTemp = false;
  try {
    created = fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
    wroteTemp = true;
    fs.renameSync(temp, target);
  } catch (e) {
    if (wroteTemp) fs.rmSync(temp, { force: true });
    if (created) fs.rmSync(created, { recursive: true, force: true });
    refuse(`cannot write ${shown(target)}: ${fsProblem(e)}`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Not a problem of the input or the file system: a bug. One line still, with where it happened.
  const where = (e as Error).stack?.split('\n')[1]?.trim() ?? '';
  console.error(
    `import: internal error: ${(e as Error).message}${where ? ` (${where})` : ''}; nothing written. Please report it.`,
  );
  process.exitCode = 70;
}
