/// <reference types="node" />
// The importer of Legislative Observatory procedure files (scripts/import.ts,
// scripts/lib/oeil-parse.ts): it reproduces the hand-made procedure files from the seeds, reports
// every problem with its line and section, and writes nothing when anything is wrong.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, parseProcedureFile, renderProcedureFile } from '../../scripts/tools/lib/oeil-parse.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { loadContent } from '../../src/content/load.ts';
import { parseProcedureBody } from '../../src/content/parse/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, 'content/sources');
const SCRIPT = path.join(repoRoot, 'scripts/import.mjs');
const FIXTURES = path.join(repoRoot, 'tests/fixtures/import');

const SEED_2016 = '000_5cbaa7a3de966168.txt';
const SEED_2021 = '004_5e7a39fb95e22810.txt';
const seed = (name: string) => fs.readFileSync(path.join(seedsDir, name), 'utf8');
const realFile = (slug: string) => fs.readFileSync(path.join(repoRoot, 'content/procedures', `${slug}.md`), 'utf8');

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
function split(text: string): { data: Record<string, unknown>; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** The real file's frontmatter, less what a procedure file cannot contain (2016's motion, from 001). */
function expectedFrontmatter(slug: string): Record<string, unknown> {
  const { data } = split(realFile(slug));
  const documents = data.documents as Array<{ kind: string }>;
  return { ...data, documents: documents.filter((d) => d.kind !== 'motion') };
}

/** The real file's body up to its first non-summary document. */
function expectedSummaryBody(slug: string): string {
  const { body } = split(realFile(slug));
  const sections = body.split(/^(?=## )/m);
  return sections.filter((s) => s.trim())[0]!.trim();
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function runImport(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` as `name` in a fresh temp dir and returns its path. */
function inputFile(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

/** Drops a section: its heading line and the rows after it, up to the next blank line. */
function dropSection(text: string, name: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.replace(/\t/g, '').trim() === name);
  if (start < 0) throw new Error(`no section ${name}`);
  let end = start + 1;
  while (end < lines.length && lines[end]!.trim() !== '') end++;
  return [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`nothing replaced: ${String(from)}`);
  return out;
}

const messages = (text: string, source = 'x.txt') => parseProcedureFile(text, source).issues.map(formatIssue);

describe('import reproduces the hand-made procedure files', () => {
  for (const [name, slug] of [
    [SEED_2016, '2016-2607'],
    [SEED_2021, '2021-2544'],
  ] as const) {
    it(`${name} → ${slug}.md: same frontmatter (parsed), same summary body`, () => {
      const result = parseProcedureFile(seed(name), name);
      expect(result.issues).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.data).toEqual(expectedFrontmatter(slug));
      expect(result.body.trim()).toBe(expectedSummaryBody(slug));
    });

    it(`the CLI writes ${slug}.md with that frontmatter`, () => {
      const out = tempDir();
      const r = runImport([path.join(seedsDir, name), '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${slug}.md`);
      expect(fs.readdirSync(out)).toEqual([`${slug}.md`]);
      const written = split(fs.readFileSync(path.join(out, `${slug}.md`), 'utf8'));
      expect(written.data).toEqual(expectedFrontmatter(slug));
      expect(written.body.trim()).toBe(expectedSummaryBody(slug));
    });
  }

  it('writes the YAML in the style of the hand-made files (flow maps for table rows)', () => {
    const r = parseProcedureFile(seed(SEED_2021), SEED_2021);
    const { text } = renderProcedureFile(r.data!, r.body);
    const real = realFile('2021-2544');
    // Everything but the comment line is the same text.
    const strip = (s: string) => s.replace(/^# Sources:.*\n/m, '');
    expect(strip(text)).toBe(strip(real));
  });
});

describe('the output is accepted by the content loader and the body parser', () => {
  it('loadContent + parseProcedureBody + buildSite on a content dir holding the imported files', () => {
    const dir = tempDir();
    const procedures = path.join(dir, 'content', 'procedures');
    fs.mkdirSync(procedures, { recursive: true });
    for (const name of [SEED_2016, SEED_2021]) {
      expect(runImport([path.join(seedsDir, name), '--out', procedures]).code).toBe(0);
    }
    const { input, issues } = loadContent(path.join(dir, 'content'), dir);
    expect(issues).toEqual([]);
    expect(input.procedures.map((p) => p.slug)).toEqual(['2016-2607', '2021-2544']);
    for (const p of input.procedures) {
      const parsed = parseProcedureBody(p.body, p.data.documents, p.file);
      expect(parsed.issues).toEqual([]);
      expect(parsed.documents[0]!.items.length).toBeGreaterThan(5);
    }
    const site = buildSite(input);
    expect(site.procedures.map((p) => p.slug).sort()).toEqual(['2016-2607', '2021-2544']);
  });

  it('the imported 2021 file can stand in for the real one in a copy of content/', () => {
    const dir = tempDir();
    fs.cpSync(path.join(repoRoot, 'content'), path.join(dir, 'content'), { recursive: true });
    const procedures = path.join(dir, 'content', 'procedures');
    const r = runImport([path.join(seedsDir, SEED_2021), '--out', procedures, '--force']);
    expect(r.code).toBe(0);
    const { input, issues } = loadContent(path.join(dir, 'content'), dir);
    expect(issues).toEqual([]);
    const p = input.procedures.find((x) => x.slug === '2021-2544')!;
    expect(parseProcedureBody(p.body, p.data.documents, p.file).issues).toEqual([]);
  });
});

describe('damaged inputs: clear errors, nothing written', () => {
  const cases: Array<{ name: string; make: () => string; expected: string[] }> = [
    {
      name: 'empty file',
      make: () => '',
      expected: ['File: the file is empty'],
    },
    {
      name: 'blank-only file',
      make: () => ' \n\t\n\n',
      expected: ['File: the file is empty'],
    },
    {
      name: 'missing Technical information',
      make: () => dropSection(seed(SEED_2016), 'Technical information'),
      expected: ['Technical information: missing section "Technical information"'],
    },
    {
      name: 'missing Key events',
      make: () => dropSection(seed(SEED_2021), 'Key events'),
      expected: ['Key events: missing section "Key events"'],
    },
    {
      name: 'garbled date in Key events',
      make: () => replaceOnce(seed(SEED_2016), '10/03/2016\tDecision by Parliament', '31/02/2016\tDecision by Parliament'),
      expected: ["line 19, Key events: cannot read date '31/02/2016'"],
    },
    {
      name: 'garbled date in the Documentation gateway',
      make: () => replaceOnce(seed(SEED_2021), '10/02/2021\t\n', '10-02-2021\t\n'),
      expected: ["line 24, Documentation gateway: cannot read date '10-02-2021'"],
    },
    {
      name: 'unknown event name',
      make: () => replaceOnce(seed(SEED_2016), '\tDebate in Parliament', '\tCommittee referral announced in Parliament'),
      expected: [
        "line 18, Key events: unknown event 'Committee referral announced in Parliament': not in the schema enum keyEventName (src/content/schemas/procedure.ts); the schema enum must be extended",
      ],
    },
    {
      name: 'unknown document type',
      make: () => replaceOnce(seed(SEED_2021), /^Motion for a resolution\t/m, 'Commission response to text adopted in plenary\t'),
      expected: [
        "line 24, Documentation gateway: unknown document type 'Commission response to text adopted in plenary': not in the schema enum gatewayDocumentType (src/content/schemas/procedure.ts); the schema enum must be extended",
      ],
    },
    {
      name: 'unknown political group',
      make: () => replaceOnce(seed(SEED_2016), 'Greens/EFA and EFDD groups', 'Verts/ALE and EFDD groups'),
      expected: ["line 46, Summary: unknown political group 'Verts/ALE': not in the schema enum politicalGroup (src/content/schemas/common.ts)"],
    },
    {
      name: 'no summary',
      make: () => seed(SEED_2021).split('\n# ')[0]!,
      expected: ['Summary: missing summary'],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: reported by the parser`, () => {
      const result = parseProcedureFile(c.make(), 'damaged.txt');
      expect(result.data).toBeUndefined();
      const got = result.issues.map(formatIssue);
      for (const e of c.expected) expect(got.some((g) => g.startsWith(e)), `${JSON.stringify(got)} should include ${e}`).toBe(true);
      expect(got).toHaveLength(c.expected.length);
    });
  }

  for (const c of cases.filter((x) => ['empty file', 'missing Technical information', 'missing Key events', 'garbled date in Key events', 'unknown event name'].includes(x.name))) {
    it(`${c.name}: the CLI exits 1, prints the error and writes nothing`, () => {
      const out = tempDir();
      const r = runImport([inputFile('damaged.txt', c.make()), '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('nothing written');
      for (const e of c.expected) expect(r.stderr).toContain(e);
      expect(fs.readdirSync(out)).toEqual([]);
    });
  }

  it('collects every problem of a file in one run', () => {
    let text = seed(SEED_2016);
    text = replaceOnce(text, '10/03/2016\tResults of vote', '32/03/2016\tResults of vote');
    text = replaceOnce(text, '\tEnd of procedure in Parliament', '\tProcedure lapsed');
    text = replaceOnce(text, '<a href="#">B8-0344/2016</a>', '<a href="#">B8-344/2016</a>');
    expect(messages(text)).toEqual([
      "line 17, Key events: cannot read date '32/03/2016' (expected a real day written DD/MM/YYYY)",
      "line 20, Key events: unknown event 'Procedure lapsed': not in the schema enum keyEventName (src/content/schemas/procedure.ts); the schema enum must be extended before this file can be imported",
      "line 32, Documentation gateway: cannot read reference 'B8-344/2016' (expected e.g. B8-0343/2016, RC-B8-0337/2016 or T8-0083/2016)",
    ]);
  });

  it('a missing section heading does not let its rows pass for another section', () => {
    const text = replaceOnce(seed(SEED_2016), /^Key events\t*\n/m, '');
    const got = messages(text);
    expect(got[0]).toBe('Key events: missing section "Key events": expected a line reading "Key events" followed by its rows');
    expect(got.slice(1).every((m) => m.startsWith('line ') && m.includes('Key players: cannot read the row'))).toBe(true);
  });

  it('a file that is not a procedure file (the 2019 summary alone, 002) is refused as a whole', () => {
    expect(messages(seed('002_f8ac742797c4fbc7.txt'))).toEqual([
      'File: not a procedure file exported from the Legislative Observatory: none of its sections (Basic information, Key players, Key events, Technical information, Documentation gateway) was found; a summary alone cannot be imported',
    ]);
  });

  it('stray text before the first section is reported once', () => {
    expect(messages('Some stray text\nand more\n' + seed(SEED_2021))).toEqual([
      "line 1, File: unexpected text before the first section (2 lines from here): 'Some stray text'",
    ]);
  });

  it('unknown rows of Technical information are reported, not dropped', () => {
    const text = replaceOnce(seed(SEED_2021), 'Legal basis\tRules of Procedure EP 150', 'Legal basis\tRules of Procedure EP 150\nRapporteur\tSomeone');
    expect(messages(text)).toEqual([
      "line 19, Technical information: unknown row 'Rapporteur' (value 'Someone'): the importer and the schema do not know this field",
    ]);
  });

  it('Basic information and Technical information must agree', () => {
    const text = replaceOnce(seed(SEED_2021), 'Procedure reference\t2021/2544(RSP)', 'Procedure reference\t2021/2545(RSP)');
    expect(messages(text)).toEqual([
      "line 15, Technical information: the procedure reference '2021/2545(RSP)' differs from '2021/2544(RSP)' in Basic information (line 5)",
      "line 35, Summary: the dateline's procedure reference '2021/2544(RSP)' differs from '2021/2545(RSP)' (line 15)",
    ]);
  });

  it('a web address in the summary is refused (the body parser forbids links)', () => {
    const text = replaceOnce(seed(SEED_2021), 'trade policy review.', 'trade policy review (see https://example.org/x).');
    expect(messages(text)).toEqual([
      "line 59, Summary: 'https://example.org/x).' would become a link, which the body parser (src/content/parse/remark-items.ts) refuses: the content format cannot hold web or e-mail addresses as printed yet",
    ]);
  });
});

describe('--force', () => {
  it('never overwrites without --force; replaces with it', () => {
    const out = tempDir();
    const input = path.join(seedsDir, SEED_2021);
    expect(runImport([input, '--out', out]).code).toBe(0);
    const target = path.join(out, '2021-2544.md');
    fs.writeFileSync(target, 'sentinel\n');

    const refused = runImport([input, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2021-2544.md already exists and is not overwritten; pass --force to replace it');
    expect(refused.stderr).toContain('nothing written');
    expect(fs.readFileSync(target, 'utf8')).toBe('sentinel\n');

    const forced = runImport([input, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('--force: replaced the existing file');
    expect(split(fs.readFileSync(target, 'utf8')).data).toEqual(expectedFrontmatter('2021-2544'));
  });

  it('--force over a curated file says which of its documents are gone', () => {
    const out = tempDir();
    fs.copyFileSync(path.join(repoRoot, 'content/procedures/2016-2607.md'), path.join(out, '2016-2607.md'));
    const r = runImport([path.join(seedsDir, SEED_2016), '--out', out, '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: Output: --force replaces 2016-2607.md, whose document "motion" (001_85a8ad91994e0189.txt) this import does not produce');
  });

  it('a file that fails is not written even with --force', () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, '2016-2607.md'), 'sentinel\n');
    const damaged = inputFile(SEED_2016, replaceOnce(seed(SEED_2016), '07/03/2016', '07/13/2016'));
    const r = runImport([damaged, '--out', out, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("line 30, Documentation gateway: cannot read date '07/13/2016'");
    expect(fs.readFileSync(path.join(out, '2016-2607.md'), 'utf8')).toBe('sentinel\n');
  });
});

describe('CLI usage', () => {
  it('rejects a missing file argument and unknown options (exit 2)', () => {
    expect(runImport([]).code).toBe(2);
    const r = runImport([path.join(seedsDir, SEED_2016), '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run import -- <file> [--out content/procedures] [--force]');
  });

  it('reports an unreadable input', () => {
    const r = runImport([path.join(tempDir(), 'missing.txt'), '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('ENOENT');
  });
});

describe('the reader beyond the two seeds', () => {
  it('a synthetic file: multi-line subjects, wrapped lines, "-text" bullets, Markdown-like characters', () => {
    const name = 'synthetic-2016-layout.txt';
    const result = parseProcedureFile(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name);
    expect(result.issues).toEqual([]);
    const { text, issues } = renderProcedureFile(result.data!, result.body);
    expect(issues).toEqual([]);
    expect(text).toBe(fs.readFileSync(path.join(FIXTURES, 'synthetic-2016-layout.expected.md'), 'utf8'));
    // The Markdown reads back to the text as printed.
    const items = parseProcedureBody(result.body, result.data!.documents, 'synthetic').documents[0]!.items;
    expect(items.map((i) => [i.anchor, i.text])).toEqual([
      ['summary-1', 'The European Parliament adopted by 500 votes to 60, with 40 abstentions, a resolution on a synthetic test procedure.'],
      ['summary-2', 'The resolution was tabled by the EPP, S&D, ECR, ALDE, Greens/EFA, GUE/NGL, and EFDD groups.'],
      [
        'summary-3',
        'This paragraph keeps markup-like characters as printed: *stars*, snake_case, [1], <b>, a `tick`, &amp; as printed, 50% ~ half, a + b = c, and a path P7_TA(2012)0089.',
      ],
      ['summary-4', 'Parliament called on the authorities to:'],
      ['summary-4-1', 'end the fictional crackdown described in this synthetic fixture and lift the restrictions on its fictional activities;'],
      ['summary-4-2', 'review the fictional law of ‘1 January 2099’ and the “quoted” provisions;'],
      ['summary-4-3', '1. keep a list-like start as printed.'],
      ['summary-5', '#hashtag: the last paragraph starts with a hash sign.'],
    ]);
  });

  it('reads CRLF line endings and a byte-order mark like LF', () => {
    const lf = parseProcedureFile(seed(SEED_2021), SEED_2021);
    const crlf = parseProcedureFile('\uFEFF' + seed(SEED_2021).replace(/\n/g, '\r\n'), SEED_2021);
    expect(crlf.issues).toEqual([]);
    expect(crlf.data).toEqual(lf.data);
    expect(crlf.body).toBe(lf.body);
  });

  it('a dateline without a "Decision by Parliament" event gives the date, sourced to the dateline', () => {
    let text = seed(SEED_2021);
    text = replaceOnce(text, /^11\/02\/2021\tDecision by Parliament.*\n/m, '');
    const r = parseProcedureFile(text, SEED_2021);
    expect(r.issues).toEqual([]);
    expect(r.data!.adopted).toEqual({
      date: '2021-02-11',
      dateSource: 'summary-dateline',
      vote: { for: 598, against: 43, abstentions: 52, source: 'summary-1' },
      tablingGroups: { groups: ['EPP', 'S&D', 'Renew', 'Greens/EFA', 'ECR', 'The Left'], joint: true, source: 'summary-2' },
    });
  });

  it('a dateline that contradicts the key events is an error', () => {
    const text = replaceOnce(seed(SEED_2021), '2021/2544(RSP) - 11/02/2021 -', '2021/2544(RSP) - 12/02/2021 -');
    expect(messages(text)).toEqual([
      'line 35, Summary: the dateline dates the text adopted 12/02/2021 but the "Decision by Parliament" key event (line 10) is dated 2021-02-11',
    ]);
  });

  it('states no vote and no groups that the summary does not state unambiguously', () => {
    let text = seed(SEED_2021);
    text = replaceOnce(text, 'adopted by 598 votes to 43, with 52 abstentions, a resolution', 'adopted by 598 votes to 43 a resolution');
    text = replaceOnce(text, 'trade policy review.', 'trade policy review. The text adopted was tabled by the EPP group.');
    const r = parseProcedureFile(text, SEED_2021);
    expect(r.issues).toEqual([]);
    expect(r.data!.adopted!.vote).toBeUndefined();
    expect(r.data!.adopted!.tablingGroups).toBeUndefined();
    expect(r.warnings.map(formatIssue)).toEqual([
      'line 37, Summary: summary-1 mentions votes but not as "adopted by N votes to N, with N abstentions"; adopted.vote left out',
      'line 59, Summary: the tabling groups are stated 2 times (summary-2, summary-7); adopted.tablingGroups left out as ambiguous',
    ]);
  });
});
