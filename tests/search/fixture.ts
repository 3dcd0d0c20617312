/** A small hand-made corpus for the search tests (texts modelled on the sources): demands, and one or two items of every other kind. */
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
    what: 'demand',
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

const procedureOf = (slug: string) => ({ procedure: PROC[slug]!.procedure, slug, year: PROC[slug]!.year, title: PROC[slug]!.title });
const none = { themes: [], themeLabels: [], addressees: [], addresseeLabels: [], people: [], provisions: [] };

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

/** One or two of every other kind of item. */
export const OTHER_ITEMS: SearchDoc[] = [
  {
    id: '2013-2600#para-7',
    what: 'paragraph',
    text: 'Calls on the Kazakh authorities to guarantee detention conditions that conform to international standards and to allow adequate medical treatment for all prisoners, including the opposition leader Vladimir Kozlov;',
    ...procedureOf('2013-2600'),
    documentKind: 'resolution',
    place: 'paragraph 7',
    ...none,
    themes: ['detention'],
    themeLabels: [T['detention']!],
    people: KOZLOV,
    url: 'procedures/2013-2600/#para-7',
  },
  {
    id: '2013-2600#recital-d',
    what: 'recital',
    text: 'whereas 2012 saw an overt crackdown on government critics in the wake of the Zhanaozen violence in December 2011;',
    ...procedureOf('2013-2600'),
    documentKind: 'resolution',
    place: 'recital D',
    ...none,
    url: 'procedures/2013-2600/#recital-d',
  },
  {
    id: 'event:zhanaozen-violence',
    what: 'event',
    heading: 'Zhanaozen violence',
    text: 'in the wake of the Zhanaozen violence in December 2011',
    ...procedureOf('2013-2600'),
    place: 'recital D',
    date: 'December 2011',
    ...none,
    themes: ['torture'],
    themeLabels: [T['torture']!],
    url: 'timeline/2011/#event-zhanaozen-violence',
  },
  {
    id: 'person:bolatbek-blyalov',
    what: 'person',
    heading: 'Bolatbek Blyalov',
    text: 'the human rights defender',
    place: '2016/2607(RSP), summary ¶5.1',
    ...none,
    people: ['Bolatbek Blyalov', 'Blyalov'],
    url: 'people/bolatbek-blyalov/',
  },
  {
    id: 'person:vladimir-kozlov',
    what: 'person',
    heading: 'Vladimir Kozlov',
    text: 'the opposition leader',
    place: '2013/2600(RSP), paragraph 7',
    ...none,
    people: KOZLOV,
    url: 'people/vladimir-kozlov/',
  },
  {
    id: 'theme:torture',
    what: 'theme',
    heading: T['torture']!,
    text: 'Demands to end and investigate ill-treatment in custody.',
    ...none,
    themes: ['torture'],
    themeLabels: [T['torture']!],
    url: 'themes/torture/',
  },
];

/** The demands and the other items. */
export const ALL_ITEMS: SearchDoc[] = [...FIXTURE, ...OTHER_ITEMS];

