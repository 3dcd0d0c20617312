/**
 * Deterministic SYNTHETIC corpus of European Parliament demands on Kazakhstan, for benchmarks and
 * scale tests only. Never write its output into content/.
 *
 * Everything is marked as synthetic: procedure titles start with "[SYNTHETIC]", references are
 * 9xxx/NNNN(RSP) (no real procedure has a 9xxx year), and every person, outlet and organisation
 * name is composed from syllables by a seeded PRNG (mulberry32), plus a few fixed fictional
 * "anchor" people (e.g. "Viktor Kozlov") that benchmark queries target. Texts recombine the
 * phrasing of real resolutions ("Calls on the Kazakh authorities to release …").
 *
 *   generateSyntheticDocs(procedures, seed?)          → SearchDoc[]: per procedure ≈ 20 demands and
 *                                                       every item of its texts (≈ 28: summary
 *                                                       paragraphs and bullets, citations, recitals,
 *                                                       paragraphs), 3 timeline events (two the
 *                                                       recitals state, the vote), then a person per
 *                                                       planted name and the 18 themes — the shape
 *                                                       src/search/docs.ts gives the real content
 *   generateSyntheticCorpus(procedures, seed?)        → { procedures, docs, truth } (truth = which
 *                                                       docs mention each planted name/phrase: for
 *                                                       people, every item naming them)
 *   generateSyntheticProcedureMarkdown(dir, procedures, seed?) → writes <slug>.md files in the
 *                                                       content format (CONTENT-FORMAT.md)
 *
 * Run directly to write Markdown: node scripts/tools/synthetic/generate.ts --out /tmp/synthetic --procedures 200
 */
import type { SearchDoc, What } from '../../../src/search/types.ts';
import { searchId } from '../../../src/search/layout.ts';
import { itemName } from '../../../src/site/labels.ts';
import { demandPath, eventFragment, itemPath, listingYearPath, personPath, themePath, timelinePath } from '../../../src/site/paths.ts';

// ── PRNG ─────────────────────────────────────────────────────────────────────────────────────────
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.next() * a.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i]!, a[j]!] = [a[j]!, a[i]!];
    }
    return a;
  }
}

// ── vocabularies ─────────────────────────────────────────────────────────────────────────────────
export const THEMES: [string, string][] = [
  ['political-prisoners', 'Political prisoners'],
  ['torture', 'Torture and ill-treatment'],
  ['expression', 'Freedom of expression and media'],
  ['assembly', 'Freedom of peaceful assembly'],
  ['association', 'Freedom of association'],
  ['trade-unions', 'Trade unions and labour rights'],
  ['religion', 'Freedom of religion or belief'],
  ['fair-trial', 'Fair trial and independence of the judiciary'],
  ['civil-society', 'Civil society and NGOs'],
  ['defenders', 'Human rights defenders'],
  ['elections', 'Elections and political participation'],
  ['women', 'Women’s rights and gender-based violence'],
  ['lgbti', 'LGBTI rights'],
  ['minorities', 'Ethnic minorities'],
  ['criminal-law', 'Criminal law reform'],
  ['surveillance', 'Surveillance and digital rights'],
  ['eu-relations', 'EU–Kazakhstan relations'],
  ['detention', 'Conditions of detention'],
];

export const ADDRESSEES: [string, string][] = [
  ['kazakh-authorities', 'Kazakh authorities'],
  ['kazakh-government', 'Government of Kazakhstan'],
  ['kazakh-president', 'President of Kazakhstan'],
  ['kazakh-parliament', 'Parliament of Kazakhstan'],
  ['eeas', 'European External Action Service'],
  ['commission', 'European Commission'],
  ['council', 'Council of the EU'],
  ['member-states', 'Member States'],
  ['eu-delegation', 'EU Delegation in Astana'],
  ['vp-hr', 'VP/HR'],
  ['osce', 'OSCE/ODIHR'],
  ['eusr', 'EU Special Representative for Human Rights'],
];

const AUTH: [string, string][] = [
  ['the Kazakh authorities', 'kazakh-authorities'],
  ['the Kazakh authorities', 'kazakh-authorities'],
  ['the Government of Kazakhstan', 'kazakh-government'],
  ['the Kazakhstan authorities', 'kazakh-authorities'],
  ['Kazakhstan', 'kazakh-government'],
  ['the Parliament of Kazakhstan', 'kazakh-parliament'],
];

const CITIES = ['Almaty', 'Astana', 'Nur-Sultan', 'Zhanaozen', 'Shymkent', 'Karaganda', 'Aktobe', 'Aktau', 'Oral', 'Taraz', 'Semey', 'Pavlodar', 'Atyrau', 'Kyzylorda', 'Öskemen', 'Taldykorgan'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Provisions: [label, aliases…]; the first ones are common, the generator also makes rare ones. */
const COMMON_PROVISIONS: string[][] = [
  ['Article 174', 'Criminal Code Article 174', 'Article 174 of the Criminal Code'],
  ['Article 274', 'Criminal Code Article 274', 'Article 274 of the Criminal Code'],
  ['Article 405', 'Criminal Code Article 405', 'Article 405 of the Criminal Code'],
  ['Article 164', 'Criminal Code Article 164', 'Article 164 of the Criminal Code'],
  ['Article 130', 'Criminal Code Article 130', 'Article 130 of the Criminal Code'],
];

const GIVEN_M = ['Serik', 'Nurlan', 'Yerlan', 'Askar', 'Daulet', 'Bakhyt', 'Marat', 'Talgat', 'Zhanbolat', 'Ermek', 'Arman', 'Dauren', 'Bolat', 'Murat', 'Kanat', 'Almas', 'Ruslan', 'Timur', 'Aidos', 'Baurzhan', 'Nurbek', 'Galym', 'Oleg', 'Dmitri', 'Igor', 'Sergei', 'Yuri', 'Ömir', 'Şokan', 'Ğani', 'Ýerlan', 'Äset', 'Sänjar'];
const GIVEN_F = ['Aigerim', 'Zhanna', 'Dinara', 'Gulnara', 'Saule', 'Aliya', 'Roza', 'Asel', 'Madina', 'Botagoz', 'Ainur', 'Zhuldyz', 'Elena', 'Natalia', 'Olga', 'Ayaulym', 'Äigerim', 'Gülnar', 'Şolpan', 'Ğaliya', 'Dana', 'Kamila'];
const SYL_A = ['Zhak', 'Tur', 'Nur', 'Bek', 'Ser', 'Kas', 'Bai', 'Ash', 'Dos', 'Kul', 'Sar', 'Tok', 'Esen', 'Mukh', 'Zhum', 'Ab', 'Ak', 'Kar', 'Mam', 'Ora', 'Sei', 'Tle', 'Ysk', 'Öm', 'Täl', 'Qas', 'Şal', 'Ğab', 'Kön', 'Üs', 'Ert', 'Zhol', 'Kop', 'Bal', 'Ys', 'Dzh', 'Mol', 'Shal', 'Tas', 'Kem'];
const SYL_B = ['an', 'ar', 'ym', 'eke', 'ib', 'ur', 'aly', 'en', 'ash', 'ir', 'ay', 'ul', 'im', 'er', 'ak', 'yn', 'ez', 'ag', 'at', 'ös', 'ük', 'ıb', 'ğan', 'bek', 'gal', 'zhan', 'tai', 'mukh', 'sar', 'dyr'];
const SUF_M = ['ov', 'ayev', 'bekov', 'uly', 'enko', 'in', 'yev', 'baev', 'ov', 'ev'];
const SUF_F = ['ova', 'ayeva', 'bekova', 'qyzy', 'kyzy', 'ina', 'yeva', 'baeva', 'ova', 'eva'];

const OUTLET_A = ['Qazaq', 'Dala', 'Ashyq', 'Jaña', 'Erkin', 'Tär', 'Aq', 'Ulı', 'Saryarqa', 'Bolashaq', 'Altyn', 'Kök', 'Jel', 'Tañ', 'Aqiqat'];
const OUTLET_B = ['Ünı', 'Times', 'Alan', 'Ömir', 'Kuryer', 'Vestnik', 'Zaman', 'Sözi', 'Press', 'Obozrenie', 'Daily', 'Tribune', 'Khabar', 'Jarshy', 'Dauysy'];
const ORG_A = ['Bureau', 'Centre', 'Foundation', 'Committee', 'League', 'Coalition', 'Network', 'Union', 'Council', 'Initiative'];
const ORG_B = ['for Civic Freedoms', 'for Legal Aid', 'for the Protection of Journalists', 'of Human Rights Lawyers', 'for Prison Monitoring', 'for Free Elections', 'of Independent Workers', 'for Women’s Rights', 'for Religious Liberty', 'for Digital Rights'];
const UNIONS = ['the Confederation of Independent Trade Unions', 'the Oil Workers’ Union', 'the Miners’ Independent Union', 'the Teachers’ Solidarity Union', 'the Union of Health Workers'];
const REL_GROUPS = ['Jehovah’s Witnesses', 'Protestant communities', 'independent Muslim communities', 'the Council of Churches Baptists', 'Ahmadi Muslims', 'Hare Krishna devotees'];
const GROUPS = ['EPP', 'S&D', 'Renew', 'Greens/EFA', 'ECR', 'ID', 'The Left', 'ALDE', 'GUE/NGL', 'EFDD'];

/** Fixed fictional anchor people that benchmark queries target (all synthetic). */
export const ANCHORS: { name: string; aliases: string[]; rate: number }[] = [
  { name: 'Viktor Kozlov', aliases: ['Kozlov', 'Viktor Kozlóv'], rate: 0.03 },
  { name: 'Žanna Tölegenova', aliases: ['Zhanna Tolegenova', 'Tölegenova'], rate: 0.02 },
  { name: 'Serik Ömirbaev', aliases: ['Serik Omirbayev', 'Ömirbaev'], rate: 0.02 },
  { name: 'Ayaulym Qasymova', aliases: ['Ayaulym Kasymova', 'Qasymova'], rate: 0.015 },
  { name: 'Bolat Nurğaliev', aliases: ['Bolat Nurgaliyev', 'Nurğaliev'], rate: 0.015 },
];

interface Person {
  name: string;
  aliases: string[];
}

/** A demand "core": its text after the verb, the slots it fills, and its themes. */
interface Core {
  text: string; // with slots {PERSON} {PERSON2} {ARTICLE} {CITY} {OUTLET} {ORG} {UNION} {RELGROUP} {DATE}
  themes: string[];
  /** fixed addressees (EU side) replace the Kazakh authority */
  to?: [string, string][];
}

const CORES: Core[] = [
  { text: 'immediately and unconditionally release {PERSON} and all other political prisoners, and drop all politically motivated charges against them', themes: ['political-prisoners'] },
  { text: 'release {PERSON}, who was sentenced to {YEARS} years in prison on charges of ‘inciting social discord’', themes: ['political-prisoners', 'fair-trial'] },
  { text: 'amend {ARTICLE} of the Criminal Code on ‘inciting social, national, clan, racial, class or religious discord’ by narrowing it to prevent arbitrary prosecutions', themes: ['criminal-law', 'expression'] },
  { text: 'repeal {ARTICLE} of the Criminal Code, which broadly prohibits ‘spreading information known to be false’, and release the journalists detained under it, including {PERSON}', themes: ['criminal-law', 'expression', 'political-prisoners'] },
  { text: 'conduct a thorough, independent and impartial investigation into the allegations of torture and ill-treatment of {PERSON} in pre-trial detention in {CITY}, and bring those responsible to justice', themes: ['torture', 'detention'] },
  { text: 'fulfil its pledges of zero tolerance for torture and ensure that allegations of torture, including those made in the context of the events in {CITY}, are fully investigated', themes: ['torture'] },
  { text: 'eradicate torture and ill-treatment in prisons, respect prisoners’ rights and ensure proper living conditions and access to adequate medical care, including for {PERSON}', themes: ['torture', 'detention'] },
  { text: 'end the harassment of independent journalists, including those working for {OUTLET}, and cease blocking access to information both online and offline', themes: ['expression'] },
  { text: 'lift the ban on {OUTLET} and allow its journalists to exercise their profession without fear of reprisals', themes: ['expression'] },
  { text: 'place a moratorium on criminal libel, decriminalise defamation and establish a cap on civil defamation awards', themes: ['expression', 'criminal-law'] },
  { text: 'allow {ORG} to register and operate without interference, and review the Law on Public Associations and the conditions for access to foreign funding', themes: ['association', 'civil-society'] },
  { text: 'end the crackdown on independent trade unions, including {UNION}, and cease the politically motivated prosecution of trade union leaders such as {PERSON}', themes: ['trade-unions', 'political-prisoners'] },
  { text: 'respect the right of workers to form independent labour unions, conduct strikes and bargain collectively, in accordance with its obligations under the ILO conventions', themes: ['trade-unions'] },
  { text: 'guarantee the right to freedom of peaceful assembly, stop the detention of peaceful protesters in {CITY} and revise the Law on Peaceful Assemblies', themes: ['assembly'] },
  { text: 'put an end to reprisals against human rights defenders, such as {PERSON} of {ORG}, and guarantee their physical and psychological integrity', themes: ['defenders', 'civil-society'] },
  { text: 'drop all charges against the human rights defender {PERSON} and end the travel ban imposed on {PERSON2}', themes: ['defenders'] },
  { text: 'review its legislation on religion and ease restrictions on the registration and practice of religion, including for {RELGROUP}', themes: ['religion'] },
  { text: 'implement the recommendations of the OSCE/ODIHR election observation mission to the elections of {DATE} and respect the activity of independent candidates', themes: ['elections'] },
  { text: 'allow the registration of opposition parties and ensure that {PERSON} can stand as a candidate without harassment', themes: ['elections', 'political-prisoners'] },
  { text: 'combat all forms of violence against women, including by criminalising domestic violence as a stand-alone offence, and ensure criminal sanctions against perpetrators', themes: ['women'] },
  { text: 'guarantee that the LGBTI community will not face any discrimination and repeal the draft law on ‘LGBT propaganda’', themes: ['lgbti'] },
  { text: 'ensure the safety of ethnic Kazakhs and other minority groups who have fled China’s internment camps, and not deport {PERSON} to China', themes: ['minorities'] },
  { text: 'limit the use of invasive digital surveillance technologies, including face recognition, and introduce proper safeguards for personal data', themes: ['surveillance'] },
  { text: 'stop the forced psychiatric treatment of {PERSON} and other critics of the government', themes: ['torture', 'detention', 'defenders'] },
  { text: 'guarantee detention conditions that conform to international standards and allow adequate medical treatment for all prisoners, including {PERSON}', themes: ['detention', 'political-prisoners'] },
  { text: 'ensure the independence of the judiciary, guarantee the right to a fair trial and allow lawyers to defend their clients, including {PERSON}, without intimidation', themes: ['fair-trial'] },
  { text: 'grant {PERSON} a full rehabilitation and compensation for the years spent in prison', themes: ['political-prisoners', 'fair-trial'] },
  { text: 'monitor closely the trial of {PERSON} and attend the court hearings in {CITY}', themes: ['fair-trial', 'eu-relations'], to: [['the EEAS and the EU Delegation in Astana', 'eeas'], ['the EU Delegation in Astana', 'eu-delegation']] },
  { text: 'raise the cases of {PERSON} and {PERSON2} at the next EU–Kazakhstan Cooperation Council and in all bilateral meetings', themes: ['eu-relations', 'political-prisoners'], to: [['the Commission and the Member States', 'commission'], ['the VP/HR', 'vp-hr'], ['the Council', 'council']] },
  { text: 'carry out a comprehensive review of the Enhanced Partnership and Cooperation Agreement in the light of recent developments', themes: ['eu-relations'], to: [['the Commission and the VP/HR', 'commission'], ['the VP/HR', 'vp-hr']] },
  { text: 'expand financial support to civil society organisations that promote human rights and the rule of law in Kazakhstan, including {ORG}', themes: ['civil-society', 'eu-relations'], to: [['the Commission', 'commission'], ['the Member States', 'member-states']] },
  { text: 'visit {PERSON} in prison in {CITY} and report back to Parliament', themes: ['political-prisoners', 'eu-relations'], to: [['the EU Special Representative for Human Rights', 'eusr'], ['the EU Delegation in Astana', 'eu-delegation']] },
  { text: 'pardon {PERSON} on humanitarian grounds', themes: ['political-prisoners'], to: [['the President of Kazakhstan', 'kazakh-president']] },
  { text: 'deploy a full election observation mission for the elections of {DATE}', themes: ['elections'], to: [['the OSCE/ODIHR', 'osce']] },
];

const RES_VERBS = ['Calls on', 'Urges', 'Strongly urges', 'Reiterates its call on', 'Calls once again on', 'Insists that', 'Demands that'];
const SUM_VERBS = ['Parliament called on', 'Members urged', 'Parliament urged', 'The resolution called on', 'Members called on'];
const TAILS = ['', '', '', ' as a matter of urgency', ' without delay', ' in line with its international human rights commitments', ' in accordance with the principles of the Enhanced Partnership and Cooperation Agreement', ' in line with the recommendations of the UN Human Rights Committee', ' before the next human rights dialogue'];

const TITLES = [
  'Resolution on the human rights situation in Kazakhstan',
  'Resolution on freedom of expression in Kazakhstan',
  'Resolution on the case of {PERSON} in Kazakhstan',
  'Resolution on the crackdown on civil society in Kazakhstan',
  'Resolution on the situation of trade unions in Kazakhstan',
  'Resolution on the events in {CITY}, Kazakhstan',
];

export interface SyntheticDocument {
  /** document id within the procedure file: summary | resolution | motion */
  id: 'summary' | 'resolution' | 'motion';
  kind: SearchDoc['documentKind'];
  heading: string;
  dateline?: string;
  anchorPrefix?: string;
  /** summary: paragraphs, each optionally followed by bullets */
  paragraphs?: { text: string; bullets: string[] }[];
  /** resolution/motion */
  citations?: string[];
  recitals?: string[];
  numbered?: string[];
}

export interface SyntheticProcedure {
  reference: string;
  slug: string;
  year: number;
  date: string; // YYYY-MM-DD
  title: string;
  documents: SyntheticDocument[];
}

export interface SyntheticTruth {
  /** every planted person (anchors and per-procedure people) → docs whose people field names them */
  people: { name: string; aliases: string[]; docIds: string[] }[];
  outlets: { name: string; docIds: string[] }[];
  provisions: { label: string; docIds: string[] }[];
}

export interface SyntheticCorpus {
  procedures: SyntheticProcedure[];
  docs: SearchDoc[];
  truth: SyntheticTruth;
}

function genSurname(rng: Rng, female: boolean): string {
  const root = rng.pick(SYL_A) + (rng.chance(0.7) ? rng.pick(SYL_B) : '');
  return root + rng.pick(female ? SUF_F : SUF_M);
}

/** How the texts describe a synthetic person (a person's doc quotes one). */
const ROLES = ['the human rights defender', 'the opposition politician', 'the independent journalist', 'the trade union leader', 'the civil society activist'];

/** A person's page id: their name without diacritics, lower-case, hyphenated. */
const personId = (name: string) => stripDiacritics(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** An anchor in plain words, as the site names it ("paragraph 3", "recital B", "summary ¶4.2"). */
function placeOf(anchor: string): string {
  let m = /^para-(\d+)$/.exec(anchor);
  if (m) return itemName('para', m[1]!, anchor);
  if ((m = /^recital-([a-z])$/.exec(anchor))) return itemName('recital', m[1]!.toUpperCase(), anchor);
  if ((m = /^citation-(\d+)$/.exec(anchor))) return itemName('citation', m[1]!, anchor);
  if ((m = /^summary-(\d+)-(\d+)$/.exec(anchor))) return itemName('bullet', `${m[1]}-${m[2]}`, anchor);
  return itemName('summary', '', anchor);
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i');
}

/** Generates the corpus: `procedures` procedures of ≈ 20 demands, deterministic for a seed. */
export function generateSyntheticCorpus(procedures: number, seed = 1): SyntheticCorpus {
  const rng = new Rng(seed);
  const usedNames = new Set<string>();
  const usedRefs = new Set<string>();
  const procs: SyntheticProcedure[] = [];
  const docs: SearchDoc[] = [];
  const peopleTruth = new Map<string, { name: string; aliases: string[]; docIds: string[] }>();
  const outletTruth = new Map<string, string[]>();
  const provisionTruth = new Map<string, string[]>();
  for (const a of ANCHORS) {
    usedNames.add(a.name);
    peopleTruth.set(a.name, { name: a.name, aliases: a.aliases, docIds: [] });
  }
  const themeLabel = new Map(THEMES);
  const addrLabel = new Map(ADDRESSEES);

  const newPerson = (): Person => {
    for (;;) {
      const female = rng.chance(0.4);
      const given = rng.pick(female ? GIVEN_F : GIVEN_M);
      const surname = genSurname(rng, female);
      const name = `${given} ${surname}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const plain = stripDiacritics(name);
      const aliases = [surname];
      if (plain !== name) aliases.push(plain);
      peopleTruth.set(name, { name, aliases, docIds: [] });
      return { name, aliases };
    }
  };
  let outletSeq = 0;
  const newOutlet = (): string => {
    outletSeq++;
    return `${rng.pick(OUTLET_A)} ${rng.pick(OUTLET_B)}${rng.chance(0.5) ? '' : ' ' + (outletSeq % 97)}`;
  };

  for (let p = 0; p < procedures; p++) {
    const year = 2004 + Math.floor((p * 22) / Math.max(1, procedures)) + (procedures < 22 ? rng.int(0, 3) : 0);
    let reference = '';
    let num = 0;
    do {
      num = rng.int(2500, 2999);
      reference = `9${String(year % 1000).padStart(3, '0')}/${num}(RSP)`;
    } while (usedRefs.has(reference));
    usedRefs.add(reference);
    const slug = `9${String(year % 1000).padStart(3, '0')}-${num}`;
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

    // cast: 2-3 procedure people, maybe anchors, 1 outlet, 1 org, a rare provision
    const cast: Person[] = [newPerson(), newPerson()];
    if (rng.chance(0.5)) cast.push(newPerson());
    for (const a of ANCHORS) if (rng.chance(a.rate * 4)) cast.push({ name: a.name, aliases: a.aliases });
    const outlet = newOutlet();
    const org = `${rng.pick(ORG_A)} ${rng.pick(ORG_B)}${rng.chance(0.3) ? ' in ' + rng.pick(CITIES) : ''}`;
    let rareNum = rng.int(100, 480);
    while ([174, 274, 405, 164, 130].includes(rareNum)) rareNum++;
    const rareArticle = [`Article ${rareNum}`, `Criminal Code Article ${rareNum}`, `Article ${rareNum} of the Criminal Code`];
    const city = rng.pick(CITIES);
    const titleTpl = rng.pick(TITLES);
    const title = '[SYNTHETIC] ' + titleTpl.replace('{PERSON}', cast[0]!.name).replace('{CITY}', city);

    const fill = (core: Core) => {
      const people: Person[] = [];
      const provisions: string[] = [];
      let outletUsed = false;
      const pickPerson = () => {
        const pool = cast.filter((c) => !people.includes(c));
        const person = (rng.chance(0.7) ? pool[0] ?? cast[0] : rng.pick(pool.length ? pool : cast))!;
        people.push(person);
        return person.name;
      };
      let text = core.text
        .replace('{PERSON}', () => pickPerson())
        .replace('{PERSON2}', () => pickPerson())
        .replace('{ARTICLE}', () => {
          const prov = rng.chance(0.75) ? rng.pick(COMMON_PROVISIONS) : rareArticle;
          provisions.push(...prov);
          return prov[0]!;
        })
        .replace('{CITY}', () => (rng.chance(0.6) ? city : rng.pick(CITIES)))
        .replace('{OUTLET}', () => {
          outletUsed = true;
          return `‘${outlet}’`;
        })
        .replace('{ORG}', () => `the ${org}`)
        .replace('{UNION}', () => rng.pick(UNIONS))
        .replace('{RELGROUP}', () => rng.pick(REL_GROUPS))
        .replace('{YEARS}', () => String(rng.int(3, 12)))
        .replace('{DATE}', () => `${rng.int(1, 28)} ${rng.pick(MONTHS)} ${year + rng.int(0, 1)}`);
      text += rng.pick(TAILS);
      return { text, people, provisions, outletUsed };
    };

    interface Demand {
      anchor: string;
      kind: SearchDoc['documentKind'];
      text: string;
      themes: string[];
      addressees: string[];
      people: Person[];
      provisions: string[];
      outletUsed: boolean;
    }
    const demands: Demand[] = [];
    // A procedure never holds the same demand twice (the content check refuses it): a draw that
    // repeats an earlier demand's words is drawn again.
    const said = new Set<string>();
    const fresh = <T extends { text: string }>(draw: () => T): T => {
      for (let i = 0; ; i++) {
        const x = draw();
        if (!said.has(x.text) || i > 50) return said.add(x.text), x;
      }
    };
    const pickCore = () => rng.pick(CORES);
    const addressee = (core: Core): [string, string] => (core.to ? rng.pick(core.to) : rng.pick(AUTH));

    // summary document
    const paragraphs: { text: string; bullets: string[] }[] = [];
    const groups = rng.shuffle([...GROUPS]).slice(0, rng.int(3, 7));
    paragraphs.push({ text: `The European Parliament adopted a resolution on ${title.replace('[SYNTHETIC] Resolution on ', '')}. [SYNTHETIC TEXT]`, bullets: [] });
    paragraphs.push({ text: `The resolution was tabled by the ${groups.join(', ')} groups.`, bullets: [] });
    const nSumParas = rng.int(1, 2);
    for (let i = 0; i < nSumParas; i++) {
      const { core, addr, f, text } = fresh(() => {
        const core = pickCore();
        const [who, addr] = addressee(core);
        const f = fill(core);
        return { core, addr, f, text: `${rng.pick(SUM_VERBS)} ${who} to ${f.text}.` };
      });
      paragraphs.push({ text, bullets: [] });
      demands.push({ anchor: `summary-${paragraphs.length}`, kind: 'summary', text, themes: core.themes, addressees: [addr], people: f.people, provisions: f.provisions, outletUsed: f.outletUsed });
    }
    const urgedCore = pickCore();
    const [urgedWho, urgedAddr] = urgedCore.to ? ['the Government of Kazakhstan', 'kazakh-government'] : addressee(urgedCore);
    paragraphs.push({ text: `The resolution urged ${urgedWho} to:`, bullets: [] });
    const intro = paragraphs[paragraphs.length - 1];
    const nBullets = rng.int(5, 9);
    for (let b = 0; b < nBullets; b++) {
      const { core, f, text } = fresh(() => {
        let core = pickCore();
        while (core.to) core = pickCore();
        const f = fill(core);
        return { core, f, text: `${f.text};` };
      });
      intro!.bullets.push(text);
      demands.push({ anchor: `summary-${paragraphs.length}-${b + 1}`, kind: 'summary', text, themes: core.themes, addressees: [urgedAddr], people: f.people, provisions: f.provisions, outletUsed: f.outletUsed });
    }
    const documents: SyntheticDocument[] = [
      {
        id: 'summary',
        kind: 'summary',
        heading: title,
        dateline: `${reference} - ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year} - Text adopted by Parliament, single reading`,
        paragraphs,
      },
    ];

    // full text: resolution (older) or motion
    const fullKind: 'resolution' | 'motion' = rng.chance(0.6) ? 'motion' : 'resolution';
    const prefix = fullKind === 'motion' ? 'motion-' : '';
    const citations = [
      `having regard to its previous resolutions on Kazakhstan, including those of ${rng.int(1, 28)} ${rng.pick(MONTHS)} ${year - rng.int(1, 4)}`,
      `having regard to the Enhanced Partnership and Cooperation Agreement between the EU and Kazakhstan`,
      `having regard to Rules 144(5) and 132(4) of its Rules of Procedure`,
    ];
    const recitals = [
      `whereas on ${rng.int(1, 28)} ${rng.pick(MONTHS)} ${year} ${cast[0]!.name} was detained in ${city} on charges of ‘inciting social discord’;`,
      `whereas ${outlet} was banned on charges of extremism, with the effect that its journalists were prevented from exercising their profession;`,
      `whereas civil society and human rights activists continue to face reprisals and restrictions in their activities;`,
    ];
    const numbered: string[] = [];
    const nNum = Math.max(6, 20 - demands.length + rng.int(-1, 1));
    for (let i = 0; i < nNum; i++) {
      const { core, addr, f, text } = fresh(() => {
        const core = pickCore();
        const [who, addr] = addressee(core);
        const f = fill(core);
        const verb = rng.pick(RES_VERBS);
        return { core, addr, f, text: verb.endsWith('that') ? `${verb} ${who} ${f.text};` : `${verb} ${who} to ${f.text};` };
      });
      numbered.push(text);
      demands.push({ anchor: `${prefix}para-${i + 1}`, kind: fullKind, text, themes: core.themes, addressees: [addr], people: f.people, provisions: f.provisions, outletUsed: f.outletUsed });
    }
    documents.push({
      id: fullKind,
      kind: fullKind,
      heading: `[SYNTHETIC] European Parliament ${fullKind === 'motion' ? 'motion for a resolution' : 'resolution'} on ${title.replace('[SYNTHETIC] Resolution on ', '')}`,
      dateline: `(${reference})`,
      anchorPrefix: prefix || undefined,
      citations,
      recitals,
      numbered,
    });
    procs.push({ reference, slug, year, date, title, documents });

    // every name a text prints, per anchor (for the people field of items and events)
    const named = new Map<string, Person[]>();
    const name = (anchor: string, person: Person) => {
      const l = named.get(anchor) ?? [];
      if (!l.includes(person)) l.push(person);
      named.set(anchor, l);
    };
    const spellings = (people: Person[]) => [...new Set(people.flatMap((person) => [person.name, ...person.aliases]))];
    const credit = (person: Person, id: string) => {
      const t = peopleTruth.get(person.name)!;
      if (!t.docIds.includes(id)) t.docIds.push(id);
    };
    const ofProcedure = { procedure: reference, slug, year, title };
    const labelled = (themes: string[], addressees: string[]) => ({
      themes,
      themeLabels: themes.map((t) => themeLabel.get(t)!),
      addressees,
      addresseeLabels: addressees.map((a) => addrLabel.get(a)!),
    });

    const leadIns = new Map<string, string>();
    paragraphs.forEach((para, i) => para.bullets.forEach((_, b) => leadIns.set(`summary-${i + 1}-${b + 1}`, para.text)));
    for (const d of demands) {
      const id = `${slug}-${d.anchor}`;
      for (const person of d.people) {
        credit(person, id);
        name(d.anchor, person);
      }
      const provisions = [...new Set(d.provisions)];
      if (provisions.length) {
        const key = provisions[0]!;
        const l = provisionTruth.get(key) ?? [];
        l.push(id);
        provisionTruth.set(key, l);
      }
      if (d.outletUsed) {
        const l = outletTruth.get(outlet) ?? [];
        l.push(id);
        outletTruth.set(outlet, l);
      }
      docs.push({
        id,
        what: 'demand',
        text: d.text,
        leadIn: d.kind === 'summary' ? (leadIns.get(d.anchor) ?? '') : 'The European Parliament,',
        ...ofProcedure,
        documentKind: d.kind,
        place: placeOf(d.anchor.replace(/^motion-/, '')),
        ...labelled(d.themes, d.addressees),
        people: spellings(d.people),
        provisions,
        url: demandPath(slug, id),
      });
    }

    // every item of the texts, carrying what its demands are about (as src/search/docs.ts does)
    const items: { anchor: string; what: What; text: string; kind: SearchDoc['documentKind'] }[] = [];
    paragraphs.forEach((para, i) => {
      items.push({ anchor: `summary-${i + 1}`, what: 'summary', text: para.text, kind: 'summary' });
      para.bullets.forEach((b, j) => items.push({ anchor: `summary-${i + 1}-${j + 1}`, what: 'summary', text: b, kind: 'summary' }));
    });
    citations.forEach((c, i) => items.push({ anchor: `${prefix}citation-${i + 1}`, what: 'citation', text: `${c},`, kind: fullKind }));
    recitals.forEach((r, i) => items.push({ anchor: `${prefix}recital-${String.fromCharCode(97 + i)}`, what: 'recital', text: r, kind: fullKind }));
    numbered.forEach((n, i) => items.push({ anchor: `${prefix}para-${i + 1}`, what: 'paragraph', text: n, kind: fullKind }));
    name(`${prefix}recital-a`, cast[0]!);
    for (const item of items) {
      const own = demands.filter((d) => d.anchor === item.anchor);
      const id = searchId.item(slug, item.anchor);
      const people = named.get(item.anchor) ?? [];
      for (const person of people) credit(person, id);
      docs.push({
        id,
        what: item.what,
        text: item.text,
        ...ofProcedure,
        documentKind: item.kind,
        place: placeOf(item.anchor.replace(/^motion-/, '')),
        ...labelled([...new Set(own.flatMap((d) => d.themes))], [...new Set(own.flatMap((d) => d.addressees))]),
        people: spellings(people),
        provisions: [...new Set(own.flatMap((d) => d.provisions))],
        url: itemPath(slug, item.anchor),
      });
    }

    // timeline events: two facts the recitals state, and the vote
    const detained = /^whereas on (\d+ \w+ \d{4}) (.+) was detained in (.+?) on charges/.exec(recitals[0]!)!;
    const events: { id: string; title: string; date: string; quote: string; anchor?: string; themes: string[]; people: Person[] }[] = [
      { id: `${slug}-detention`, title: `Detention of ${cast[0]!.name}`, date: detained[1]!, quote: recitals[0]!.slice(8, recitals[0]!.indexOf(' on charges')), anchor: `${prefix}recital-a`, themes: ['political-prisoners'], people: [cast[0]!] },
      { id: `${slug}-outlet-ban`, title: `Ban on ${outlet}`, date: String(year), quote: `${outlet} was banned on charges of extremism`, anchor: `${prefix}recital-b`, themes: ['expression'], people: [] },
      { id: `${slug}-vote`, title: 'Results of vote in Parliament', date: `${day} ${MONTHS[month - 1]} ${year}`, quote: '', themes: [], people: [] },
    ];
    for (const e of events) {
      const id = searchId.event(e.id);
      for (const person of e.people) credit(person, id);
      docs.push({
        id,
        what: 'event',
        heading: e.title,
        text: e.quote,
        ...ofProcedure,
        ...(e.anchor ? { place: placeOf(e.anchor.replace(/^motion-/, '')) } : {}),
        date: e.date,
        ...labelled(e.themes, []),
        people: spellings(e.people),
        provisions: [],
        url: `${listingYearPath(timelinePath(), year)}#${eventFragment(e.id)}`,
      });
    }
  }

  // people (every planted person a text names) and themes
  const personIds = new Set<string>();
  for (const t of peopleTruth.values()) {
    if (!t.docIds.length) continue;
    let page = personId(t.name);
    for (let n = 2; personIds.has(page); n++) page = `${personId(t.name)}-${n}`;
    personIds.add(page);
    const id = searchId.person(page);
    t.docIds.push(id);
    docs.push({
      id,
      what: 'person',
      heading: t.name,
      text: ROLES[t.name.length % ROLES.length]!,
      themes: [],
      themeLabels: [],
      addressees: [],
      addresseeLabels: [],
      people: [...new Set([t.name, ...t.aliases])],
      provisions: [],
      url: personPath(page),
    });
  }
  for (const [id, label] of THEMES) {
    docs.push({ id: searchId.theme(id), what: 'theme', heading: label, text: `[SYNTHETIC] Demands about ${label.toLowerCase()}.`, themes: [id], themeLabels: [label], addressees: [], addresseeLabels: [], people: [], provisions: [], url: themePath(id) });
  }
  return {
    procedures: procs,
    docs,
    truth: {
      people: [...peopleTruth.values()].filter((p) => p.docIds.length > 0),
      outlets: [...outletTruth.entries()].map(([name, docIds]) => ({ name, docIds })),
      provisions: [...provisionTruth.entries()].map(([label, docIds]) => ({ label, docIds })),
    },
  };
}

/** ≈ 20 demands per procedure, as SearchDocs. */
export function generateSyntheticDocs(procedures: number, seed = 1): SearchDoc[] {
  return generateSyntheticCorpus(procedures, seed).docs;
}

function yamlString(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}

/** The Markdown file (content format) of one synthetic procedure. */
export function procedureMarkdown(p: SyntheticProcedure): string {
  const fm: string[] = ['---', `reference: ${p.reference}`, `title: ${yamlString(p.title)}`, 'adopted:', `  date: ${p.date}`, '  dateSource: summary-dateline', 'documents:'];
  for (const d of p.documents) {
    fm.push(`  - id: ${d.id}`, `    kind: ${d.kind}`, `    source: synthetic/${p.slug}.txt`, `    heading: ${yamlString(d.heading)}`);
    if (d.dateline) fm.push(`    dateline: ${yamlString(d.dateline)}`);
    if (d.anchorPrefix) fm.push(`    anchorPrefix: ${d.anchorPrefix}`);
  }
  fm.push('---', '');
  const body: string[] = [];
  for (const d of p.documents) {
    // the dateline lives in the frontmatter only (CONTENT-FORMAT.md)
    body.push(`## ${d.heading}`, '');
    if (d.paragraphs) {
      for (const para of d.paragraphs) {
        if (para.bullets.length) body.push(para.text, ...para.bullets.map((b) => `- ${b}`), '');
        else body.push(para.text, '');
      }
    } else {
      body.push('The European Parliament,', '');
      for (const c of d.citations ?? []) body.push(`- ${c},`);
      body.push('');
      (d.recitals ?? []).forEach((r, i) => body.push(`${String.fromCharCode(65 + i)}. ${r}`, ''));
      (d.numbered ?? []).forEach((n, i) => body.push(`${i + 1}. ${n}`, ''));
    }
  }
  return fm.join('\n') + body.join('\n').replace(/\n+$/, '\n');
}

/**
 * Writes `<slug>.md` for each synthetic procedure into `dir` (created if missing). Refuses a
 * directory named content/ or inside one. Returns the written file paths.
 */
export async function generateSyntheticProcedureMarkdown(dir: string, procedures: number, seed = 1): Promise<string[]> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join, resolve, sep } = await import('node:path');
  const abs = resolve(dir);
  if (abs.split(sep).includes('content')) throw new Error(`refusing to write synthetic procedures into a content directory: ${abs}`);
  await mkdir(abs, { recursive: true });
  const corpus = generateSyntheticCorpus(procedures, seed);
  const written: string[] = [];
  for (const p of corpus.procedures) {
    const file = join(abs, `${p.slug}.md`);
    await writeFile(file, procedureMarkdown(p));
    written.push(file);
  }
  return written;
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const out = get('--out', '');
  const n = Number(get('--procedures', '200'));
  const seed = Number(get('--seed', '1'));
  if (!out) {
    console.error('usage: node scripts/tools/synthetic/generate.ts --out <dir> [--procedures 200] [--seed 1]');
    process.exit(2);
  }
  const files = await generateSyntheticProcedureMarkdown(out, n, seed);
  console.log(`wrote ${files.length} synthetic procedure files to ${out}`);
}
