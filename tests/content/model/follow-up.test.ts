// What happened next to each demand (src/content/model/follow-up.ts), on the real content: the
// since-then lines name the later asks and the later texts' words, each linked to its passage; the
// curated records are checked against the texts (a demand from a later text; a wrong quote is
// tested end to end in tests/scripts/follow-up-check.test.ts).
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { buildSite } from '../../../src/content/model/build.ts';
import { ContentError } from '../../../src/content/model/errors.ts';
import { model } from '../../helpers/model.ts';

const site = model();
const lineText = (id: string) => site.sinceThen.get(id)!.parts.map((p) => p.text).join('');
const linksOf = (id: string) => site.sinceThen.get(id)!.parts.filter((p) => p.path);

describe('since-then lines', () => {
  it('the 2013 Kozlov demand names its 2016 repetitions, each linked to the demand asking it again', () => {
    const kozlov = site.demands.find((d) => d.slug === '2013-2600' && d.people.includes('vladimir-kozlov') && d.text.includes('release'))!;
    expect(kozlov.id).toBe('2013-2600-para-6-1');
    const line = site.sinceThen.get(kozlov.id)!;
    expect(line.status).toBe('asked-again');
    expect(line.askedAgain).toEqual(expect.arrayContaining(['2016-2607-summary-5-1-1', '2016-2607-motion-para-4-1']));
    // Kozlov by name in 2016 only; the general call to free political prisoners is said apart.
    expect(lineText(kozlov.id)).toMatch(/^Asked again in 2016 \(summary ¶5\.1; motion, paragraph 4\)\. The broader call \(Release of political prisoners\) was asked again in 2019 \(summary ¶4\) and 2021 \(summary ¶5\.3\)\./);
    expect(line.broaderAskedAgain).toEqual(['2019-2610-summary-4-1', '2021-2544-summary-5-3-1']);
    expect(linksOf(kozlov.id).slice(0, 2)).toEqual([
      { text: 'summary ¶5.1', path: 'procedures/2016-2607/#demand-2016-2607-summary-5-1-1' },
      { text: 'motion, paragraph 4', path: 'procedures/2016-2607/#demand-2016-2607-motion-para-4-1' },
    ]);
    expect(line.summary).toBe('Since then: asked again in 2016; the broader call asked again in 2019 and 2021; a step acknowledged; the problem noted again');
  });

  it('never says a demand was asked again when only a broader recurring demand it is on was (Kozlov in 2016)', () => {
    const line = site.sinceThen.get('2016-2607-summary-5-1-1')!;
    expect(line.status).toBe('not-asked-again');
    expect(line.askedAgain).toEqual([]);
    expect(line.summary).toBe('Since then: not asked again; the broader call asked again in 2019 and 2021');
  });

  it('a demand on two recurring demands, neither within the other, is asked again when either is (2019 ¶4: political prisoners and Article 174)', () => {
    const line = site.sinceThen.get('2019-2610-summary-4-1')!;
    expect(line.status).toBe('asked-again');
    expect(line.askedAgain).toEqual(['2021-2544-summary-5-3-1']);
    expect(line.broaderAskedAgain).toEqual([]);
    expect(line.summary).toBe('Since then: asked again in 2021');
  });

  it("the 2016 motion's acknowledgement (paragraph 3) links to the demand it bears on, and that demand's line links back to it", () => {
    const ack = site.followUps.find((f) => f.slug === '2016-2607' && f.anchor === 'motion-para-3')!;
    expect(ack.kind).toBe('acknowledges-progress');
    expect(ack.documentKind).toBe('motion');
    expect(ack.demands).toEqual(['2013-2600-para-6-1']);
    expect(site.sinceThen.get('2013-2600-para-6-1')!.followUps).toContain(ack.id);
    expect(lineText('2013-2600-para-6-1')).toContain('A step acknowledged in 2016 (motion, paragraph 3) and 2019 (summary ¶4).');
    expect(linksOf('2013-2600-para-6-1')).toContainEqual({ text: 'motion, paragraph 3', path: 'procedures/2016-2607/#motion-para-3' });
  });

  it('says when the later texts stop mentioning a demand, and when none mentions it at all', () => {
    expect(lineText('2013-2600-para-17-1')).toBe('Asked again in 2016 (summary ¶7) and 2019 (summary ¶5). The later texts in this collection do not mention it after 2019.');
    expect(lineText('2013-2600-para-14-1')).toBe('The later texts in this collection (2016, 2019 and 2021) neither ask it again nor refer to it.');
    expect(site.sinceThen.get('2013-2600-para-14-1')!.summary).toBe('Since then: not asked again');
    expect(lineText('2019-2610-summary-5-1')).toBe('The later text in this collection (2021) neither asks it again nor refers to it.');
  });

  it('a demand in the newest text says so, and no line ever calls a demand met or resolved', () => {
    const newest = site.procedures.at(-1)!;
    for (const d of newest.demands) {
      expect(site.sinceThen.get(d.id)!.status).toBe('newest');
      expect(lineText(d.id)).toBe(`Asked in the newest text in this collection (${newest.year}): no later text to follow it yet.`);
    }
    expect(site.sinceThen.size).toBe(site.demands.length);
    for (const [id, line] of site.sinceThen) expect(`${line.summary} ${lineText(id)}`, id).not.toMatch(/\b(met|resolved|fulfilled|complied|implemented)\b/i);
  });

  it('names two demands of one paragraph once, as one passage', () => {
    // 2019 summary ¶5 holds two demands on the EU trial-observation thread.
    expect(lineText('2013-2600-para-17-2')).toBe('Asked again in 2019 (summary ¶5). The later texts in this collection do not mention it after 2019.');
  });
});

describe('follow-up records are checked against the texts', () => {
  const withRecord = (patch: Record<string, unknown>) => {
    const { input } = loadContent();
    input.followUp = { ...input.followUp, data: [{ ...input.followUp.data[0]!, ...patch }, ...input.followUp.data.slice(1)] };
    try {
      buildSite(input);
    } catch (e) {
      if (e instanceof ContentError) return e.issues;
      throw e;
    }
    return [];
  };

  it('every record quotes its item verbatim and bears on earlier demands only', () => {
    for (const f of site.followUps) {
      const p = site.bySlug.get(f.slug)!;
      expect(p.items.get(f.anchor)!.text.slice(f.start, f.start + f.quote.length), f.id).toBe(f.quote);
      for (const id of f.demands) expect(site.procedures.indexOf(site.bySlug.get(site.demandById.get(id)!.slug)!), `${f.id} → ${id}`).toBeLessThan(site.procedures.indexOf(p));
    }
  });

  it('refuses a demand that is not from an earlier text, and an unknown one', () => {
    expect(withRecord({ demands: ['2016-2607-summary-5-1-1', '2013-2600-para-99-1'] }).map((i) => `${i.field}: ${i.message}`)).toEqual([
      '[0].demands[0]: "2016-2607-summary-5-1-1" is not from a text before 2016/2607(RSP): a follow-up bears on earlier demands only',
      '[0].demands[1]: unknown demand "2013-2600-para-99-1"',
    ]);
  });
});
