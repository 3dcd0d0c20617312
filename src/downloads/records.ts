// Pure functions turning the site model (the same records the pages render) into the download
// records. No I/O, no clock: the same model and links give byte-identical files.
import type { Demand, Procedure, SiteModel } from '../content/model/index.ts';
import { itemName } from '../site/labels.ts';
import { documentUrl, procedureFileUrl } from '../site/ep-links.ts';
import { itemPath, personPath, procedurePath, themeFeedPath, themePath, type Links } from '../site/paths.ts';
import {
  DEMAND_CSV_COLUMNS,
  type AddresseeRecord,
  type DemandRecord,
  type ItemRecord,
  type JsonDownloadName,
  type PersonRecord,
  type ProcedureRecord,
  type ProvisionRecord,
  type TextRecord,
  type ThemeRecord,
  type TimelineRecord,
  type FollowUpRecord,
  type SinceThenRecord,
  type CitationRecord,
  FOLLOW_UP_CSV_COLUMNS,
} from './schemas.ts';
import { toCsv } from './csv.ts';


const refOf = (site: SiteModel, slug: string) => site.bySlug.get(slug)!.reference;

/**
 * A taxonomy list (themes, people, addressees, provisions) sorted by id. The order the model
 * holds them in depends on the loader (Astro's file() loader and loadContent differ), so the
 * downloads never rely on it.
 */
export const byIdOrder = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Theme ids a list of demands addresses, sorted. */
function themesIn(demands: Demand[]): string[] {
  return [...new Set(demands.flatMap((d) => d.themes))].sort();
}

export function itemRecords(p: Procedure, docIndex: number, links: Links): ItemRecord[] {
  return p.documents[docIndex]!.items.map((it) => ({
    anchor: it.anchor,
    kind: it.kind,
    label: it.label,
    name: itemName(it.kind, it.label, it.anchor),
    text: it.text,
    parent: it.parent ?? null,
    permalink: links.url(itemPath(p.slug, it.anchor)),
  }));
}

export function procedureRecord(p: Procedure, links: Links): ProcedureRecord {
  const a = p.data.adopted;
  const pf = p.data.procedureFile;
  const texts: TextRecord[] = p.documents.map((d, i) => ({
    id: d.meta.id,
    kind: d.meta.kind,
    heading: d.meta.heading,
    dateline: d.meta.dateline ?? null,
    motionReference: d.meta.kind === 'motion' ? (d.meta.reference ?? null) : null,
    tablingGroups: d.meta.kind === 'motion' ? (d.meta.tablingGroups ?? null) : null,
    source: d.meta.source,
    demandCount: p.demands.filter((x) => x.documentId === d.meta.id).length,
    items: itemRecords(p, i, links),
  }));
  return {
    reference: p.reference,
    slug: p.slug,
    year: p.year,
    title: p.title,
    adoptedDate: a?.date ?? null,
    adoptedDateSource: a?.date ? (a.dateSource ?? null) : null,
    adoptedTextReference: a?.reference ?? null,
    adoptedTextUrl: a?.reference ? (documentUrl(a.reference) ?? null) : null,
    vote: a?.vote ? { for: a.vote.for, against: a.vote.against, abstentions: a.vote.abstentions, source: a.vote.source } : null,
    tablingGroups: a?.tablingGroups ? { groups: [...a.tablingGroups.groups], joint: !!a.tablingGroups.joint, source: a.tablingGroups.source } : null,
    procedureFile: pf
      ? {
          type: pf.type,
          subtype: pf.subtype ?? null,
          legalBasis: pf.legalBasis?.value ?? null,
          stage: pf.stage,
          subjects: pf.subjects.map((s) => ({ code: s.code, label: s.label })),
          geographicalArea: [...pf.geographicalArea],
          keyPlayers: pf.keyPlayers ? [...pf.keyPlayers] : null,
          keyEvents: pf.keyEvents.map((e) => ({ date: e.date, event: e.event, reference: e.reference ?? null, summary: !!e.summary })),
          documentationGateway: pf.documentationGateway.map((g) => ({ type: g.type, reference: g.reference, date: g.date, url: documentUrl(g.reference) ?? null })),
        }
      : null,
    procedureFileUrl: procedureFileUrl(p.reference),
    demandCount: p.demands.length,
    themes: themesIn(p.demands),
    texts,
    permalink: links.url(procedurePath(p.slug)),
  };
}

export function demandRecord(site: SiteModel, d: Demand, links: Links): DemandRecord {
  const p = site.bySlug.get(d.slug)!;
  const item = p.items.get(d.anchor)!;
  return {
    id: d.id,
    procedure: d.reference,
    year: d.year,
    date: p.adoptedDate ?? null,
    document: d.documentKind,
    anchor: d.anchor,
    paragraph: itemName(item.kind, item.label, item.anchor),
    addressees: [...d.addressees],
    themes: [...d.themes],
    people: [...d.people],
    provisions: [...d.provisions],
    leadIn: d.leadIn.text,
    leadInAnchor: d.leadIn.anchor,
    text: d.text,
    offset: d.start,
    reviewed: d.reviewed,
    permalink: links.url(itemPath(d.slug, d.fragment)),
  };
}

export function timelineRecords(site: SiteModel, links: Links): TimelineRecord[] {
  return site.events.map((e) => ({
    id: e.id,
    date: e.date,
    endDate: e.endDate ?? null,
    group: e.group,
    kind: e.kind,
    title: e.title,
    procedure: refOf(site, e.slug),
    anchor: e.anchor ?? null,
    quote: e.quote ?? null,
    themes: [...e.themes],
    alsoStated: e.alsoStated.map((s) => ({ procedure: refOf(site, s.slug), anchor: s.anchor, quote: s.quote, permalink: links.url(itemPath(s.slug, s.anchor)) })),
    reference: e.reference ?? null,
    note: e.note ?? null,
    permalink: links.url(e.anchor ? itemPath(e.slug, e.anchor) : procedurePath(e.slug)),
  }));
}

export function personRecords(site: SiteModel, links: Links): PersonRecord[] {
  return byIdOrder(site.people).map((p) => {
    const slug = p.roleSource.procedure.replace(/^(\d{4})\/(\d{4}).*$/, '$1-$2');
    return {
      id: p.id,
      name: p.name,
      aliases: [...p.aliases],
      role: p.role,
      roleFrame: p.roleFrame,
      roleSource: { procedure: p.roleSource.procedure, anchor: p.roleSource.anchor, permalink: links.url(itemPath(slug, p.roleSource.anchor)) },
      note: p.note ?? null,
      mentions: p.mentions.map((m) => ({ procedure: refOf(site, m.slug), anchor: m.anchor, as: m.as, permalink: links.url(itemPath(m.slug, m.anchor)) })),
      demands: site.demands.filter((d) => d.people.includes(p.id)).map((d) => d.id),
      permalink: links.url(personPath(p.id)),
    };
  });
}

export function themeRecords(site: SiteModel, links: Links): ThemeRecord[] {
  return byIdOrder(site.themes).map((t) => {
    const demands = site.demands.filter((d) => d.themes.includes(t.id));
    const slugs = new Set(demands.map((d) => d.slug));
    return {
      id: t.id,
      label: t.label,
      description: t.description,
      keywords: [...t.keywords],
      demands: demands.map((d) => d.id),
      procedures: site.procedures.filter((p) => slugs.has(p.slug)).map((p) => p.reference),
      permalink: links.url(themePath(t.id)),
      feed: links.url(themeFeedPath(t.id)),
    };
  });
}

export function addresseeRecords(site: SiteModel): AddresseeRecord[] {
  return byIdOrder(site.addressees).map((a) => ({
    id: a.id,
    label: a.label,
    description: a.description,
    demands: site.demands.filter((d) => d.addressees.includes(a.id)).map((d) => d.id),
  }));
}

export function provisionRecords(site: SiteModel): ProvisionRecord[] {
  return byIdOrder(site.provisions).map((p) => ({
    id: p.id,
    label: p.label,
    description: p.description,
    aliases: [...p.aliases],
    demands: site.demands.filter((d) => d.provisions.includes(p.id)).map((d) => d.id),
  }));
}

export function followUpRecords(site: SiteModel, links: Links): FollowUpRecord[] {
  return site.followUps.map((f) => {
    const item = site.bySlug.get(f.slug)!.items.get(f.anchor)!;
    return {
      id: f.id,
      procedure: f.procedure,
      year: f.year,
      document: f.documentKind,
      anchor: f.anchor,
      paragraph: itemName(item.kind, item.label, item.anchor),
      kind: f.kind,
      quote: f.quote,
      demands: [...f.demands],
      note: f.note,
      permalink: links.url(itemPath(f.slug, f.anchor)),
    };
  });
}

export function sinceThenRecords(site: SiteModel, links: Links): SinceThenRecord[] {
  return site.demands.map((d) => {
    const line = site.sinceThen.get(d.id)!;
    return {
      demand: d.id,
      status: line.status,
      askedAgain: [...line.askedAgain],
      followUps: [...line.followUps],
      lastYear: line.lastYear ?? null,
      summary: line.summary,
      text: line.parts.map((p) => p.text).join(''),
      parts: line.parts.map((p) => ({ text: p.text, permalink: p.path ? links.url(p.path) : null })),
    };
  });
}

export function citationRecords(site: SiteModel, links: Links): CitationRecord[] {
  return site.citations.map((c) => ({
    id: c.id,
    procedure: refOf(site, c.slug),
    anchor: c.anchor,
    part: c.part,
    kind: c.kind,
    decidedBy: c.decidedBy,
    rule: c.rule ?? null,
    text: c.text,
    datePrinted: c.datePrinted ?? null,
    date: c.date ?? null,
    footnote: c.footnote ? { anchor: c.footnote.anchor, reference: c.footnote.reference } : null,
    named: c.named,
    held: c.held ? refOf(site, c.held) : null,
    heldPermalink: c.held ? links.url(procedurePath(c.held)) : null,
    permalink: links.url(itemPath(c.slug, c.anchor)),
  }));
}

/** The records of every JSON download. */
export function jsonRecords(site: SiteModel, links: Links): { [K in JsonDownloadName]: unknown[] } {
  return {
    'procedures.json': site.procedures.map((p) => procedureRecord(p, links)),
    'demands.json': site.demands.map((d) => demandRecord(site, d, links)),
    'timeline.json': timelineRecords(site, links),
    'people.json': personRecords(site, links),
    'themes.json': themeRecords(site, links),
    'addressees.json': addresseeRecords(site),
    'provisions.json': provisionRecords(site),
    'follow-up.json': followUpRecords(site, links),
    'since-then.json': sinceThenRecords(site, links),
    'citations.json': citationRecords(site, links),
  };
}

/** JSON as published: two-space indent, trailing newline, keys in schema order. */
export const toJsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Separator of list values (ids) inside one CSV cell. */
export const CSV_LIST_SEPARATOR = ';';

const cell = (v: unknown): string => (v === null ? '' : Array.isArray(v) ? v.join(CSV_LIST_SEPARATOR) : String(v));

/** demands.csv: one row per demand, the columns of DEMAND_CSV_COLUMNS. */
export function demandsCsv(records: DemandRecord[]): string {
  return toCsv([[...DEMAND_CSV_COLUMNS], ...records.map((r) => DEMAND_CSV_COLUMNS.map((c) => cell(r[c])))]);
}

/** follow-up.csv: one row per passage, the columns of FOLLOW_UP_CSV_COLUMNS. */
export function followUpCsv(records: FollowUpRecord[]): string {
  return toCsv([[...FOLLOW_UP_CSV_COLUMNS], ...records.map((r) => FOLLOW_UP_CSV_COLUMNS.map((c) => cell(r[c])))]);
}
