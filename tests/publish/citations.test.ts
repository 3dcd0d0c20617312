import { describe, expect, it } from 'vitest';
import {
  allFormats,
  bibtex,
  bibtexEscape,
  bibtexUrl,
  citableDataset,
  citableDemand,
  citableProcedure,
  csl,
  plainText,
  ris,
  warnRelativeLinks,
  type Citable,
} from '../../src/publish/citations/index.ts';
import { demandFields, procedureFields } from '../../src/publish/citations/from-model.ts';
import { demandRecord, procedureRecord } from '../../src/downloads/records.ts';
import { model } from '../helpers/model.ts';
import { makeLinks } from '../../src/site/paths.ts';

const links = makeLinks('/kz/', 'https://example.org');

const tricky: Citable = {
  key: 'ep-9999-0001',
  title: 'Rights & wrongs: 100% of {braces}, snake_case, #1, $5, ~tilde^ and back\\slash',
  reference: '9999/0001(RSP)',
  date: '2020-02-29',
  adoptedText: 'T9-0001/2020',
  url: 'https://example.org/a_b/?q=50%25&x=1#frag',
  procedureFileUrl: 'https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=9999%2F0001(RSP)',
};

/** True when every brace that is not escaped is balanced. */
function bracesBalanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '{') depth++;
    if (s[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('BibTeX', () => {
  it('escapes & % _ { } and the other LaTeX specials', () => {
    expect(bibtexEscape('A & B')).toBe('A \\& B');
    expect(bibtexEscape('100%')).toBe('100\\%');
    expect(bibtexEscape('snake_case')).toBe('snake\\_case');
    expect(bibtexEscape('{x}')).toBe('\\{x\\}');
    expect(bibtexEscape('#$')).toBe('\\#\\$');
    expect(bibtexEscape('~^')).toBe('\\textasciitilde{}\\textasciicircum{}');
    expect(bibtexEscape('a\\b')).toBe('a\\textbackslash{}b');
    expect(bibtexEscape('Kazakhstan’s “rights” – ¶5.2')).toBe('Kazakhstan’s “rights” – ¶5.2');
  });

  it('keeps URLs verbatim except % and braces', () => {
    expect(bibtexUrl('https://x.org/a_b#c&d')).toBe('https://x.org/a_b#c&d');
    expect(bibtexUrl('https://x.org/?r=2016%2F2607')).toBe('https://x.org/?r=2016\\%2F2607');
    expect(bibtexUrl('https://x.org/{a}')).toBe('https://x.org/%7Ba%7D');
  });

  it('writes a balanced @misc entry with no unescaped specials in text fields', () => {
    const b = bibtex(tricky);
    expect(b).toMatch(/^@misc\{ep-9999-0001,\n/);
    expect(b.trimEnd().endsWith('}')).toBe(true);
    expect(bracesBalanced(b)).toBe(true);
    const title = /^ {2}title = \{(.*)\},$/m.exec(b)![1]!;
    expect(title).toBe(`{${bibtexEscape(tricky.title)}}`);
    expect(title.replace(/\\[&%_#${}]|\\text\w+\{\}/g, '')).not.toMatch(/[&%_#$]/);
    expect(b).toMatch(/^ {2}author = \{\{European Parliament\}\},$/m);
    expect(b).toMatch(/^ {2}year = \{2020\},$/m);
    expect(b).toMatch(/^ {2}date = \{2020-02-29\},$/m);
    expect(b).toMatch(/^ {2}url = \{https:\/\/example\.org\/a_b\/\?q=50\\%25&x=1#frag\}$/m);
  });

  it('says "date not stated" in the year, where styles print the date, when no source states the day', () => {
    const b = bibtex({ ...tricky, date: undefined });
    expect(b).toMatch(/^ {2}year = \{date not stated\},$/m);
    expect(b).not.toMatch(/^ {2}date =/m);
    expect(/^ {2}title = \{(.*)\},$/m.exec(b)![1]).not.toMatch(/not stated/);
  });
});

describe('RIS', () => {
  it('writes "XX  - value" lines, TY first and ER last', () => {
    for (const c of [tricky, { ...tricky, date: undefined, section: 'summary of the text adopted, summary ¶5.1' }, citableDataset('https://example.org/data/')]) {
      const lines = ris(c).split('\n');
      expect(lines.at(-1)).toBe('');
      const body = lines.slice(0, -1);
      for (const l of body) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(body[0]).toMatch(/^TY {2}- (GOVDOC|DATA)$/);
      expect(body.at(-1)).toBe('ER  - ');
      expect(body.filter((l) => l.startsWith('TY')).length).toBe(1);
    }
  });

  it('writes DA as YYYY/MM/DD/ and PY as the year, only with a date', () => {
    expect(ris(tricky)).toMatch(/^PY {2}- 2020$/m);
    expect(ris(tricky)).toMatch(/^DA {2}- 2020\/02\/29\/$/m);
    // Importers read PY/DA as dates: an undated record says so in a note instead.
    expect(ris({ ...tricky, date: undefined })).not.toMatch(/^(PY|DA) /m);
    expect(ris({ ...tricky, date: undefined })).toMatch(/^N1 {2}- .*date not stated in the sources/m);
  });

  it('never lets a value break a line', () => {
    expect(ris({ ...tricky, title: 'two\nlines\r\nhere' })).toMatch(/^TI {2}- two lines here$/m);
  });
});

// CSL-JSON 1.0.2: item types and the variables used here.
const CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']);
const CSL_STRINGS = new Set(['id', 'title', 'authority', 'publisher', 'number', 'section', 'note', 'URL', 'genre']);
const isLiteralDate = (v: unknown) => !!v && typeof v === 'object' && Object.keys(v).join() === 'literal' && typeof (v as { literal: unknown }).literal === 'string';

function cslErrors(item: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (typeof item.id !== 'string' || !item.id) errors.push('id');
  if (!CSL_TYPES.has(item.type as string)) errors.push(`type ${String(item.type)}`);
  for (const [k, v] of Object.entries(item)) {
    if (k === 'type') continue;
    if (k === 'author') {
      if (!Array.isArray(v) || !v.every((n) => n && (typeof n.literal === 'string' || typeof n.family === 'string'))) errors.push('author');
    } else if (k === 'issued' && isLiteralDate(v)) {
      continue;
    } else if (k === 'issued') {
      const parts = (v as { 'date-parts'?: unknown })['date-parts'];
      if (!Array.isArray(parts) || parts.length < 1 || parts.length > 2 || !parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3 && p.every(Number.isInteger))) errors.push('issued');
    } else if (!CSL_STRINGS.has(k) || typeof v !== 'string') errors.push(`variable ${k}`);
  }
  return errors;
}

describe('CSL-JSON', () => {
  it('is a valid array of one item', () => {
    for (const c of [tricky, { ...tricky, date: undefined }, citableDataset('https://example.org/data/')]) {
      const text = allFormats(c).cslJson;
      const parsed = JSON.parse(text) as Array<Record<string, unknown>>;
      expect(Array.isArray(parsed)).toBe(true);
      expect(parsed).toHaveLength(1);
      expect(cslErrors(parsed[0]!)).toEqual([]);
    }
  });

  it('gives date-parts where the day is known, else a literal "date not stated" in the date', () => {
    expect(csl(tricky).issued).toEqual({ 'date-parts': [[2020, 2, 29]] });
    expect(csl({ ...tricky, date: undefined }).issued).toEqual({ literal: 'date not stated' });
  });
});

describe('citations from the site data', () => {
  const site = model();

  it('agree with the download records for every procedure and demand', () => {
    for (const p of site.procedures) {
      const rec = procedureRecord(p, links);
      expect(citableProcedure(procedureFields(p, links))).toEqual(citableProcedure(rec));
      for (const d of p.demands) {
        const dr = demandRecord(site, d, links);
        expect(citableDemand(demandFields(d, p, links), procedureFields(p, links))).toEqual(citableDemand(dr, rec));
      }
    }
  });

  it('all formats are well formed for every demand', () => {
    for (const p of site.procedures) {
      for (const d of p.demands) {
        const c = citableDemand(demandFields(d, p, links), procedureFields(p, links));
        const f = allFormats(c);
        expect(bracesBalanced(f.bibtex), d.id).toBe(true);
        expect(cslErrors((JSON.parse(f.cslJson) as Array<Record<string, unknown>>)[0]!), d.id).toEqual([]);
        for (const l of f.ris.replace(/\n$/, '').split('\n')) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /);
        expect(f.text).toContain(d.reference);
        expect(f.text.endsWith(c.url)).toBe(true);
        // The date, or that it is not stated, stands after the author, before the title.
        const dated = p.adoptedDate && d.documentKind !== 'motion';
        expect(f.text.startsWith(`European Parliament (${dated ? '' : 'date not stated)'}`), d.id).toBe(true);
        expect(f.text.slice(f.text.indexOf(').') + 2)).not.toMatch(/date not stated/);
        // Whose words, where, and the words themselves with the lead-in that governs them.
        expect(f.text).toContain(`“${d.leadIn.text ? `${d.leadIn.text} ` : ''}${d.text}”`);
        if (d.documentKind === 'motion') expect(f.text).toContain('a group’s motion for a resolution, not the adopted text');
        if (d.documentKind === 'summary') expect(f.text).toMatch(/Legislative Observatory’s summary of the adopted text, not Parliament’s wording, summary ¶[\d.]+ \(this site’s numbering\)/);
        if (d.documentKind === 'resolution') expect(f.text).toContain('Parliament’s resolution text, paragraph');
        // The official reference where a source states it, never a motion's.
        if (p.data.adopted?.reference && d.documentKind !== 'motion') expect(f.text).toContain(`Text adopted ${p.data.adopted.reference} (https://www.europarl.europa.eu/`);
        if (d.documentKind === 'motion') expect(f.text).not.toContain('Text adopted');
      }
    }
  });

  it('plain text of a procedure names author, title, reference, date and permalink', () => {
    const p = site.procedures.find((x) => x.adoptedDate && x.data.adopted?.reference)!;
    const t = plainText(citableProcedure(procedureFields(p, links)));
    expect(t.startsWith('European Parliament (')).toBe(true);
    expect(t).toContain(p.title);
    expect(t).toContain(p.reference);
    expect(t).toContain(p.data.adopted!.reference!);
    expect(t.endsWith(links.url(`procedures/${p.slug}/`))).toBe(true);
  });

  it('of 2013 put "date not stated" where the date goes and say no official reference is stated', () => {
    const p = site.bySlug.get('2013-2600')!;
    const t = plainText(citableProcedure(procedureFields(p, links)));
    expect(t).toBe(`European Parliament (date not stated). European Parliament resolution on the human rights situation in Kazakhstan. Procedure 2013/2600(RSP); official text reference not stated. ${links.url('procedures/2013-2600/')}`);
  });
});

describe('links in citations', () => {
  const site = model();
  const d = site.demandById.get('2021-2544-summary-5-3-1')!;
  const p = site.bySlug.get(d.slug)!;
  const formats = (l: typeof links) => allFormats(citableDemand(demandFields(d, p, l), procedureFields(p, l)));

  it('are absolute URLs on SITE_URL, base included, in every format', () => {
    const f = formats(makeLinks('/kz/', 'https://example.org'));
    const url = 'https://example.org/kz/procedures/2021-2544/#demand-2021-2544-summary-5-3-1';
    expect(f.text.endsWith(` ${url}`)).toBe(true);
    expect(f.bibtex).toContain(`url = {${url}}`);
    expect(f.ris).toContain(`UR  - ${url}`);
    expect(JSON.parse(f.cslJson)[0].URL).toBe(url);
  });

  it('are paths from the host root without SITE_URL, which the build warns about once', () => {
    const relative = makeLinks('/kz/', undefined);
    const f = formats(relative);
    const path = '/kz/procedures/2021-2544/#demand-2021-2544-summary-5-3-1';
    expect(f.text.endsWith(` ${path}`)).toBe(true);
    expect(f.bibtex).toContain(`url = {${path}}`);
    expect(JSON.parse(f.cslJson)[0].URL).toBe(path);
    const lines: string[] = [];
    warnRelativeLinks(makeLinks('/', 'https://example.org'), (l) => lines.push(l));
    expect(lines).toEqual([]);
    warnRelativeLinks(relative, (l) => lines.push(l));
    warnRelativeLinks(relative, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SITE_URL is not set/);
  });
});
