// The reader of Legislative Observatory procedure files (scripts/tools/lib/import/procedure-file.ts):
// it reproduces the hand-made procedure files from the sources, reports every problem with its line
// and section, and gives nothing to write when anything is wrong. The CLI is tested in cli.test.ts,
// cut-short exports in truncation.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFile, newContentFile } from '../../../scripts/tools/lib/import/content-file.ts';
import { parseProcedureFile } from '../../../scripts/tools/lib/import/procedure-file.ts';
import { formatIssue } from '../../../scripts/tools/lib/import/text.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import { loadContent } from '../../../src/content/load.ts';
import { parseProcedureBody } from '../../../src/content/parse/index.ts';
import {
  FIXTURES,
  PROCEDURE_2016,
  PROCEDURE_2021,
  realFile,
  replaceOnce,
  sections,
  source,
  split,
  SUMMARY_2019,
  tempDir,
} from './helpers.ts';

/** The real file's frontmatter, less what a procedure file cannot contain (2016's motion, from 001). */
function expectedFrontmatter(slug: string): Record<string, unknown> {
  const { data } = split(realFile(slug));
  const documents = data.documents as Array<{ kind: string }>;
  return { ...data, documents: documents.filter((d) => d.kind !== 'motion') };
}

/** The real file's summary section. */
const expectedSummary = (slug: string) => sections(split(realFile(slug)).body)[0]!;

/** Drops a section: its heading line and the rows after it, up to the next blank line. */
function dropSection(text: string, name: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.replace(/\t/g, '').trim() === name);
  if (start < 0) throw new Error(`no section ${name}`);
  let end = start + 1;
  while (end < lines.length && lines[end]!.trim() !== '') end++;
  return [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
}

const messages = (text: string, name = 'x.txt') => parseProcedureFile(text, name).issues.map(formatIssue);

/** The file the importer writes for a procedure file. */
function written(name: string, text = source(name)): string {
  const r = parseProcedureFile(text, name);
  expect(r.issues).toEqual([]);
  const file = newContentFile(r.data!, [r.body]);
  expect(checkContentFile(file, 'out.md', r.data!, 0, undefined)).toEqual([]);
  return file;
}

describe('import reproduces the hand-made procedure files', () => {
  for (const [name, slug] of [
    [PROCEDURE_2016, '2016-2607'],
    [PROCEDURE_2021, '2021-2544'],
  ] as const) {
    it(`${name} → ${slug}.md: same frontmatter (parsed), same summary section`, () => {
      const result = parseProcedureFile(source(name), name);
      expect(result.issues).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.data).toEqual(expectedFrontmatter(slug));
      expect(result.body.trimEnd()).toBe(expectedSummary(slug));
    });
  }

  it('writes 2021-2544.md byte for byte as the hand-made file (YAML style, comment, body)', () => {
    expect(written(PROCEDURE_2021)).toBe(realFile('2021-2544'));
  });
});

describe('the output is accepted by the content loader and the body parser', () => {
  it('loadContent + parseProcedureBody + buildSite on a content dir holding the imported files', () => {
    const dir = tempDir();
    const procedures = path.join(dir, 'content', 'procedures');
    fs.mkdirSync(procedures, { recursive: true });
    fs.writeFileSync(path.join(procedures, '2016-2607.md'), written(PROCEDURE_2016));
    fs.writeFileSync(path.join(procedures, '2021-2544.md'), written(PROCEDURE_2021));
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
});

describe('damaged inputs: clear errors, nothing to write', () => {
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
      make: () => dropSection(source(PROCEDURE_2016), 'Technical information'),
      expected: ['Technical information: missing section "Technical information"'],
    },
    {
      name: 'missing Key events',
      make: () => dropSection(source(PROCEDURE_2021), 'Key events'),
      expected: ['Key events: missing section "Key events"'],
    },
    {
      name: 'garbled date in Key events',
      make: () =>
        replaceOnce(source(PROCEDURE_2016), '10/03/2016\tDecision by Parliament', '31/02/2016\tDecision by Parliament'),
      expected: ["line 19, Key events: cannot read date '31/02/2016'"],
    },
    {
      name: 'garbled date in the Documentation gateway',
      make: () => replaceOnce(source(PROCEDURE_2021), '10/02/2021\t\n', '10-02-2021\t\n'),
      expected: ["line 24, Documentation gateway: cannot read date '10-02-2021'"],
    },
    {
      name: 'unknown event name',
      make: () =>
        replaceOnce(source(PROCEDURE_2016), '\tDebate in Parliament', '\tCommittee referral announced in Parliament'),
      expected: [
        "line 18, Key events: unknown event 'Committee referral announced in Parliament': not in the schema enum keyEventName (src/content/schemas/procedure.ts); the schema enum must be extended",
      ],
    },
    {
      name: 'unknown document type',
      make: () =>
        replaceOnce(
          source(PROCEDURE_2021),
          /^Motion for a resolution\t/m,
          'Commission response to text adopted in plenary\t',
        ),
      expected: [
        "line 24, Documentation gateway: unknown document type 'Commission response to text adopted in plenary': not in the schema enum gatewayDocumentType (src/content/schemas/procedure.ts); the schema enum must be extended",
      ],
    },
    {
      name: 'unknown political group',
      make: () => replaceOnce(source(PROCEDURE_2016), 'Greens/EFA and EFDD groups', 'Verts/ALE and EFDD groups'),
      expected: [
        "line 46, Summary: unknown political group 'Verts/ALE': not in the schema enum politicalGroup (src/content/schemas/common.ts)",
      ],
    },
    {
      name: 'no summary',
      make: () => source(PROCEDURE_2021).split('\n# ')[0]!,
      expected: ['Summary: missing summary'],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: reported by the parser`, () => {
      const result = parseProcedureFile(c.make(), 'damaged.txt');
      expect(result.data).toBeUndefined();
      const got = result.issues.map(formatIssue);
      for (const e of c.expected)
        expect(
          got.some((g) => g.startsWith(e)),
          `${JSON.stringify(got)} should include ${e}`,
        ).toBe(true);
      expect(got).toHaveLength(c.expected.length);
    });
  }

  it('collects every problem of a file in one run', () => {
    let text = source(PROCEDURE_2016);
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
    const text = replaceOnce(source(PROCEDURE_2016), /^Key events\t*\n/m, '');
    const got = messages(text);
    expect(got[0]).toBe(
      'Key events: missing section "Key events": expected a line reading "Key events" followed by its rows',
    );
    expect(got.slice(1).every((m) => m.startsWith('line ') && m.includes('Key players: cannot read the row'))).toBe(
      true,
    );
  });

  it('a file that is not a procedure file (the 2019 summary alone, 002) is refused as a whole', () => {
    expect(messages(source(SUMMARY_2019))).toEqual([
      'File: not a procedure file exported from the Legislative Observatory: none of its sections (Basic information, Key players, Key events, Technical information, Documentation gateway) was found before the file ends on line 35; a summary alone (line 3) cannot be imported',
    ]);
  });

  it('stray text before the first section is reported once', () => {
    expect(messages('Some stray text\nand more\n' + source(PROCEDURE_2021))).toEqual([
      "line 1, File: unexpected text before the first section (2 lines from here): 'Some stray text'",
    ]);
  });

  it('unknown rows of Technical information are reported, not dropped', () => {
    const text = replaceOnce(
      source(PROCEDURE_2021),
      'Legal basis\tRules of Procedure EP 150',
      'Legal basis\tRules of Procedure EP 150\nRapporteur\tSomeone',
    );
    expect(messages(text)).toEqual([
      "line 19, Technical information: unknown row 'Rapporteur' (value 'Someone'): the importer and the schema do not know this field",
    ]);
  });

  it('Basic information and Technical information must agree', () => {
    const text = replaceOnce(
      source(PROCEDURE_2021),
      'Procedure reference\t2021/2544(RSP)',
      'Procedure reference\t2021/2545(RSP)',
    );
    expect(messages(text)).toEqual([
      "line 15, Technical information: the procedure reference '2021/2545(RSP)' differs from '2021/2544(RSP)' in Basic information (line 5)",
      "line 35, Summary: the dateline's procedure reference '2021/2544(RSP)' differs from '2021/2545(RSP)' (line 15)",
    ]);
  });

  it('a summary cut inside a sentence is refused, naming where it ends', () => {
    const text = source(PROCEDURE_2016).replace(
      / to offer assistance, and to report regularly to Parliament\.$/,
      ' to offer',
    );
    expect(messages(text)).toEqual([
      "line 63, Summary: the summary ends inside a sentence ('…with the Kazakh authorities where necessary, to offer', summary-7): the export is cut short; export the whole page again",
    ]);
  });

  it('a summary whose last paragraph introduces bullets that are missing is refused', () => {
    const text = source(PROCEDURE_2021).split('\n- respect human rights')[0]!;
    expect(messages(text)).toEqual([
      "line 45, Summary: the summary ends inside a sentence ('Parliament urged the Government of Kazakhstan to:', summary-5): the export is cut short; export the whole page again",
    ]);
  });

  it('bytes that are not UTF-8 are reported with their line', () => {
    const bytes = Buffer.from(source(PROCEDURE_2021), 'utf8');
    const at = bytes.indexOf('Kazakhstan  <b>Subject');
    bytes[at] = 0xff;
    expect(messages(bytes.toString('utf8'))).toContain(
      'line 6, File: a character here is not UTF-8: the export is damaged or was saved in another encoding; export it again as UTF-8 text',
    );
  });

  it('a web address in the summary is refused (the body parser forbids links)', () => {
    const text = replaceOnce(
      source(PROCEDURE_2021),
      'trade policy review.',
      'trade policy review (see https://example.org/x).',
    );
    expect(messages(text)).toEqual([
      "line 59, Summary: 'https://example.org/x).' would become a link, which the body parser (src/content/parse/remark-items.ts) refuses: the content format cannot hold web or e-mail addresses as printed yet",
    ]);
  });
});

describe('the reader beyond the two sources', () => {
  it('a synthetic file: multi-line subjects, wrapped lines, "-text" bullets, Markdown-like characters', () => {
    const name = 'synthetic-2016-layout.txt';
    const result = parseProcedureFile(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name);
    expect(result.issues).toEqual([]);
    const text = newContentFile(result.data!, [result.body]);
    expect(checkContentFile(text, 'out.md', result.data!, 0, undefined)).toEqual([]);
    expect(text).toBe(fs.readFileSync(path.join(FIXTURES, 'synthetic-2016-layout.expected.md'), 'utf8'));
    // The Markdown reads back to the text as printed.
    const items = parseProcedureBody(result.body, result.data!.documents, 'synthetic').documents[0]!.items;
    expect(items.map((i) => [i.anchor, i.text])).toEqual([
      [
        'summary-1',
        'The European Parliament adopted by 500 votes to 60, with 40 abstentions, a resolution on a synthetic test procedure.',
      ],
      ['summary-2', 'The resolution was tabled by the EPP, S&D, ECR, ALDE, Greens/EFA, GUE/NGL, and EFDD groups.'],
      [
        'summary-3',
        'This paragraph keeps markup-like characters as printed: *stars*, snake_case, [1], <b>, a `tick`, &amp; as printed, 50% ~ half, a + b = c, and a path P7_TA(2012)0089.',
      ],
      ['summary-4', 'Parliament called on the authorities to:'],
      [
        'summary-4-1',
        'end the fictional crackdown described in this synthetic fixture and lift the restrictions on its fictional activities;',
      ],
      ['summary-4-2', 'review the fictional law of ‘1 January 2099’ and the “quoted” provisions;'],
      ['summary-4-3', '1. keep a list-like start as printed.'],
      ['summary-5', '#hashtag: the last paragraph starts with a hash sign.'],
    ]);
  });

  it('reads CRLF line endings and a byte-order mark like LF', () => {
    const lf = parseProcedureFile(source(PROCEDURE_2021), PROCEDURE_2021);
    const crlf = parseProcedureFile('\uFEFF' + source(PROCEDURE_2021).replace(/\n/g, '\r\n'), PROCEDURE_2021);
    expect(crlf.issues).toEqual([]);
    expect(crlf.data).toEqual(lf.data);
    expect(crlf.body).toBe(lf.body);
  });

  it('a dateline without a "Decision by Parliament" event gives the date, sourced to the dateline', () => {
    let text = source(PROCEDURE_2021);
    text = replaceOnce(text, /^11\/02\/2021\tDecision by Parliament.*\n/m, '');
    const r = parseProcedureFile(text, PROCEDURE_2021);
    expect(r.issues).toEqual([]);
    expect(r.data!.adopted).toEqual({
      date: '2021-02-11',
      dateSource: 'summary-dateline',
      vote: { for: 598, against: 43, abstentions: 52, source: 'summary-1' },
      tablingGroups: {
        groups: ['EPP', 'S&D', 'Renew', 'Greens/EFA', 'ECR', 'The Left'],
        joint: true,
        source: 'summary-2',
      },
    });
  });

  it('a dateline that contradicts the key events is an error', () => {
    const text = replaceOnce(source(PROCEDURE_2021), '2021/2544(RSP) - 11/02/2021 -', '2021/2544(RSP) - 12/02/2021 -');
    expect(messages(text)).toEqual([
      'line 35, Summary: the dateline dates the text adopted 12/02/2021 but the "Decision by Parliament" key event (line 10) is dated 2021-02-11',
    ]);
  });

  it('states no vote and no groups that the summary does not state unambiguously', () => {
    let text = source(PROCEDURE_2021);
    text = replaceOnce(
      text,
      'adopted by 598 votes to 43, with 52 abstentions, a resolution',
      'adopted by 598 votes to 43 a resolution',
    );
    text = replaceOnce(
      text,
      'trade policy review.',
      'trade policy review. The text adopted was tabled by the EPP group.',
    );
    const r = parseProcedureFile(text, PROCEDURE_2021);
    expect(r.issues).toEqual([]);
    expect(r.data!.adopted!.vote).toBeUndefined();
    expect(r.data!.adopted!.tablingGroups).toBeUndefined();
    expect(r.warnings.map(formatIssue)).toEqual([
      'line 37, Summary: summary-1 mentions votes but not as "adopted by N votes to N, with N abstentions"; adopted.vote left out',
      'line 59, Summary: the tabling groups are stated 2 times (summary-2, summary-7); adopted.tablingGroups left out as ambiguous',
    ]);
  });
});
