// `npm run import` as a user runs it (scripts/import.mjs, spawned): what it writes for each kind of
// export, when it needs --kind and --force, and that a damaged export or a file-system problem gives
// clear lines (one line for the file system, never a stack trace) and writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inputFile,
  MOTION_2016,
  PROCEDURE_2016,
  PROCEDURE_2021,
  realFile,
  replaceOnce,
  runImport,
  source,
  sourcePath,
  STACK_TRACE,
  TEXT_2013,
  tempDir,
  withoutSourcesComment,
} from './helpers.ts';

const USAGE = 'usage: npm run import -- <file> [--kind resolution|motion] [--out <folder>] [--force]';

/** Refused: exit 1, nothing on stdout, the reasons on stderr, no stack trace. */
function expectRefused(r: ReturnType<typeof runImport>, ...reasons: string[]) {
  expect(r.stdout).toBe('');
  for (const reason of reasons) expect(r.stderr).toContain(reason);
  expect(r.stderr).toContain('nothing written');
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.code).toBe(1);
}

/** A file-system problem: exactly one line. */
function expectOneLine(r: ReturnType<typeof runImport>, line: string) {
  expectRefused(r);
  expect(r.stderr).toBe(`${line}\n`);
}

/** Runs the importer as an unprivileged user when the tests run as root, so that permissions apply. */
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

// Each run starts Node and loads the parsers (1–3 s on a busy 2-core machine).
const SLOW = { timeout: 60_000 };

describe('what the importer writes', SLOW, () => {
  it('a procedure file: 2021-2544.md, byte for byte as the hand-made one', () => {
    const out = tempDir();
    const r = runImport([sourcePath(PROCEDURE_2021), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `import: wrote ${path.join(out, '2021-2544.md')} from ${PROCEDURE_2021}; summary of 7 paragraphs and 9 bullets, ending '…developments and the outcome of the trade policy review.': compare with the end of the page exported\n`,
    );
    expect(fs.readdirSync(out)).toEqual(['2021-2544.md']);
    expect(fs.readFileSync(path.join(out, '2021-2544.md'), 'utf8')).toBe(realFile('2021-2544'));
  });

  it('a resolution text (003, --kind resolution): 2013-2600.md, byte for byte', () => {
    const out = tempDir();
    const r = runImport([sourcePath(TEXT_2013), '--kind', 'resolution', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('the resolution "text" (8 citations, 15 recitals, 18 paragraphs, 4 footnotes; ends ');
    expect(fs.readFileSync(path.join(out, '2013-2600.md'), 'utf8')).toBe(realFile('2013-2600'));
  });

  it('the procedure file (000) then the motion (001, --kind motion): today’s 2016-2607.md; the motion again needs --force', () => {
    const out = tempDir();
    const target = path.join(out, '2016-2607.md');
    expect(runImport([sourcePath(PROCEDURE_2016), '--out', out]).code).toBe(0);
    const added = runImport([sourcePath(MOTION_2016), '--kind', 'motion', '--out', out]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain(
      `import: added the motion "motion" (4 citations, 7 recitals, 7 paragraphs, 0 footnotes; ends `,
    );
    // The hand-made file's comment calls 000 "procedure file + summary"; the importer says "… of the text adopted", as in 2021-2544.md.
    expect(withoutSourcesComment(fs.readFileSync(target, 'utf8'))).toBe(withoutSourcesComment(realFile('2016-2607')));

    const before = fs.readFileSync(target, 'utf8');
    const again = runImport([sourcePath(MOTION_2016), '--kind', 'motion', '--out', out]);
    expectRefused(
      again,
      'already holds the motion "motion" (from 001_85a8ad91994e0189.txt); pass --force to replace that section',
    );
    const forced = runImport([sourcePath(MOTION_2016), '--kind', 'motion', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(
      `import: ${target} already holds exactly this import of ${MOTION_2016}; nothing changed\n`,
    );
    expect(fs.readFileSync(target, 'utf8')).toBe(before);
    // A changed motion replaces the section in place.
    const changed = inputFile(
      MOTION_2016,
      replaceOnce(source(MOTION_2016), 'B. whereas Kazakhstan plays a crucial', 'B. whereas Kazakhstan plays a key'),
    );
    const replaced = runImport([changed, '--kind', 'motion', '--out', out, '--force']);
    expect(replaced.stdout).toContain('import: replaced the motion "motion"');
    expect(fs.readFileSync(target, 'utf8')).toBe(
      before.replace('B. whereas Kazakhstan plays a crucial', 'B. whereas Kazakhstan plays a key'),
    );
  });

  it('a full text needs --kind (the export does not say whether it is the adopted text or a motion); a procedure file refuses it', () => {
    const out = tempDir();
    const none = runImport([sourcePath(TEXT_2013), '--out', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'is a resolution or motion text, and the export does not say whether it is the text adopted or a motion: pass --kind resolution or --kind motion',
    );
    const wrong = runImport([sourcePath(PROCEDURE_2016), '--kind', 'motion', '--out', out]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--kind is for resolution and motion texts');
    const bogus = runImport([sourcePath(TEXT_2013), '--kind', 'adopted', '--out', out]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe(`import: --kind must be resolution or motion, not 'adopted'\n${USAGE}\n`);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a procedure file never overwrites without --force; with it, says which documents are gone', () => {
    const out = tempDir();
    const target = path.join(out, '2016-2607.md');
    fs.copyFileSync(path.join(path.dirname(sourcePath(PROCEDURE_2016)), '../procedures/2016-2607.md'), target);
    expectRefused(
      runImport([sourcePath(PROCEDURE_2016), '--out', out]),
      '2016-2607.md already exists and is not overwritten; pass --force to replace it',
    );
    expect(fs.readFileSync(target, 'utf8')).toBe(realFile('2016-2607'));
    const r = runImport([sourcePath(PROCEDURE_2016), '--out', out, '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(--force: replaced the existing file)');
    expect(r.stderr).toContain(
      'warning: Output: --force replaces 2016-2607.md, whose document "motion" (001_85a8ad91994e0189.txt) this import does not produce',
    );
  });

  it('usage errors exit 2', () => {
    expect(runImport([]).code).toBe(2);
    const r = runImport([sourcePath(PROCEDURE_2016), '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(USAGE);
  });
});

describe('damaged exports: the lines that say why, nothing written', SLOW, () => {
  it('head -c 2000 and head -c 4000 of the 2016 procedure file (issue 14) are refused', () => {
    const out = tempDir();
    const bytes = fs.readFileSync(sourcePath(PROCEDURE_2016));
    expectRefused(
      runImport([inputFile('cut-2000.txt', bytes.subarray(0, 2000)), '--out', out]),
      "line 50, Summary: the summary ends inside a sentence ('Concerned about the amendments to the Communi', summary-4): the export is cut short",
    );
    expectRefused(
      runImport([inputFile('cut-4000.txt', bytes.subarray(0, 4000)), '--out', out]),
      "line 63, Summary: the summary ends inside a sentence ('The EU, and in pa', summary-7)",
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a cut resolution text, and one with a paragraph number printed twice, are refused', () => {
    const out = tempDir();
    expectRefused(
      runImport([
        inputFile('cut.txt', fs.readFileSync(sourcePath(TEXT_2013)).subarray(0, 4000)),
        '--kind',
        'resolution',
        '--out',
        out,
      ]),
      'line 68, Paragraphs: no numbered paragraph ("1. …"): the text ends on line 68, in the recitals (\'…‘creating and leading an organised g\'): the export is cut short',
    );
    const twice = replaceOnce(source(TEXT_2013), '11. Calls on Kazakhstan', '10. Calls on Kazakhstan');
    expectRefused(
      runImport([inputFile('twice.txt', twice), '--kind', 'resolution', '--out', out]),
      'line 164, Paragraphs: paragraph 10 is printed twice (first on line 160)',
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a damaged procedure file is not written even with --force over an existing file', () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, '2016-2607.md'), 'sentinel\n');
    const damaged = inputFile(PROCEDURE_2016, replaceOnce(source(PROCEDURE_2016), '07/03/2016', '07/13/2016'));
    expectRefused(
      runImport([damaged, '--out', out, '--force']),
      "line 30, Documentation gateway: cannot read date '07/13/2016'",
    );
    expect(fs.readFileSync(path.join(out, '2016-2607.md'), 'utf8')).toBe('sentinel\n');
  });
});

describe('file-system problems: one line each, never a stack trace, nothing written', SLOW, () => {
  it('a missing input, or a folder given as input', () => {
    const dir = tempDir();
    const missing = path.join(dir, 'missing.txt');
    expectOneLine(
      runImport([missing, '--out', dir]),
      `import: cannot read ${missing}: no such file or folder (ENOENT); nothing written`,
    );
    expectOneLine(
      runImport([dir, '--out', dir]),
      `import: cannot read ${dir}: it is a folder, not an exported file; nothing written`,
    );
  });

  it('--out naming an existing file, or a folder under a file', () => {
    const file = inputFile('not-a-folder.md', 'x\n');
    expectOneLine(
      runImport([sourcePath(PROCEDURE_2021), '--out', file]),
      `import: --out ${file} is a file, not a folder; nothing written`,
    );
    expectOneLine(
      runImport([sourcePath(PROCEDURE_2021), '--out', path.join(file, 'sub')]),
      `import: cannot use ${path.join(file, 'sub')}: a part of the path is a file, not a folder (ENOTDIR); nothing written`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('x\n');
  });

  it('a dangling symbolic link at the target is refused, with or without --force', () => {
    const out = tempDir();
    const elsewhere = path.join(tempDir(), 'created-through-the-link.md');
    fs.symlinkSync(elsewhere, path.join(out, '2021-2544.md'));
    for (const force of [[], ['--force']]) {
      expectOneLine(
        runImport([sourcePath(PROCEDURE_2021), '--out', out, ...force]),
        `import: ${path.join(out, '2021-2544.md')} is a symbolic link (to ${elsewhere}, which does not exist); the importer never writes through a link, even with --force: remove it or put the file itself there; nothing written`,
      );
    }
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(fs.lstatSync(path.join(out, '2021-2544.md')).isSymbolicLink()).toBe(true);
  });

  it('--force never writes through a link to a file outside the folder', () => {
    const out = tempDir();
    const outside = inputFile('outside.md', 'outside\n');
    fs.symlinkSync(outside, path.join(out, '2013-2600.md'));
    const r = runImport([sourcePath(TEXT_2013), '--kind', 'resolution', '--out', out, '--force']);
    expectOneLine(
      r,
      `import: ${path.join(out, '2013-2600.md')} is a symbolic link (to ${outside}); the importer never writes through a link, even with --force: remove it or put the file itself there; nothing written`,
    );
    expect(fs.readFileSync(outside, 'utf8')).toBe('outside\n');
  });

  it('the default folder (CONTENT_DIR/procedures) leading outside the content folder is refused', () => {
    const root = tempDir();
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(path.join(root, 'content'));
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(root, 'content', 'procedures'));
    const r = runImport([sourcePath(PROCEDURE_2021), '--force'], {
      env: { ...process.env, CONTENT_DIR: path.join(root, 'content'), INIT_CWD: root },
    });
    expectOneLine(
      r,
      `import: content/procedures leads to ${fs.realpathSync(elsewhere)}, outside content/: the importer does not write through links (pass --out to name a folder); nothing written`,
    );
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    // The same folder, named with --out, is the user's choice.
    expect(runImport([sourcePath(PROCEDURE_2021), '--out', path.join(root, 'content', 'procedures')]).code).toBe(0);
  });

  it('permission denied: an input that cannot be read, a folder that cannot be written', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const input = path.join(dir, 'in.txt');
    fs.writeFileSync(input, source(PROCEDURE_2021), { mode: 0o600 });
    fs.chmodSync(input, 0o000);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out, { mode: 0o755 });
    fs.chmodSync(out, 0o555);
    expectOneLine(
      runImport([input, '--out', out], unprivileged),
      `import: cannot read ${input}: permission denied (EACCES); nothing written`,
    );
    fs.chmodSync(input, 0o644);
    expectOneLine(
      runImport([input, '--out', out], unprivileged),
      `import: cannot write ${path.join(out, '2021-2544.md')}: permission denied (EACCES); nothing written`,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
