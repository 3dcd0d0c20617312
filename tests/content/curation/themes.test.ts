// Every theme tag of every demand rests on the demand's own words (or the verbatim lead-in that
// governs it, or what its paragraph says before it): a tag whose theme the text never names is an
// editorial claim the source does not support. Each theme lists the words that name it; a tag with none of them fails, naming the demand.
import { describe, expect, it } from 'vitest';
import { model } from '../../helpers/model.ts';

const EU_SIDE = new Set(['eu', 'eeas', 'commission', 'member-states', 'eu-delegation', 'vp-hr', 'council']);

/** Words that name each theme in a demand's text. */
const NAMED_BY: Record<string, RegExp> = {
  'political-prisoners': /political prisoner|politically motivated|release|rehabilitat|arbitrary detention|quash the convictions of activists/i,
  'freedom-of-expression-media': /express|speech|journalist|blogger|media|libel|defamation|spreading information|critic|discord/i,
  'internet-access-information': /internet|online|website|access to information/i,
  'assembly-association': /assembly|association|protester|trade union/i,
  'trade-unions-labour': /trade union|labour|worker/i,
  'torture-detention': /tortur|ill treatment|ill-treatment|prison|detention conditions/i,
  'fair-trial-judiciary': /trial|judiciary|impartial review/i,
  'criminal-law-reform': /criminal|article \d+/i,
  'freedom-of-religion': /religio/i,
  'elections-political-pluralism': /election|electoral|opposition|candidate|political repression|political system|multi-party|parliamentarism/i,
  'civil-society-hrds': /civil society|human rights (defender|activist)|activist|NGO|lawyer/i,
  'womens-rights-gbv': /women|domestic violence/i,
  'lgbti-rights': /LGBTI/,
  'privacy-surveillance': /personal data|data protection|surveillance/i,
  'minorities-refugees': /minorit|ethnic/i,
  'eu-kazakhstan-relations': /EPCA|Partnership and Cooperation|dialogues|bilateral/i,
  'rule-of-law-international-commitments': /rule of law|international|OSCE|commitments|Venice Commission|EPCA|UN Special Rapporteur/i,
  'national-human-rights-framework': /Action Plan|national torture prevention mechanism/i,
};

describe('theme tags', () => {
  const site = model();

  it('name a theme of the list above for every theme there is', () => {
    expect(Object.keys(NAMED_BY).sort()).toEqual(site.themes.map((t) => t.id).filter((t) => t !== 'eu-monitoring-support').sort());
  });

  it.each(site.demands.map((d) => [d.id, d] as const))('of %s rest on its words', (_, d) => {
    // The demand's words, the lead-in that governs it, and what comes before it in its paragraph
    // ("… the reform of Article 164 …, and calls on the EEAS to undertake close monitoring of the reform").
    const item = site.bySlug.get(d.slug)!.items.get(d.anchor)!;
    const words = `${d.leadIn.text} ${item.text.slice(0, d.start + d.text.length)}`;
    for (const t of d.themes) {
      if (t === 'eu-monitoring-support') {
        // What the EU side is asked to do: the demand must be addressed to it.
        expect(d.addressees.some((a) => EU_SIDE.has(a)), `${d.id} is tagged ${t} but asks nothing of the EU side`).toBe(true);
      } else {
        expect(NAMED_BY[t]!.test(words), `${d.id} is tagged ${t}, which its words do not name: “${d.text}”`).toBe(true);
      }
    }
  });

  it('leave out what the words do not support (reviewed for issue 12)', () => {
    const themes = (id: string) => site.demandById.get(id)!.themes;
    // "view criticisms not as a threat but as a constructive tool … improve policies and inclusiveness"
    expect(themes('2013-2600-para-3-2')).not.toContain('elections-political-pluralism');
    // "invites the Kazakh authorities to collaborate with NGOs": no plan or mechanism named
    expect(themes('2013-2600-para-14-3')).not.toContain('national-human-rights-framework');
    // "quash the convictions of bloggers": not said to be jailed, nor politically motivated
    expect(themes('2016-2607-summary-4-1')).not.toContain('political-prisoners');
  });
});
