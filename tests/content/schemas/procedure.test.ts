import { describe, expect, it } from 'vitest';
import { procedureSchema, isMotion, isSummary, isFullText } from '../../../src/content/schemas/procedure.ts';
import { isoDate, partialDate, documentReference, citedTextReference } from '../../../src/content/schemas/common.ts';

const valid = {
  reference: '2016/2607(RSP)',
  title: 'Resolution on freedom of expression in Kazakhstan',
  procedureFile: {
    source: '000_x.txt',
    type: 'RSP - Resolutions on topical subjects',
    subtype: 'Urgent debate or resolution',
    legalBasis: { label: 'Other legal basis', value: 'Rules of Procedure EP 144' },
    stage: 'Procedure completed',
    subjects: [{ code: '6.10.08', label: 'Fundamental freedoms, human rights, democracy in general' }],
    geographicalArea: ['Kazakhstan'],
    keyEvents: [{ date: new Date('2016-03-10T00:00:00Z'), event: 'Decision by Parliament', reference: 'T8-0083/2016', summary: true }],
    documentationGateway: [{ type: 'Joint motion for resolution', reference: 'RC-B8-0337/2016', date: '2016-03-08' }],
  },
  adopted: { reference: 'T8-0083/2016', date: '2016-03-10', dateSource: 'procedure-file', vote: { for: 598, against: 43, abstentions: 52, source: 'summary-1' } },
  documents: [
    { id: 'summary', kind: 'summary', source: '000_x.txt', heading: 'Resolution on freedom of expression in Kazakhstan' },
    { id: 'motion', kind: 'motion', source: '001_x.txt', heading: 'European Parliament resolution', anchorPrefix: 'motion-' },
  ],
};

const clone = () => structuredClone(valid) as typeof valid & Record<string, unknown>;
const issuesOf = (data: unknown) => {
  const r = procedureSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('procedureSchema', () => {
  it('accepts a complete procedure and folds YAML dates back to ISO days', () => {
    const out = procedureSchema.parse(valid);
    expect(out.procedureFile?.keyEvents[0]?.date).toBe('2016-03-10');
    expect(out.documents.filter(isMotion)).toHaveLength(1);
    expect(out.documents.filter(isSummary)).toHaveLength(1);
    expect(out.documents.filter(isFullText).map((d) => d.id)).toEqual(['motion']);
  });

  it('accepts a procedure with no procedure file and nothing known about adoption', () => {
    const d = clone();
    delete (d as Record<string, unknown>).procedureFile;
    delete (d as Record<string, unknown>).adopted;
    delete (d as Record<string, unknown>).title;
    expect(issuesOf(d)).toEqual([]);
  });

  it('rejects a malformed procedure reference', () => {
    expect(issuesOf({ ...clone(), reference: '2016/607(RSP)' })).toEqual([expect.stringMatching(/^reference: expected a procedure reference/)]);
    expect(issuesOf({ ...clone(), reference: '2016/2607(COD)' })[0]).toMatch(/^reference/);
  });

  it('rejects impossible and malformed dates', () => {
    const d = clone();
    d.procedureFile.keyEvents[0]!.date = '2016-02-31' as never;
    expect(issuesOf(d)).toEqual(['procedureFile.keyEvents.0.date: not a real calendar day']);
    d.procedureFile.keyEvents[0]!.date = '10/03/2016' as never;
    expect(issuesOf(d)[0]).toMatch(/keyEvents.0.date: expected a date written YYYY-MM-DD/);
  });

  it('rejects unknown keys at every level', () => {
    expect(issuesOf({ ...clone(), rapporteur: 'X' })[0]).toMatch(/Unrecognized key.*rapporteur|rapporteur/);
    const d = clone();
    (d.documents[0] as Record<string, unknown>).language = 'en';
    expect(issuesOf(d)[0]).toMatch(/^documents.0/);
  });

  it('rejects document references in the wrong format', () => {
    const d = clone();
    d.procedureFile.documentationGateway[0]!.reference = 'RC8-0337/2016';
    expect(issuesOf(d)[0]).toMatch(/^procedureFile.documentationGateway.0.reference/);
    d.procedureFile.documentationGateway[0]!.reference = 'RC-B8-0337/2016';
    d.adopted.reference = 'TA-8-2016-0083';
    expect(issuesOf(d)[0]).toMatch(/^adopted.reference: expected an adopted-text reference/);
  });

  it('rejects vocabulary it does not know, naming the field', () => {
    const d = clone();
    d.procedureFile.keyEvents[0]!.event = 'Vote in committee' as never;
    expect(issuesOf(d)[0]).toMatch(/^procedureFile.keyEvents.0.event/);
    const e = clone();
    (e.documents[0] as Record<string, unknown>).kind = 'report';
    expect(issuesOf(e)[0]).toMatch(/^documents.0.kind/);
  });

  it('requires a missing field to be present, naming it', () => {
    const d = clone();
    delete (d.documents[0] as Record<string, unknown>).heading;
    expect(issuesOf(d)).toEqual([expect.stringMatching(/^documents.0.heading: /)]);
  });

  it('checks vote sources are item anchors', () => {
    const d = clone();
    d.adopted.vote.source = 'the summary';
    expect(issuesOf(d)[0]).toMatch(/^adopted.vote.source: expected an item anchor/);
  });
});

describe('reference and date formats', () => {
  it('knows the EP document reference formats', () => {
    for (const ok of ['B8-0343/2016', 'RC-B8-0337/2016', 'T8-0083/2016']) expect(documentReference.safeParse(ok).success).toBe(true);
    for (const bad of ['B8-343/2016', 'RC-B8-0337-2016', 'T8_0083/2016', 'P7_TA(2012)0089']) expect(documentReference.safeParse(bad).success).toBe(false);
    expect(citedTextReference.safeParse('P7_TA(2012)0089').success).toBe(true);
    expect(citedTextReference.safeParse('P7_TA(2012)89').success).toBe(false);
  });

  it('accepts dates only as precise as known', () => {
    expect(partialDate.parse('2011')).toBe('2011');
    expect(partialDate.parse('2011-12')).toBe('2011-12');
    expect(partialDate.parse('2011-12-16')).toBe('2011-12-16');
    expect(partialDate.safeParse('2011-13').success).toBe(false);
    expect(partialDate.safeParse('2011-02-30').success).toBe(false);
    expect(isoDate.safeParse('2011-12').success).toBe(false);
  });
});
