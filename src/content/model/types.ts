import type { ParsedDocument, Item } from '../parse/index.ts';
import type { ProcedureData, DocumentKind } from '../schemas/procedure.ts';
import type { Addressee, Person, Provision, Theme } from '../schemas/taxonomy.ts';
import type { ContextEvent, DemandFile, Moved, Thread } from '../schemas/curation.ts';
import type { LeadIn } from './lead-in.ts';
import type { CitationOverride, FollowUp } from '../schemas/follow-up.ts';
import type { FollowUpModel, SinceThen } from './follow-up.ts';
import type { CitedThing } from './citations.ts';

/** One entry of a collection as it comes from the content folder. */
export interface Entry<T> {
  /** Path of the file it comes from, relative to the project, for error messages. */
  file: string;
  data: T;
}

/**
 * Everything the model is built from: validated content, before cross-checks, as load.ts reads it
 * (ids unique within each file). A procedure's body keeps its place in the file (blank lines where
 * the frontmatter was), so every line the parser reports is a line of the file.
 */
export interface SiteInput {
  procedures: Array<Entry<ProcedureData> & { slug: string; body: string }>;
  demandFiles: Array<Entry<DemandFile> & { slug: string }>;
  themes: Entry<Theme[]>;
  addressees: Entry<Addressee[]>;
  people: Entry<Person[]>;
  provisions: Entry<Provision[]>;
  threads: Entry<Thread[]>;
  events: Entry<ContextEvent[]>;
  moved: Entry<Moved[]>;
  /** content/follow-up.yaml and content/citations.yaml (each optional: an absent file is an empty list). */
  followUp: Entry<FollowUp[]>;
  citationOverrides: Entry<CitationOverride[]>;
}

/** A demand: one operative call, verbatim, where it stands, whom it addresses and what about. */
export interface Demand {
  /**
   * Site-wide permanent id. Curated: the `id` written in content/demands/<slug>.yaml
   * (`<slug>-<anchor>-<n>`). Found automatically: `<slug>-<anchor>-<fingerprint of the words>`.
   * Either way, adding, removing or splitting another demand never changes it.
   */
  id: string;
  /** Fragment on the procedure page: `demand-<id>`. */
  fragment: string;
  slug: string;
  reference: string;
  year: number;
  documentId: string;
  documentKind: DocumentKind;
  /** Anchor of the item it is in. */
  anchor: string;
  /** Verbatim text; an exact substring of the item's text at `start`. */
  text: string;
  /** The verbatim words that govern it (who asks, and how), shown before it; see lead-in.ts. */
  leadIn: LeadIn;
  start: number;
  addressees: string[];
  themes: string[];
  people: string[];
  provisions: string[];
  /** False when only first-pass extraction found it and nobody has curated it yet. */
  reviewed: boolean;
}

export interface Procedure {
  slug: string;
  reference: string;
  /** Year of the procedure reference. */
  year: number;
  /** The procedure file's title, or else the first document's heading. */
  title: string;
  data: ProcedureData;
  documents: ParsedDocument[];
  items: Map<string, Item>;
  demands: Demand[];
  /** The adoption day, where a source states it. */
  adoptedDate?: string;
  file: string;
}

export interface Mention {
  slug: string;
  anchor: string;
  /** The spelling printed there. */
  as: string;
}

export interface PersonModel extends Person {
  mentions: Mention[];
}

export interface ThreadModel extends Thread {
  /** Slugs of the procedures it spans, chronological. */
  procedures: string[];
}

/** A point on the timeline: a procedural step or a fact a text states. */
export interface TimelineEvent {
  id: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  endDate?: string;
  kind: string;
  group: 'procedural' | 'context';
  title: string;
  /** The procedure the event belongs to or is stated in. */
  slug: string;
  /** The item stating it, where a text states it. */
  anchor?: string;
  quote?: string;
  themes: string[];
  /** Also-stated places. */
  alsoStated: Array<{ slug: string; anchor: string; quote: string }>;
  /** A reference the event links (procedural events). */
  reference?: string;
  note?: string;
}

export interface SiteModel {
  /** Oldest first. */
  procedures: Procedure[];
  bySlug: Map<string, Procedure>;
  demands: Demand[];
  demandById: Map<string, Demand>;
  themes: Theme[];
  themeById: Map<string, Theme>;
  addressees: Addressee[];
  addresseeById: Map<string, Addressee>;
  people: PersonModel[];
  personById: Map<string, PersonModel>;
  provisions: Provision[];
  provisionById: Map<string, Provision>;
  threads: ThreadModel[];
  threadById: Map<string, ThreadModel>;
  events: TimelineEvent[];
  /** Later texts' words that bear on earlier demands, in site order (follow-up.ts). */
  followUps: FollowUpModel[];
  /** For every demand id, what the later texts say about it (follow-up.ts). */
  sinceThen: Map<string, SinceThen>;
  /** What the texts' citations cite, in site order (citations.ts). */
  citations: CitedThing[];
  /** Published addresses that moved (content/moved.yaml), checked: each `to` exists. */
  moved: Moved[];
}
