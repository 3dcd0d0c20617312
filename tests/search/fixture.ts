/** A small hand-made corpus for the search tests (texts modelled on the seed documents). */
import type { SearchDoc } from '../../src/search/types.ts';

const T: Record<string, string> = {
  'political-prisoners': 'Political prisoners',
  'fair-trial': 'Fair trial',
  detention: 'Conditions of detention',
  'criminal-law': 'Criminal law reform',
  expression: 'Freedom of expression',
  torture: 'Torture and ill-treatment',
};
const A: Record<string, string> = {
  'kazakh-authorities': 'Kazakh authorities',
  'kazakh-government': 'Government of Kazakhstan',
  eeas: 'European External Action Service',
};

const PROC: Record<string, { procedure: string; year: number; title: string }> = {
  '2013-2600': { procedure: '2013/2600(RSP)', year: 2013, title: 'Resolution on the human rights situation in Kazakhstan' },
  '2016-2607': { procedure: '2016/2607(RSP)', year: 2016, title: 'Resolution on freedom of expression in Kazakhstan' },
  '2019-2610': { procedure: '2019/2610(RSP)', year: 2019, title: 'Resolution on the human rights situation in Kazakhstan' },
  '2021-2544': { procedure: '2021/2544(RSP)', year: 2021, title: 'Resolution on the human rights situation in Kazakhstan' },
};

function doc(
  slug: string,
  anchor: string,
  documentKind: SearchDoc['documentKind'],
  text: string,
  themes: string[],
  addressees: string[],
  people: string[] = [],
  provisions: string[] = [],
): SearchDoc {
  const p = PROC[slug]!;
  const id = `${slug}-${anchor}`;
  return {
    id,
    text,
    procedure: p.procedure,
    slug,
    year: p.year,
    title: p.title,
    documentKind,
    themes,
    themeLabels: themes.map((t) => T[t]!),
    addressees,
    addresseeLabels: addressees.map((a) => A[a]!),
    people,
    provisions,
    url: `procedures/${slug}/#demand-${id}`,
  };
}

const KOZLOV = ['Vladimir Kozlov', 'Kozlov'];

export const FIXTURE: SearchDoc[] = [
  doc(
    '2013-2600',
    'para-6',
    'resolution',
    'Reaffirms its call for the release of all persons convicted on the basis of vague criminal charges which could be considered to be politically motivated, including among others Vladimir Kozlov, Vadim Kurashim and Roza Tuletaeva;',
    ['political-prisoners', 'fair-trial'],
    ['kazakh-authorities'],
    [...KOZLOV, 'Vadim Kuramshin', 'Kurashim', 'Roza Tuletaeva', 'Tuletaeva'],
  ),
  doc(
    '2013-2600',
    'para-7',
    'resolution',
    'Calls on the Kazakh authorities to guarantee detention conditions that conform to international standards and to allow adequate medical treatment for all prisoners, including the opposition leader Vladimir Kozlov;',
    ['detention'],
    ['kazakh-authorities'],
    KOZLOV,
  ),
  doc(
    '2013-2600',
    'para-13',
    'resolution',
    'Reaffirms its call for the reform of Article 164 on ‘inciting social discord’, and calls on the EEAS to undertake close monitoring of the reform;',
    ['criminal-law'],
    ['kazakh-authorities', 'eeas'],
    [],
    ['Article 164', 'Criminal Code Article 164'],
  ),
  doc(
    '2016-2607',
    'motion-para-3',
    'motion',
    'Calls on the authorities to stop <img src=x onerror=alert(1)> the harassment of journalists & "bloggers";',
    ['expression'],
    ['kazakh-authorities'],
  ),
  doc('2016-2607', 'motion-para-4', 'motion', 'Calls for the immediate release of Žanna Tölegenova and of Max Øksnes;', ['political-prisoners'], ['kazakh-authorities'], [
    'Žanna Tölegenova',
    'Tölegenova',
    'Max Øksnes',
  ]),
  doc(
    '2019-2610',
    'summary-4',
    'summary',
    "Members called for the government of Kazakhstan to amend Article 174 of the Criminal Code on 'inciting social, national, clan, racial, class, or religious discord' by narrowing it to prevent arbitrary prosecutions.",
    ['criminal-law', 'expression'],
    ['kazakh-government'],
    [],
    ['Article 174', 'Criminal Code Article 174'],
  ),
  doc(
    '2019-2610',
    'summary-6-5',
    'summary',
    'fulfil its pledges of zero tolerance for torture and ensure that allegations of torture, including those made in the context of the Zhanaozhen events, are fully investigated;',
    ['torture'],
    ['kazakh-government'],
  ),
  doc(
    '2021-2544',
    'summary-5-5',
    'summary',
    "eradicate torture and ill treatment in prisons, respect prisoners' rights, and ensure proper living conditions, hygiene and a safe environment;",
    ['torture', 'detention'],
    ['kazakh-government'],
  ),
  doc(
    '2021-2544',
    'summary-5-9',
    'summary',
    'comply with its pledges of zero tolerance for torture and to ensure that any allegations of torture are fully investigated and those responsible brought to justice.',
    ['torture'],
    ['kazakh-government'],
  ),
  doc(
    '2021-2544',
    'summary-5-2',
    'summary',
    'drop politically motivated charges and end all forms of arbitrary detention, reprisals and harassment against human rights activists, trade unions and journalists;',
    ['political-prisoners', 'expression'],
    ['kazakh-government'],
  ),
];
