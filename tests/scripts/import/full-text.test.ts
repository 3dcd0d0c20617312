// The reader of resolution and motion texts (scripts/tools/lib/import/full-text.ts) and the file it
// writes or adds to (content-file.ts): importing 003 and 001 reproduces today's hand transcriptions
// in content/procedures/2013-2600.md and 2016-2607.md; the README's transcription rules; damaged
// texts refused with their line and part. The CLI is tested in cli.test.ts, cut-short texts in
// truncation.test.ts.
import { describe, expect, it } from 'vitest';
import { addToContentFile, checkContentFile, newContentFile } from '../../../scripts/tools/lib/import/content-file.ts';
import {
  fullTextDocument,
  looksLikeFullText,
  parseFullText,
  renderFullText,
  type FullTextKind,
} from '../../../scripts/tools/lib/import/full-text.ts';
import { formatIssue } from '../../../scripts/tools/lib/import/text.ts';
import {
  MOTION_2016,
  PROCEDURE_2016,
  PROCEDURE_2021,
  realFile,
  replaceOnce,
  sections,
  source,
  split,
  SUMMARY_2019,
  TEXT_2013,
} from './helpers.ts';

/** Parses a text that must be read without a problem. */
function read(text: string) {
  const r = parseFullText(text);
  expect(r.issues.map(formatIssue)).toEqual([]);
  return r;
}

const problems = (text: string) => parseFullText(text).issues.map(formatIssue);
const warnings = (text: string) => parseFullText(text).warnings.map(formatIssue);

/** The file the importer writes for a full text alone. */
function newFile(name: string, kind: FullTextKind): string {
  const { text } = read(source(name));
  const entry = fullTextDocument(text!, kind, name);
  const data = { reference: text!.reference, documents: [entry] };
  const file = newContentFile(data, [renderFullText(text!)]);
  const expected = text!.items.map((i) => ({
    anchor: `${entry.anchorPrefix ?? ''}${i.anchor}`,
    text: i.text,
    line: i.line,
  }));
  expect(checkContentFile(file, 'out.md', data, 0, expected)).toEqual([]);
  return file;
}

/** Today's 2016-2607.md as it was before the motion was added: no motion entry, no motion section. */
function withoutMotion(file: string): string {
  let out = replaceOnce(file, ', 001_85a8ad91994e0189.txt (motion for a resolution)', '');
  out = replaceOnce(out, /^ {2}- id: motion\n(?: {4}.*\n)+/m, '');
  return out.slice(0, out.indexOf('\n## European Parliament resolution on freedom')) + '\n';
}

/** A small text in the layout of 003, for the rules the real ones do not exercise. */
const SMALL = [
  'European Parliament resolution on a test',
  '(2099/2601(RSP))',
  '',
  'The European Parliament,',
  '',
  '– having regard to its previous resolutions,',
  '',
  'A. whereas the test is short;',
  '',
  '1. Calls on the authorities to act;',
  '',
  '2. Instructs its President to forward this resolution to the Council.',
  '',
].join('\n');

describe('importing 003 and 001 reproduces the hand transcriptions', () => {
  it('003 (--kind resolution) → 2013-2600.md, section by section and byte for byte', () => {
    const file = newFile(TEXT_2013, 'resolution');
    expect(sections(split(file).body)).toEqual(sections(split(realFile('2013-2600')).body));
    expect(split(file).data).toEqual(split(realFile('2013-2600')).data);
    expect(file).toBe(realFile('2013-2600'));
  });

  it('001 (--kind motion) added to 2016-2607.md without its motion → today’s 2016-2607.md, byte for byte', () => {
    const { text } = read(source(MOTION_2016));
    const entry = fullTextDocument(text!, 'motion', MOTION_2016);
    const added = addToContentFile(
      withoutMotion(realFile('2016-2607')),
      '2016-2607.md',
      text!.reference,
      entry,
      renderFullText(text!),
      false,
    );
    expect(added.issues).toEqual([]);
    expect(added.warnings).toEqual([]);
    expect(sections(split(added.text!).body)).toEqual(sections(split(realFile('2016-2607')).body));
    expect(added.text).toBe(realFile('2016-2607'));
    const expected = text!.items.map((i) => ({ anchor: `motion-${i.anchor}`, text: i.text, line: i.line }));
    expect(checkContentFile(added.text!, '2016-2607.md', added.data!, 1, expected)).toEqual([]);
  });

  it('the procedure line becomes the dateline, the title the heading; a motion’s anchors are prefixed', () => {
    const motion = fullTextDocument(read(source(MOTION_2016)).text!, 'motion', MOTION_2016);
    expect(motion).toEqual({
      id: 'motion',
      kind: 'motion',
      source: MOTION_2016,
      heading: 'European Parliament resolution on freedom of expression in Kazakhstan',
      dateline: '(2016/2607(RSP))',
      anchorPrefix: 'motion-',
    });
    expect(fullTextDocument(read(source(TEXT_2013)).text!, 'resolution', TEXT_2013)).not.toHaveProperty('anchorPrefix');
  });

  it('tells a full text from a procedure file', () => {
    expect([TEXT_2013, MOTION_2016].map((n) => looksLikeFullText(source(n)))).toEqual([true, true]);
    expect([PROCEDURE_2016, SUMMARY_2019, PROCEDURE_2021].map((n) => looksLikeFullText(source(n)))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('the transcription rules (README, "Transcription rules")', () => {
  const items = (text: string) => read(text).text!.items.map((i) => [i.anchor, i.text]);

  it('a word hyphenated at a line end is joined as the text spells it elsewhere', () => {
    const text = replaceOnce(
      SMALL,
      'A. whereas the test is short;',
      'A. whereas the Prosecutor-General and the co-\nordination of the Prosecutor-\nGeneral and coordination;',
    );
    expect(items(text)).toContainEqual([
      'recital-a',
      'whereas the Prosecutor-General and the coordination of the Prosecutor-General and coordination;',
    ]);
  });

  it('kept hyphenated, with a warning, where the text spells the word nowhere else', () => {
    const text = replaceOnce(SMALL, 'the test is short;', 'the test is socio-\neconomic;');
    expect(items(text)).toContainEqual(['recital-a', 'whereas the test is socio-economic;']);
    expect(warnings(text)).toEqual([
      "line 9, Recitals: 'socio-' ends the line and the text spells neither 'socio-economic' nor 'socioeconomic' elsewhere: kept as 'socio-economic'; check the printed page",
    ]);
  });

  it('a spaced dash at a line end stays a dash between words', () => {
    const text = replaceOnce(SMALL, 'to act;', 'to act in the EU -\nKazakhstan dialogue;');
    expect(items(text)).toContainEqual(['para-1', 'Calls on the authorities to act in the EU - Kazakhstan dialogue;']);
  });

  it('sub-items stay in their paragraph’s text as printed, with a warning (the format has no anchors for them)', () => {
    const text = replaceOnce(
      SMALL,
      '1. Calls on the authorities to act;',
      '1. Calls on the authorities to:\n\n(a) release the prisoners;\n\n(b) end the\ntrials;',
    );
    expect(items(text)).toContainEqual([
      'para-1',
      'Calls on the authorities to: (a) release the prisoners; (b) end the trials;',
    ]);
    expect(warnings(text)).toEqual([
      "line 12, Paragraphs: paragraph 1 has sub-items ('(a) release the pris…'): they are kept in the paragraph's text as printed, one after the other, because the content format gives sub-items no anchors of their own",
    ]);
  });

  it('a gap in the printed numbering is kept, with a warning', () => {
    const text = replaceOnce(SMALL, '2. Instructs', '4. Instructs');
    expect(items(text).map(([a]) => a)).toEqual(['preamble', 'citation-1', 'recital-a', 'para-1', 'para-4']);
    expect(warnings(text)).toEqual([
      'line 12, Paragraphs: paragraph 4 follows paragraph 1: the gap in the printed numbering is kept',
    ]);
  });

  it('a page number alone on a line is left out as page furniture, with a warning', () => {
    const text = replaceOnce(
      SMALL,
      '1. Calls on the authorities to act;',
      '1. Calls on the authorities\n\n7\n\n to act;',
    );
    expect(items(text)).toContainEqual(['para-1', 'Calls on the authorities to act;']);
    expect(warnings(text)).toEqual([
      "line 12, File: '7' alone on a line is taken for page furniture (a page number or document code) and left out; check the page",
    ]);
  });

  it('reads CRLF line endings and a byte-order mark like LF', () => {
    const lf = read(source(TEXT_2013)).text;
    expect(read('\uFEFF' + source(TEXT_2013).replace(/\n/g, '\r\n')).text).toEqual(lf);
  });

  it('Markdown-like characters read back as printed', () => {
    const text = replaceOnce(SMALL, 'to act;', 'to act on *all* cases [sic] under Article 174_a & <b> ~ `x`;');
    const { text: parsed } = read(text);
    const data = { reference: parsed!.reference, documents: [fullTextDocument(parsed!, 'resolution', 'small.txt')] };
    const file = newContentFile(data, [renderFullText(parsed!)]);
    expect(
      checkContentFile(
        file,
        'out.md',
        data,
        0,
        parsed!.items.map((i) => ({ anchor: i.anchor, text: i.text, line: i.line })),
      ),
    ).toEqual([]);
    expect(file).toContain(
      '1. Calls on the authorities to act on \\*all\\* cases \\[sic\\] under Article 174_a & \\<b> \\~ \\`x\\`;',
    );
  });
});

describe('damaged texts: clear errors, nothing to write', () => {
  const text2013 = source(TEXT_2013);

  it('truncated inside a paragraph', () => {
    const cut = text2013.slice(0, text2013.indexOf('wider region; urges'));
    expect(problems(cut)).toEqual([
      "line 155, Paragraphs: the text ends inside paragraph 9 ('…in international security issues concerning the'): the export is cut short",
    ]);
  });

  it('truncated at the end of a paragraph before the last', () => {
    const cut = text2013.slice(0, text2013.indexOf('\n\n18. Instructs'));
    expect(problems(cut)).toEqual([
      "line 200, Paragraphs: the text ends inside paragraph 17 ('…the observation of trials and prison visits;'): the export is cut short",
    ]);
  });

  it('truncated after a paragraph that ends a sentence but is not the closing one', () => {
    const cut = SMALL.replace('to act;', 'to act.').slice(0, SMALL.indexOf('\n\n2. Instructs'));
    expect(problems(cut)).toEqual([
      'line 10, Paragraphs: the last paragraph read, 1 (\'Calls on the authorities to act.\'), is not the "Instructs its President to forward this resolution …" that ends every resolution and motion: the export is cut short',
    ]);
  });

  it('truncated before the first numbered paragraph', () => {
    const cut = text2013.slice(0, text2013.indexOf('\n\nK. whereas'));
    expect(problems(cut)).toEqual([
      'line 91, Paragraphs: no numbered paragraph ("1. …"): the text ends on line 91, in the recitals (\'…under international human rights law;\'): the export is cut short',
    ]);
  });

  it('a paragraph number printed twice', () => {
    const text = replaceOnce(text2013, '11. Calls on Kazakhstan', '10. Calls on Kazakhstan');
    expect(problems(text)).toEqual([
      'line 164, Paragraphs: paragraph 10 is printed twice (first on line 160): the export is damaged; anchors must not repeat',
    ]);
  });

  it('a recital letter printed twice', () => {
    const text = replaceOnce(text2013, 'E. whereas during recent months', 'D. whereas during recent months');
    expect(problems(text)).toEqual([
      'line 61, Recitals: recital D is printed twice (first on line 56): the export is damaged; anchors must not repeat',
    ]);
  });

  it('a footnote reference with no footnote', () => {
    const text = replaceOnce(text2013, '4 P7_TA(2012)0459.\n', '');
    expect(problems(text)).toEqual([
      "line 12, Footnotes: footnote 4 is referenced here ('…cooperation agreement4') but no footnote 4 is printed: the page end holding it is missing",
    ]);
  });

  it('a footnote with no reference', () => {
    const text = replaceOnce(text2013, 'cooperation agreement4,', 'cooperation agreement,');
    expect(problems(text)).toEqual([
      'line 47, Footnotes: footnote 4 is printed here, but no word before it carries the number 4: a reference is missing',
    ]);
  });

  it('a block the importer cannot place', () => {
    const text = replaceOnce(text2013, '\nH. whereas the Kazakh Government', '\nwhereas the Kazakh Government');
    expect(problems(text)).toEqual([
      'line 78, Recitals: \'…considering starting work on a new National Human\' follows a blank line but starts no citation ("– having regard …"), recital ("A. whereas …"), numbered paragraph ("1. …") or footnote.',
    ]);
  });

  it('no procedure line, no opening formula, an empty file', () => {
    expect(problems(replaceOnce(SMALL, '(2099/2601(RSP))\n', ''))).toEqual([
      'line 1, Procedure line: cannot find the procedure line under the title, e.g. "(2013/2600(RSP))"',
    ]);
    expect(problems(replaceOnce(SMALL, 'The European Parliament,', 'The Parliament,'))).toEqual([
      'line 4, Opening formula: expected the opening formula "The European Parliament," after the procedure line, found \'The Parliament,\'',
    ]);
    expect(problems(' \n\n')).toEqual(['File: the file is empty: expected a resolution or motion text']);
  });

  it('a procedure that is not RSP', () => {
    expect(problems(replaceOnce(SMALL, '(2099/2601(RSP))', '(2099/2601(INI))'))).toEqual([
      "line 2, Procedure line: the procedure reference '2099/2601(INI)' is not an RSP procedure (YYYY/NNNN(RSP)), the only kind the schema accepts",
    ]);
  });
});

describe('adding to an existing procedure file', () => {
  const motion = () => {
    const { text } = read(source(MOTION_2016));
    return { text: text!, entry: fullTextDocument(text!, 'motion', MOTION_2016), section: renderFullText(text!) };
  };

  it('a section that exists is replaced only with --force, in place', () => {
    const { text, entry, section } = motion();
    const refused = addToContentFile(realFile('2016-2607'), '2016-2607.md', text.reference, entry, section, false);
    expect(refused.issues.map(formatIssue)).toEqual([
      'Output: 2016-2607.md already holds the motion "motion" (from 001_85a8ad91994e0189.txt); pass --force to replace that section',
    ]);
    expect(refused.text).toBeUndefined();
    const forced = addToContentFile(realFile('2016-2607'), '2016-2607.md', text.reference, entry, section, true);
    expect(forced.issues).toEqual([]);
    expect(forced.replaced?.id).toBe('motion');
    expect(forced.text).toBe(realFile('2016-2607'));
  });

  it('the same source under another kind is refused, even with --force (anchors would change)', () => {
    const { text } = read(source(TEXT_2013));
    const asMotion = fullTextDocument(text!, 'motion', TEXT_2013);
    const r = addToContentFile(
      realFile('2013-2600'),
      '2013-2600.md',
      text!.reference,
      asMotion,
      renderFullText(text!),
      true,
    );
    expect(r.issues.map(formatIssue)).toEqual([
      'Output: 2013-2600.md already holds 003_e1fa9d5dda3067d6.txt as the resolution "text"; importing it again as a motion would put the same text on the page twice and change its anchors, which published links point to. Change the file by hand if its kind is wrong.',
    ]);
  });

  it('a file of another procedure, or one that fails the content check, is not added to', () => {
    const { text, entry, section } = motion();
    expect(
      addToContentFile(realFile('2021-2544'), '2021-2544.md', text.reference, entry, section, false).issues.map(
        formatIssue,
      ),
    ).toEqual(['Output: 2021-2544.md is the file of 2021/2544(RSP), but the text is of 2016/2607(RSP)']);
    const broken = replaceOnce(withoutMotion(realFile('2016-2607')), 'stage: Procedure completed', 'stage: Done');
    expect(addToContentFile(broken, '2016-2607.md', text.reference, entry, section, false).issues[0]!.message).toMatch(
      /^2016-2607\.md exists but does not pass the content check \(procedureFile\.stage: .*\); fix it first \(npm run check:content\)$/,
    );
  });
});
