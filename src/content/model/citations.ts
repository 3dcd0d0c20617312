/**
 * What the texts cite: each citation ("having regard to …") of a resolution or motion, read by
 * rules into the things it cites, with the date as printed (never more precise), the footnote
 * reference where one is printed, and, for a European Parliament resolution, whether this
 * collection holds it. Pure: items in, records out.
 *
 * The rules only decide what the words make plain (a date, "its resolution", "Rules of
 * Procedure", "OSCE", "High Representative", "Agreement", "Dialogue"). Where none applies, the
 * thing stays `unclassified` unless `content/citations.yaml` decides it: a curated decision is
 * better than a guess.
 */
import type { ContentIssue, Item } from '../parse/index.ts';
import type { CitationOverride, CitedKind } from '../schemas/follow-up.ts';
import type { Entry, Procedure } from './types.ts';

/** One thing a citation cites. */
export interface CitedThing {
  /** `<slug>-<citation anchor>-<part>`, e.g. `2013-2600-citation-1-2`. */
  id: string;
  /** The citing procedure. */
  slug: string;
  /** Anchor of the citation item. */
  anchor: string;
  /** Which thing of the item, from 1, in printed order. */
  part: number;
  /** The words naming it, as printed (footnote numbers left out). */
  text: string;
  kind: CitedKind | 'unclassified';
  /** `rule` (the rule's name in `rule`) or `override` (content/citations.yaml, id in `rule`). */
  decidedBy: 'rule' | 'override' | 'none';
  rule?: string;
  /** The date as printed ("15 March 2012", "November 2015"), where the words print one. */
  datePrinted?: string;
  /** That date, exactly as precise: `YYYY-MM-DD` or `YYYY-MM`. */
  date?: string;
  /** The footnote printed with it: its anchor and the reference it gives ("P7_TA(2012)0089"). */
  footnote?: { anchor: string; reference: string };
  /** False when the words name no particular text ("its previous resolutions on Kazakhstan"). */
  named: boolean;
  /** For a European Parliament resolution this collection holds: that procedure's slug. */
  held?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`);
const MONTH_DATE = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{4})\\b`);
/** Marks a footnote reference inside the working text: \u0001label\u0002. */
const FNREF = /\u0001([^\u0002]*)\u0002/g;

/** The rules, in order; the first that matches decides. Exported for the tests and the docs. */
export const CITATION_RULES: ReadonlyArray<{ name: string; kind: CitedKind; test: RegExp }> = [
  { name: 'rules-of-procedure', kind: 'ep-rules', test: /\bof its Rules of Procedure\b/ },
  { name: 'its-resolution', kind: 'ep-resolution', test: /^its (?:previous )?resolutions?\b/ },
  { name: 'osce', kind: 'osce', test: /\bOSCE\b|\bOffice for Democratic Institutions and Human Rights\b|\bODIHR\b/ },
  { name: 'un', kind: 'un', test: /\bUN\b|\bUnited Nations\b|\bHigh Commissioner for Human Rights\b|\bSpecial Rapporteur\b|\bUniversal Periodic Review\b/ },
  { name: 'agreement', kind: 'eu-agreement', test: /\bPartnership and Cooperation Agreement\b|\bAgreement between the EU\b/ },
  { name: 'dialogue', kind: 'eu-dialogue', test: /\bEU\b.*\b[Dd]ialogue\b/ },
  { name: 'eu-statement', kind: 'eu-statement', test: /\bHigh Representative\b|\bHR\/VP\b|\bVP\/HR\b|\bEEAS\b|\bEuropean External Action Service\b/ },
];

/** A date as printed in `text`, and the same date as precise as printed. */
export function printedDate(text: string): { datePrinted: string; date: string } | undefined {
  const day = DAY_DATE.exec(text);
  if (day) {
    const m = String(MONTHS.indexOf(day[2]!) + 1).padStart(2, '0');
    return { datePrinted: day[0], date: `${day[3]}-${m}-${day[1]!.padStart(2, '0')}` };
  }
  const month = MONTH_DATE.exec(text);
  if (month) return { datePrinted: month[0], date: `${month[2]}-${String(MONTHS.indexOf(month[1]!) + 1).padStart(2, '0')}` };
  return undefined;
}

/** `P7_TA(2012)0089` (how resolutions cite a text adopted) → `T7-0089/2012` (how the Observatory lists it). */
export function adoptedReferenceOf(cited: string): string | undefined {
  const m = /^P(\d)_TA\((\d{4})\)(\d{4})$/.exec(cited);
  return m ? `T${m[1]}-${m[3]}/${m[2]}` : undefined;
}

/** The citation's text with footnote references as markers, without "having regard to" and the closing comma. */
function workingText(item: Item): string {
  const raw = item.inlines.map((i) => (i.type === 'text' ? i.value : `\u0001${i.label}\u0002`)).join('');
  return raw.replace(/^\s*having regard to\s+/i, '').replace(/[\s,;.]+$/, '');
}

interface RawPart {
  text: string;
  footnotes: string[];
  /** Kind inherited from the list it stands in ("its previous resolutions …, including those of …"). */
  inherited?: { kind: CitedKind; rule: string };
  named: boolean;
}

const clean = (s: string) => s.replace(FNREF, '').replace(/\s+/g, ' ').trim();
const labelsIn = (s: string) => [...s.matchAll(FNREF)].map((m) => m[1]!);

/**
 * Splits a citation into the things it cites:
 * - "… and to the …" joins two citations in one item (2013/2600 citation 3);
 * - "its previous resolutions on X, including those of <date> on …, <date> on …, and <date> on …"
 *   is the series (not named) and each dated resolution of the list (named).
 */
export function splitCitation(item: Item): RawPart[] {
  const out: RawPart[] = [];
  for (const piece of workingText(item).split(/,?\s+and to (?=(?:the|its)\s)/)) {
    const series = /^(its (?:previous )?resolutions?\b.*?),\s*including (?:those|that) of\s+(.*)$/.exec(piece);
    if (series) {
      out.push({ text: clean(series[1]!), footnotes: labelsIn(series[1]!), named: false });
      const listed = series[2]!.split(new RegExp(`,\\s*(?:and\\s+)?(?=\\d{1,2} (?:${MONTHS.join('|')}) \\d{4})`));
      for (const one of listed) out.push({ text: clean(one), footnotes: labelsIn(one), inherited: { kind: 'ep-resolution', rule: 'its-resolution' }, named: true });
      continue;
    }
    const text = clean(piece);
    const unnamed = /^its (?:previous )?resolutions\b/.test(text) && !printedDate(text);
    out.push({ text, footnotes: labelsIn(piece), named: !unnamed });
  }
  return out;
}

/** The citations of one procedure, read by the rules; overrides are applied by `readCitations`. */
export function citationsOf(p: Pick<Procedure, 'slug' | 'documents' | 'items'>): CitedThing[] {
  const out: CitedThing[] = [];
  for (const doc of p.documents) {
    const prefix = doc.meta.anchorPrefix ?? '';
    for (const item of doc.items) {
      if (item.kind !== 'citation') continue;
      splitCitation(item).forEach((raw, i) => {
        const rule = raw.inherited ?? CITATION_RULES.find((r) => r.test.test(raw.text));
        const date = printedDate(raw.text);
        const fnAnchor = raw.footnotes.length ? `${prefix}footnote-${raw.footnotes[0]}` : undefined;
        const fn = fnAnchor ? p.items.get(fnAnchor) : undefined;
        out.push({
          id: `${p.slug}-${item.anchor}-${i + 1}`,
          slug: p.slug,
          anchor: item.anchor,
          part: i + 1,
          text: raw.text,
          kind: rule?.kind ?? 'unclassified',
          decidedBy: rule ? 'rule' : 'none',
          ...(rule ? { rule: 'rule' in rule ? rule.rule : rule.name } : {}),
          ...(date ?? {}),
          ...(fn ? { footnote: { anchor: fn.anchor, reference: fn.text.trim().replace(/\.$/, '') } } : {}),
          named: raw.named,
        });
      });
    }
  }
  return out;
}

/**
 * Every procedure's citations, with the curated overrides applied and each European Parliament
 * resolution matched against the collection: by its footnote reference (P7_TA(2012)0089 is
 * T7-0089/2012), else by a full printed day equal to a procedure's adoption day.
 */
export function readCitations(procedures: Procedure[], overrides: Entry<CitationOverride[]>, issues: ContentIssue[]): CitedThing[] {
  const all = procedures.flatMap((p) => citationsOf(p));
  const byPlace = new Map(all.map((c) => [`${c.slug}|${c.anchor}|${c.part}`, c]));
  overrides.data.forEach((o, i) => {
    const fail = (key: string, message: string) => issues.push({ file: overrides.file, field: `[${i}].${key}`, message });
    const slug = o.procedure.replace(/^(\d{4})\/(\d{4}).*$/, '$1-$2');
    const item = procedures.find((x) => x.slug === slug)?.items.get(o.anchor);
    const c = byPlace.get(`${slug}|${o.anchor}|${o.part}`);
    if (!procedures.some((x) => x.slug === slug)) return void fail('procedure', `unknown procedure ${o.procedure}`);
    if (item?.kind !== 'citation') return void fail('anchor', `no citation "${o.anchor}" in ${o.procedure}`);
    if (!c) return void fail('part', `${o.anchor} of ${o.procedure} cites fewer than ${o.part} things`);
    if (c.decidedBy === 'rule' && c.kind === o.kind) return void fail('kind', `the rules already read ${o.anchor} part ${o.part} as ${o.kind}: remove the override`);
    Object.assign(c, { kind: o.kind, decidedBy: 'override', rule: o.id });
  });
  const byAdoptedRef = new Map(procedures.filter((p) => p.data.adopted?.reference).map((p) => [p.data.adopted!.reference!, p.slug]));
  const byAdoptedDay = new Map(procedures.filter((p) => p.adoptedDate).map((p) => [p.adoptedDate!, p.slug]));
  for (const c of all) {
    if (c.kind !== 'ep-resolution' || !c.named) continue;
    const ref = c.footnote && adoptedReferenceOf(c.footnote.reference);
    const held = (ref && byAdoptedRef.get(ref)) || (c.date?.length === 10 ? byAdoptedDay.get(c.date) : undefined);
    if (held && held !== c.slug) c.held = held;
  }
  return all;
}

/** A European Parliament resolution the texts cite by date or reference, with every place citing it. */
export interface CitedResolution {
  /** Its footnote reference where printed, else its printed day: what tells two resolutions apart. */
  key: string;
  datePrinted?: string;
  date?: string;
  reference?: string;
  /** The procedure this collection holds it as, if it does. */
  held?: string;
  /** Every citation of it, in site order. */
  citedIn: CitedThing[];
}

/** The edges of the collection, as its texts' citations draw them. */
export interface Coverage {
  /** Distinct resolutions cited by date or reference, oldest first. */
  cited: CitedResolution[];
  /** Those the collection does not hold. */
  notHeld: CitedResolution[];
  /** Citations of Parliament's resolutions in general ("its previous resolutions on …"), naming none. */
  unnamed: CitedThing[];
  /** For each procedure held: the later citations that name it (empty when none does). */
  citedBy: Map<string, CitedThing[]>;
  /** Procedures whose texts in the collection print citations. */
  withCitations: string[];
}

/** Groups the citations into what a reader asks of the collection's edges. */
export function coverageOf(procedures: Procedure[], citations: CitedThing[]): Coverage {
  const bySlugOrder = new Map(procedures.map((p, i) => [p.slug, i]));
  const cited = new Map<string, CitedResolution>();
  for (const c of citations) {
    if (c.kind !== 'ep-resolution' || !c.named) continue;
    const reference = c.footnote?.reference;
    const key = reference ?? c.date ?? c.id;
    const entry = cited.get(key) ?? { key, datePrinted: c.datePrinted, date: c.date, reference, held: c.held, citedIn: [] };
    entry.citedIn.push(c);
    cited.set(key, entry);
  }
  const list = [...cited.values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.key.localeCompare(b.key));
  const citedBy = new Map(procedures.map((p) => [p.slug, [] as CitedThing[]]));
  for (const c of citations) if (c.held) citedBy.get(c.held)?.push(c);
  return {
    cited: list,
    notHeld: list.filter((r) => !r.held),
    unnamed: citations.filter((c) => c.kind === 'ep-resolution' && !c.named),
    citedBy,
    withCitations: [...new Set(citations.map((c) => c.slug))].sort((a, b) => bySlugOrder.get(a)! - bySlugOrder.get(b)!),
  };
}

/** The collection's bounds in numbers, for the About and coverage pages. */
export interface Bounds {
  procedures: number;
  from?: number;
  to?: number;
  /** Texts reproduced, by kind. */
  texts: Record<'resolution' | 'motion' | 'summary', number>;
  /** Texts that print citations. */
  textsWithCitations: number;
  /** Distinct resolutions cited by date or reference; how many the collection holds; how many it lacks per year, oldest first. */
  citedResolutions: number;
  citedHeld: number;
  citedNotHeldByYear: Array<{ year: number; count: number }>;
  /** Citations of Parliament's resolutions that name none in particular. */
  unnamed: number;
  /** Procedures held here that a later text cites. */
  heldCitedByLater: number;
}

export function boundsOf(procedures: Procedure[], citations: CitedThing[]): Bounds {
  const cov = coverageOf(procedures, citations);
  const texts = { resolution: 0, motion: 0, summary: 0 };
  for (const p of procedures) for (const d of p.documents) texts[d.meta.kind] += 1;
  const withCitations = new Set(citations.map((c) => `${c.slug}|${c.anchor.replace(/citation-\d+$/, '')}`));
  return {
    procedures: procedures.length,
    from: procedures.length ? Math.min(...procedures.map((p) => p.year)) : undefined,
    to: procedures.length ? Math.max(...procedures.map((p) => p.year)) : undefined,
    texts,
    textsWithCitations: withCitations.size,
    citedResolutions: cov.cited.length,
    citedHeld: cov.cited.filter((r) => r.held).length,
    citedNotHeldByYear: [...cov.notHeld.map((r) => Number(r.date?.slice(0, 4))).filter((y) => y > 0).reduce((m, y) => m.set(y, (m.get(y) ?? 0) + 1), new Map<number, number>())]
      .map(([year, count]) => ({ year, count }))
      .sort((a, b) => a.year - b.year),
    unnamed: cov.unnamed.length,
    heldCitedByLater: [...cov.citedBy.values()].filter((l) => l.length > 0).length,
  };
}
