import { describe, expect, it } from 'vitest';
import { personSchema, themeSchema } from '../../../src/content/schemas/taxonomy.ts';
import { demandFileSchema, eventSchema, threadSchema } from '../../../src/content/schemas/curation.ts';

describe('curated data schemas', () => {
  it('accepts a person with printed spellings and where the role is stated', () => {
    const p = personSchema.parse({ id: 'vadim-kuramshin', name: 'Vadim Kuramshin', aliases: ['Kurashim'], role: 'the human rights defender', roleSource: { procedure: '2013/2600(RSP)', anchor: 'recital-g' } });
    expect(p.aliases).toEqual(['Kurashim']);
  });

  it('rejects ids that are not kebab-case and unknown keys', () => {
    expect(themeSchema.safeParse({ id: 'Political Prisoners', label: 'x', description: 'y' }).success).toBe(false);
    expect(themeSchema.safeParse({ id: 'x', label: 'x', description: 'y', colour: 'red' }).success).toBe(false);
  });

  it('requires a demand to have an id, at least one addressee and theme, and a valid anchor', () => {
    const base = { procedure: '2013/2600(RSP)', demands: [{ id: '2013-2600-para-3-1', anchor: 'para-3', text: 'Calls on', addressees: ['kz-authorities'], themes: ['x'] }] };
    expect(demandFileSchema.safeParse(base).success).toBe(true);
    const { id: _id, ...withoutId } = base.demands[0]!;
    expect(demandFileSchema.safeParse({ ...base, demands: [withoutId] }).success).toBe(false);
    expect(demandFileSchema.safeParse({ ...base, demands: [{ ...base.demands[0], id: 'para-3-1' }] }).success).toBe(false);
    const r = demandFileSchema.safeParse({ ...base, demands: [{ ...base.demands[0], themes: [] }] });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['demands.0.themes']);
    expect(demandFileSchema.safeParse({ ...base, demands: [{ ...base.demands[0], anchor: 'paragraph 3' }] }).success).toBe(false);
  });

  it('refuses the same demand twice in a file: the same id, or the same text under another id', () => {
    const d = { id: '2013-2600-para-3-1', anchor: 'para-3', text: 'Calls on the authorities', addressees: ['kz-authorities'], themes: ['x'] };
    const issues = (demands: object[]) => {
      const r = demandFileSchema.safeParse({ procedure: '2013/2600(RSP)', demands });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues([d, { ...d, text: 'encourages Kazakhstan' }])).toEqual(["demands.1.id: duplicate demand: the id 2013-2600-para-3-1 is also demands[0]'s"]);
    expect(issues([d, { ...d, id: '2013-2600-para-3-2' }])).toEqual(['demands.1.text: duplicate demand: the same text as demands[0] (ids 2013-2600-para-3-1 and 2013-2600-para-3-2)']);
    expect(issues([d, { ...d }])).toEqual(["demands.1.id: duplicate demand: the id 2013-2600-para-3-1 is also demands[0]'s, with the same text"]);
    expect(issues([d, { ...d, id: '2013-2600-para-3-2', text: 'encourages Kazakhstan' }])).toEqual([]);
  });

  it('requires a thread to hold well-formed demand ids across at least two entries', () => {
    expect(threadSchema.safeParse({ id: 't', title: 'T', description: 'D', demands: ['2013-2600-para-6-1'] }).success).toBe(false);
    expect(threadSchema.safeParse({ id: 't', title: 'T', description: 'D', demands: ['2013-2600-para-6-1', 'kozlov'] }).success).toBe(false);
    expect(threadSchema.safeParse({ id: 't', title: 'T', description: 'D', demands: ['2013-2600-para-6-1', '2016-2607-motion-para-4-1'] }).success).toBe(true);
  });

  it('accepts an event dated to the month and rejects a time of day', () => {
    const e = { id: 'zhanaozen', date: '2011-12', kind: 'violence', title: 'Zhanaozen violence', procedure: '2013/2600(RSP)', anchor: 'recital-d', quote: 'Zhanaozen violence in December 2011' };
    expect(eventSchema.parse(e).date).toBe('2011-12');
    expect(eventSchema.safeParse({ ...e, date: '2011-12-16T10:00' }).success).toBe(false);
    expect(eventSchema.safeParse({ ...e, kind: 'rumour' }).success).toBe(false);
  });
});
