// Zod schemas of the open-data downloads (/data/*.json). They are the single source of truth for
// three things: the TypeScript types of the records, the JSON Schema files published next to the
// downloads (z.toJSONSchema), and the field documentation on the Data page (from `.describe()`).
// Every field has a one-line doc comment and the same sentence as its description.
import { z } from 'astro/zod';
import { citedKind, followUpKind } from '../content/schemas/follow-up.ts';

const PROCEDURE_REFERENCE = /^\d{4}\/\d{4}\(RSP\)$/;
const SLUG = /^\d{4}-\d{4}$/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ANCHOR = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const reference = () => z.string().regex(PROCEDURE_REFERENCE);
const ids = () => z.array(z.string().regex(ID));
/** A link: absolute URL when the site was built with SITE_URL, else a path from the site root. */
const link = () => z.string().min(1);

/** Kinds of text a procedure page reproduces. */
export const documentKind = z
  .enum(['summary', 'resolution', 'motion'])
  .describe(
    'Kind of text: "summary" (the Legislative Observatory summary of the text adopted), "resolution" (a resolution text whose source does not say whether it is the text as adopted or a motion), "motion" (a motion for a resolution, not Parliament\'s adopted position).',
  );

/** Kinds of citable item in a text. */
export const itemKind = z
  .enum(['preamble', 'citation', 'recital', 'para', 'footnote', 'summary', 'bullet'])
  .describe('Kind of item: preamble (opening formula), citation ("having regard to"), recital, para (numbered paragraph), footnote, summary (summary paragraph), bullet (summary bullet).');

// ---------------------------------------------------------------------------------------------
// procedures.json
// ---------------------------------------------------------------------------------------------

/** One citable item of a text. */
export const itemRecord = z
  .strictObject({
    /** Anchor of the item on the procedure page, unique within the procedure. */
    anchor: z.string().regex(ANCHOR).describe('Anchor of the item on the procedure page, unique within the procedure, e.g. para-13 or summary-5-2.'),
    /** Kind of item. */
    kind: itemKind,
    /** The label printed in the source ("13", "D"); empty for the preamble and summary paragraphs. */
    label: z.string().describe('The label printed in the source ("13", "D", "5-2"); empty for the preamble and summary paragraphs.'),
    /** A human name for the item, as used in citations. */
    name: z.string().min(1).describe('A human name for the item, as used in citations: "paragraph 13", "recital D", "summary ¶5.2".'),
    /** The text as printed, footnote references written as their numbers. */
    text: z.string().describe('The text as printed, verbatim; footnote references are written as their numbers.'),
    /** For a summary bullet, the anchor of the paragraph introducing it; otherwise null. */
    parent: z.string().regex(ANCHOR).nullable().describe('For a summary bullet, the anchor of the paragraph introducing it; otherwise null.'),
    /** Link to the item in context on the procedure page. */
    permalink: link().describe('Link to the item in context on the procedure page.'),
  })
  .describe('One citable item of a text.');

/** One text reproduced on a procedure page. */
export const textRecord = z
  .strictObject({
    /** Id of the text within the procedure. */
    id: z.string().regex(ID).describe('Id of the text within the procedure, e.g. "summary", "motion", "text".'),
    /** Kind of text. */
    kind: documentKind,
    /** The title printed on the text. */
    heading: z.string().min(1).describe('The title printed on the text.'),
    /** The line printed under the title, verbatim, or null when there is none. */
    dateline: z.string().nullable().describe('The line printed under the title, verbatim, or null when there is none.'),
    /** For a motion, its B-number where the source states it; otherwise null. */
    motionReference: z.string().nullable().describe('For a motion, its reference (B-number) where the source states it; otherwise null.'),
    /** For a motion, the groups that tabled it where the source states them; otherwise null. */
    tablingGroups: z.array(z.string()).nullable().describe('For a motion, the political groups that tabled it where the source states them; otherwise null.'),
    /** The source document it was transcribed from. */
    source: z.string().min(1).describe('Name of the source document the text was transcribed from.'),
    /** Number of demands found in this text. */
    demandCount: z.number().int().nonnegative().describe('Number of demands found in this text.'),
    /** The items of the text, in printed order. */
    items: z.array(itemRecord).describe('The items of the text (citations, recitals, paragraphs, footnotes, summary paragraphs), in printed order.'),
  })
  .describe('One text reproduced on a procedure page.');

/** A row of the procedure file's "Key events" table. */
export const keyEventRecord = z
  .strictObject({
    /** Day of the event. */
    date: z.string().regex(DAY).describe('Day of the event, YYYY-MM-DD.'),
    /** The event as the procedure file names it. */
    event: z.string().min(1).describe('The event as the procedure file names it.'),
    /** Reference of the document the row links, or null. */
    reference: z.string().nullable().describe('Reference of the document the row links, or null.'),
    /** True when the row offers a summary of that document. */
    summary: z.boolean().describe('True when the row offers a summary of that document.'),
  })
  .describe('A row of the procedure file\'s "Key events" table.');

/** A row of the procedure file's documents table (its "Documentation gateway"). */
export const gatewayRecord = z
  .strictObject({
    /** Document type as printed. */
    type: z.string().min(1).describe('Document type as printed.'),
    /** The document's reference. */
    reference: z.string().min(1).describe('The document\'s reference, e.g. B8-0343/2016 or T8-0083/2016.'),
    /** Day of the document. */
    date: z.string().regex(DAY).describe('Day of the document, YYYY-MM-DD.'),
    /** Link to the document on the European Parliament's site where the reference format is known, else null. */
    url: z.url().nullable().describe('Link to the document on the European Parliament\'s site where its reference format is known; otherwise null.'),
  })
  .describe('A row of the procedure file\'s documents table (the Observatory\'s "Documentation gateway").');

/** What a Legislative Observatory procedure file states. */
export const procedureFileRecord = z
  .strictObject({
    /** Procedure type. */
    type: z.string().min(1).describe('Procedure type, as printed.'),
    /** Procedure subtype, or null. */
    subtype: z.string().nullable().describe('Procedure subtype as printed, or null where none is given.'),
    /** Legal basis as printed ("Rules of Procedure EP 144"), or null. */
    legalBasis: z.string().nullable().describe('Legal basis as printed, e.g. "Rules of Procedure EP 144", or null where none is given.'),
    /** Stage reached in the procedure. */
    stage: z.string().min(1).describe('Stage reached in the procedure, as printed.'),
    /** Subjects, "code label". */
    subjects: z
      .array(
        z.strictObject({
          /** The Observatory's subject code. */
          code: z.string().describe('The Observatory\'s subject code, e.g. 6.10.08.'),
          /** The subject's label. */
          label: z.string().describe('The subject\'s label, as printed.'),
        }),
      )
      .describe('Subjects the procedure file lists.'),
    /** Geographical areas. */
    geographicalArea: z.array(z.string()).describe('Geographical areas the procedure file lists.'),
    /** Key players, or null where the file has no such section. */
    keyPlayers: z.array(z.string()).nullable().describe('The institutions involved (the procedure file\'s "Key players"), or null where it has no such section.'),
    /** Key events table. */
    keyEvents: z.array(keyEventRecord).describe('The "Key events" table, in printed order.'),
    /** Documentation gateway table. */
    documentationGateway: z.array(gatewayRecord).describe('The documents table (the Observatory\'s "Documentation gateway"), in printed order.'),
  })
  .describe('What a Legislative Observatory procedure file states about the procedure.');

/** A procedure: one European Parliament resolution and the texts this site reproduces for it. */
export const procedureRecord = z
  .strictObject({
    /** Procedure reference. */
    reference: reference().describe('Procedure reference as the European Parliament writes it, e.g. 2016/2607(RSP).'),
    /** This site's id for the procedure. */
    slug: z.string().regex(SLUG).describe('This site\'s id for the procedure, <year>-<number>, used in its URLs.'),
    /** Year of the procedure reference. */
    year: z.number().int().describe('Year in the procedure reference.'),
    /** The procedure file's title, or else the heading of the first text. */
    title: z.string().min(1).describe('The procedure file\'s title or, where no procedure file is among the sources, the heading of the first text.'),
    /** Day Parliament adopted the text, where a source states it. */
    adoptedDate: z.string().regex(DAY).nullable().describe('Day Parliament adopted the text, YYYY-MM-DD, where a source states it; otherwise null.'),
    /** Which source states the adoption day. */
    adoptedDateSource: z
      .enum(['procedure-file', 'summary-dateline'])
      .nullable()
      .describe('Which source states the adoption day: the procedure file or the dateline of the summary; null when none does.'),
    /** Reference of the text adopted, or null. */
    adoptedTextReference: z.string().nullable().describe('Reference of the text adopted, e.g. T8-0083/2016, where a source states it; otherwise null.'),
    /** Link to the text adopted on the European Parliament's site, or null. */
    adoptedTextUrl: z.url().nullable().describe('Link to the text adopted on the European Parliament\'s site, where its reference is known; otherwise null.'),
    /** Result of the final vote, or null. */
    vote: z
      .strictObject({
        /** Votes in favour. */
        for: z.number().int().nonnegative().describe('Votes in favour.'),
        /** Votes against. */
        against: z.number().int().nonnegative().describe('Votes against.'),
        /** Abstentions. */
        abstentions: z.number().int().nonnegative().describe('Abstentions.'),
        /** Anchor of the item stating the result. */
        source: z.string().regex(ANCHOR).describe('Anchor of the item that states the result.'),
      })
      .nullable()
      .describe('Result of the final vote, where a source states it; otherwise null.'),
    /** Groups that tabled the adopted text, or null. */
    tablingGroups: z
      .strictObject({
        /** The political groups, in printed order. */
        groups: z.array(z.string()).describe('The political groups, in printed order.'),
        /** True when the source calls it a joint resolution. */
        joint: z.boolean().describe('True when the source calls it a joint resolution.'),
        /** Anchor of the item stating it. */
        source: z.string().regex(ANCHOR).describe('Anchor of the item that states it.'),
      })
      .nullable()
      .describe('Political groups that tabled the adopted text, where a source states them; otherwise null.'),
    /** What the procedure file states, or null where none is among the sources. */
    procedureFile: procedureFileRecord.nullable().describe('What the Legislative Observatory procedure file states, or null where none is among the sources.'),
    /** Link to the procedure file on the Legislative Observatory. */
    procedureFileUrl: z.url().describe('Link to the procedure file on the Legislative Observatory.'),
    /** Number of demands in all texts of the procedure. */
    demandCount: z.number().int().nonnegative().describe('Number of demands in all texts of the procedure (demands.json has them).'),
    /** Theme ids its demands address. */
    themes: ids().describe('Ids of the themes its demands address (themes.json), sorted.'),
    /** The texts reproduced, in page order. */
    texts: z.array(textRecord).describe('The texts reproduced on the procedure page, in page order.'),
    /** Link to the procedure page. */
    permalink: link().describe('Link to the procedure page on this site.'),
  })
  .describe('A procedure: one European Parliament resolution and the texts this site reproduces for it.');

// ---------------------------------------------------------------------------------------------
// demands.json (and demands.csv)
// ---------------------------------------------------------------------------------------------

/** A demand: one operative call, verbatim. */
export const demandRecord = z
  .strictObject({
    /** Site-wide id. */
    id: z.string().regex(/^\d{4}-\d{4}-[a-z0-9-]+-\d+$/).describe('Site-wide id: <procedure slug>-<item anchor>-<n>, n counting the item\'s demands from 1 in text order.'),
    /** Procedure reference. */
    procedure: reference().describe('Reference of the procedure it belongs to, e.g. 2016/2607(RSP) (procedures.json).'),
    /** Year of the procedure reference. */
    year: z.number().int().describe('Year in the procedure reference.'),
    /** Day the procedure's resolution was adopted, where a source states it. */
    date: z.string().regex(DAY).nullable().describe('Day Parliament adopted the procedure\'s resolution, YYYY-MM-DD, where a source states it; otherwise null. For a demand from a motion this is still the resolution\'s day, not the motion\'s.'),
    /** Kind of text the demand is in. */
    document: documentKind,
    /** Anchor of the item it is in. */
    anchor: z.string().regex(ANCHOR).describe('Anchor of the item it is in, on the procedure page.'),
    /** Human name of the item it is in. */
    paragraph: z.string().min(1).describe('Human name of the item it is in: "paragraph 13", "summary ¶5.2".'),
    /** Who it is addressed to. */
    addressees: ids().describe('Ids of whom it is addressed to (addressees.json).'),
    /** Themes. */
    themes: ids().describe('Ids of the themes it is about (themes.json).'),
    /** People it names. */
    people: ids().describe('Ids of the people it names (people.json).'),
    /** Laws and articles it cites. */
    provisions: ids().describe('Ids of the laws and articles it cites (provisions.json).'),
    /** The words that govern it, verbatim. */
    leadIn: z.string().describe('The verbatim words that govern the demand, read before it: who asks, and how ("Parliament urged the Government of Kazakhstan to:", "The European Parliament,"), with "[…]" where words are left out; empty when it needs none.'),
    /** Where those words stand. */
    leadInAnchor: z.string().regex(ANCHOR).describe('Anchor of the item the lead-in is quoted from: the demand\'s own item, the paragraph introducing its list, or the opening formula.'),
    /** The demand, verbatim. */
    text: z.string().min(1).describe('The demand, verbatim: an exact substring of the item\'s text.'),
    /** Where the text starts in the item's text. */
    offset: z.number().int().nonnegative().describe('Position (UTF-16 code units) where the text starts in the item\'s text in procedures.json.'),
    /** False when only the automatic first pass found it. */
    reviewed: z.boolean().describe('True when a person curated it; false when only the automatic first pass found it.'),
    /** Link to the demand in context. */
    permalink: link().describe('Link to the demand highlighted in context on the procedure page.'),
  })
  .describe('A demand: one operative call of a text, quoted verbatim, with whom it addresses and what it is about.');

/** The columns of demands.csv, in order: a projection of demandRecord (lists joined with ";"). */
export const DEMAND_CSV_COLUMNS = [
  'id',
  'procedure',
  'year',
  'date',
  'document',
  'paragraph',
  'addressees',
  'themes',
  'people',
  'provisions',
  'text',
  'permalink',
] as const satisfies ReadonlyArray<keyof z.output<typeof demandRecord>>;

// ---------------------------------------------------------------------------------------------
// timeline.json
// ---------------------------------------------------------------------------------------------

/** A place in the texts, with a quote. */
const statedAt = z.strictObject({
  /** Procedure reference. */
  procedure: reference().describe('Reference of the procedure whose text states it.'),
  /** Anchor of the item. */
  anchor: z.string().regex(ANCHOR).describe('Anchor of the item that states it.'),
  /** The statement, verbatim. */
  quote: z.string().min(1).describe('The statement, verbatim: an exact substring of the item\'s text.'),
  /** Link to the item in context. */
  permalink: link().describe('Link to the item in context.'),
});

/** A dated event: a procedural step or a fact a text states. */
export const timelineRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Stable id of the event.'),
    /** When, only as precise as the source. */
    date: z.string().regex(PARTIAL_DATE).describe('When: YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source.'),
    /** Last day, for events given as a span, or null. */
    endDate: z.string().regex(PARTIAL_DATE).nullable().describe('Last day, for events the source gives as a span; otherwise null.'),
    /** Procedural or context. */
    group: z.enum(['procedural', 'context']).describe('"procedural": a step of a procedure (from its procedure file or summary); "context": a dated fact a text states.'),
    /** What kind of event. */
    kind: z.string().min(1).describe('What kind of event: key-event, document, adoption (procedural); violence, ban, court, detention, legislation, agreement, election, statement, visit, dialogue, ep-resolution, institution, other (context).'),
    /** Short neutral title. */
    title: z.string().min(1).describe('Short neutral title.'),
    /** The procedure it belongs to or is stated in. */
    procedure: reference().describe('Reference of the procedure it belongs to or whose text states it.'),
    /** Anchor of the item stating it, or null for procedural steps. */
    anchor: z.string().regex(ANCHOR).nullable().describe('Anchor of the item that states it; null for procedural steps taken from the procedure file.'),
    /** The statement, verbatim, or null. */
    quote: z.string().nullable().describe('The statement, verbatim, or null where there is none.'),
    /** Theme ids. */
    themes: ids().describe('Ids of the themes it relates to (themes.json).'),
    /** Other texts stating the same fact. */
    alsoStated: z.array(statedAt).describe('Other texts stating the same fact.'),
    /** Reference of the document a procedural step links, or null. */
    reference: z.string().nullable().describe('Reference of the document a procedural step links, or null.'),
    /** How a date was derived when the text gives it relatively, or null. */
    note: z.string().nullable().describe('How the date was derived when the text gives it relatively, or null.'),
    /** Link to where it is stated. */
    permalink: link().describe('Link to the item stating it, or to the procedure page for procedural steps.'),
  })
  .describe('A dated event: a procedural step or a fact one of the texts states.');

// ---------------------------------------------------------------------------------------------
// people.json, themes.json, addressees.json, provisions.json
// ---------------------------------------------------------------------------------------------

/** A person the texts name. */
export const personRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Stable id, used in URLs.'),
    /** Canonical spelling of the name. */
    name: z.string().min(1).describe('The name as a source prints it (a misprint stays; the usual spelling is among the aliases).'),
    /** Every spelling the sources print. */
    aliases: z.array(z.string()).describe('Other spellings: every other one the sources print (surname-only forms, misspellings) and the usual one.'),
    /** How the sources describe the person, quoted. */
    role: z.string().min(1).describe('How the sources describe the person, quoted verbatim.'),
    /** How the quote relates to the person. */
    roleFrame: z
      .enum(['described', 'among', 'in'])
      .describe('How role reads: "described" (the person is described as role), "among" (a plural the person is named among, e.g. "activists"), "in" (a phrase naming the person, e.g. "the case of …").'),
    /** Where that description is printed. */
    roleSource: z
      .strictObject({
        /** Procedure reference. */
        procedure: reference().describe('Reference of the procedure whose text describes the person.'),
        /** Anchor of the item. */
        anchor: z.string().regex(ANCHOR).describe('Anchor of the item.'),
        /** Link to the item. */
        permalink: link().describe('Link to the item in context.'),
      })
      .describe('Where that description is printed.'),
    /** A remark on spelling, or null. */
    note: z.string().nullable().describe('A remark on spelling, e.g. that a source misprints the name, or null.'),
    /** Every item printing the name. */
    mentions: z
      .array(
        z.strictObject({
          /** Procedure reference. */
          procedure: reference().describe('Reference of the procedure.'),
          /** Anchor of the item. */
          anchor: z.string().regex(ANCHOR).describe('Anchor of the item.'),
          /** The spelling printed there. */
          as: z.string().describe('The spelling printed there.'),
          /** Link to the item. */
          permalink: link().describe('Link to the item in context.'),
        }),
      )
      .describe('Every item whose text prints the name, with the spelling printed.'),
    /** Ids of the demands naming the person. */
    demands: z.array(z.string()).describe('Ids of the demands naming the person (demands.json).'),
    /** Link to the person's page. */
    permalink: link().describe('Link to the person\'s page on this site.'),
  })
  .describe('A person the texts name; nothing beyond what the sources state.');

/** A theme of the controlled taxonomy. */
export const themeRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Stable id, used in URLs.'),
    /** Short label. */
    label: z.string().min(1).describe('Short label.'),
    /** What the theme covers. */
    description: z.string().min(1).describe('One line saying what the theme covers.'),
    /** Word stems the first-pass classifier looks for. */
    keywords: z.array(z.string()).describe('Lower-case word stems the automatic first-pass classifier looks for in a demand.'),
    /** Ids of the demands about it. */
    demands: z.array(z.string()).describe('Ids of the demands about it (demands.json), in the order of demands.json.'),
    /** References of the procedures with demands about it. */
    procedures: z.array(reference()).describe('References of the procedures with demands about it, oldest first.'),
    /** Link to the theme's page. */
    permalink: link().describe('Link to the theme\'s page on this site.'),
    /** Link to the theme's Atom feed. */
    feed: link().describe('Link to the theme\'s Atom feed of resolutions.'),
  })
  .describe('A theme of the site\'s controlled taxonomy (this site\'s classification, not the European Parliament\'s).');

/** Someone a demand is addressed to. */
export const addresseeRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Stable id.'),
    /** Short label. */
    label: z.string().min(1).describe('Short label.'),
    /** Who it is. */
    description: z.string().min(1).describe('One line saying who it is.'),
    /** Ids of the demands addressed to it. */
    demands: z.array(z.string()).describe('Ids of the demands addressed to it (demands.json).'),
  })
  .describe('Someone a demand is addressed to.');

/** A law or article the texts cite. */
export const provisionRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Stable id.'),
    /** Short label. */
    label: z.string().min(1).describe('Short label.'),
    /** What the sources say it is, quoted. */
    description: z.string().min(1).describe('What the sources say it is, quoted.'),
    /** Strings that identify it in a text. */
    aliases: z.array(z.string()).describe('Strings that identify it in a text.'),
    /** Ids of the demands citing it. */
    demands: z.array(z.string()).describe('Ids of the demands citing it (demands.json).'),
  })
  .describe('A law or article the texts cite.');

// ---------------------------------------------------------------------------------------------
// follow-up.json, since-then.json, citations.json
// ---------------------------------------------------------------------------------------------

/** A passage of a later text that bears on earlier demands. */
export const followUpRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Stable id of the record.'),
    /** The later text's procedure. */
    procedure: reference().describe('Reference of the procedure of the later text.'),
    /** Year of that procedure. */
    year: z.number().int().describe('Year of that procedure\'s reference.'),
    /** Kind of the later text. */
    document: documentKind,
    /** Anchor of the item. */
    anchor: z.string().regex(ANCHOR).describe('Anchor of the item the passage stands in.'),
    /** A human name for the item. */
    paragraph: z.string().min(1).describe('A human name for the item, e.g. "paragraph 3" or "summary ¶4".'),
    /** What the words do with the earlier demands. */
    kind: followUpKind.describe('What the words do with the earlier demands, as far as they go: acknowledges-progress (welcome or note a step), repeats (say they ask again), notes-non-compliance (say the problem continues or has grown), other (state a related fact). Never that a demand was met.'),
    /** The passage, verbatim. */
    quote: z.string().min(1).describe('The passage, verbatim: an exact substring of the item\'s text.'),
    /** Ids of the earlier demands. */
    demands: z.array(z.string()).describe('Ids of the earlier demands it bears on (demands.json).'),
    /** This site's reason. */
    note: z.string().min(1).describe('This site\'s reason for the record and its kind, and what the words do not say.'),
    /** Link to the passage. */
    permalink: link().describe('Link to the item in context on the later text\'s procedure page.'),
  })
  .describe('A passage of a later text that bears on earlier demands (this site\'s selection; the words are verbatim).');

/** The columns of follow-up.csv, in order: a projection of followUpRecord (lists joined with ";"). */
export const FOLLOW_UP_CSV_COLUMNS = ['id', 'procedure', 'year', 'document', 'paragraph', 'kind', 'quote', 'demands', 'note', 'permalink'] as const satisfies ReadonlyArray<
  keyof z.output<typeof followUpRecord>
>;

/** What the later texts say about one demand. */
export const sinceThenRecord = z
  .strictObject({
    /** The demand. */
    demand: z.string().min(1).describe('Id of the demand (demands.json).'),
    /** Where it stands. */
    status: z
      .enum(['newest', 'asked-again', 'not-asked-again'])
      .describe('"newest": it is in the newest text of the collection; "asked-again": a later resolution asks it again; "not-asked-again": none does.'),
    /** Later demands asking it again. */
    askedAgain: z.array(z.string()).describe('Ids of the demands of later resolutions that ask it again (on the same recurring demand).'),
    /** Follow-up records bearing on it. */
    followUps: z.array(z.string()).describe('Ids of the passages of later texts that bear on it (follow-up.json).'),
    /** Year of the last later text that asks it again or bears on it. */
    lastYear: z.number().int().nullable().describe('Year of the last later text that asks it again or bears on it, or null when none does.'),
    /** The one-line summary. */
    summary: z.string().min(1).describe('The one-line summary shown on the demand\'s card.'),
    /** The whole line, as text. */
    text: z.string().min(1).describe('The whole line as one text.'),
    /** The line in parts. */
    parts: z
      .array(
        z.strictObject({
          /** Words. */
          text: z.string().min(1).describe('Words of the line.'),
          /** Link to the passage they name, or null. */
          permalink: link().nullable().describe('Link to the passage the words name, or null for the words between.'),
        }),
      )
      .describe('The same line in parts, each passage name with its link.'),
  })
  .describe('What the later texts in this collection say about one demand: only what they say, never that it was met.');

/** One thing a citation cites. */
export const citationRecord = z
  .strictObject({
    /** Stable id. */
    id: z.string().regex(ID).describe('Id: <procedure slug>-<citation anchor>-<part>.'),
    /** The citing procedure. */
    procedure: reference().describe('Reference of the procedure whose text cites it.'),
    /** Anchor of the citation. */
    anchor: z.string().regex(ANCHOR).describe('Anchor of the citation ("having regard to …") on the procedure page.'),
    /** Which thing of the citation. */
    part: z.number().int().min(1).describe('Which of the things that citation cites, from 1, in printed order.'),
    /** What it is. */
    kind: z
      .enum([...citedKind.options, 'unclassified'])
      .describe('What is cited: ep-resolution, ep-rules (Parliament\'s Rules of Procedure), eu-agreement, eu-dialogue, eu-statement, un, osce, ngo, other; unclassified where no rule applies and no one has decided.'),
    /** How the kind was decided. */
    decidedBy: z.enum(['rule', 'override', 'none']).describe('"rule": by a fixed rule on the words; "override": decided by hand where no rule applies; "none": not decided.'),
    /** Rule name or override id. */
    rule: z.string().nullable().describe('Name of the rule, or id of the hand-made decision, or null.'),
    /** The words naming it. */
    text: z.string().min(1).describe('The words naming it, as printed (footnote numbers left out).'),
    /** The date as printed. */
    datePrinted: z.string().nullable().describe('The date as printed, e.g. "15 March 2012", or null where none is printed.'),
    /** The same date, exactly as precise. */
    date: z.string().regex(PARTIAL_DATE).nullable().describe('The same date as YYYY-MM-DD or YYYY-MM, never more precise than printed, or null.'),
    /** The footnote printed with it. */
    footnote: z
      .strictObject({
        /** Anchor of the footnote. */
        anchor: z.string().regex(ANCHOR).describe('Anchor of the footnote on the procedure page.'),
        /** The reference it prints. */
        reference: z.string().min(1).describe('The reference the footnote prints, e.g. P7_TA(2012)0089.'),
      })
      .nullable()
      .describe('The footnote printed with it, or null.'),
    /** False for "its previous resolutions on …". */
    named: z.boolean().describe('False when the words name no particular text ("its previous resolutions on Kazakhstan").'),
    /** The procedure this collection holds it as, or null. */
    held: reference().nullable().describe('For a European Parliament resolution this collection holds: its procedure reference; otherwise null.'),
    /** Link to it in this collection, or null. */
    heldPermalink: link().nullable().describe('Link to that procedure\'s page, or null.'),
    /** Link to the citation. */
    permalink: link().describe('Link to the citation in context.'),
  })
  .describe('One document a text cites ("having regard to …"), as this site reads the citation.');

/** The JSON downloads: file name → schema of the whole file (an array of records). */
export const downloadSchemas = {
  'procedures.json': z.array(procedureRecord).describe('Every procedure (resolution) on this site, oldest first, with the full texts it reproduces.'),
  'demands.json': z.array(demandRecord).describe('Every demand, in site order: procedures oldest first, then text order.'),
  'timeline.json': z.array(timelineRecord).describe('Every dated event, in date order.'),
  'people.json': z.array(personRecord).describe('Every person the texts name, sorted by id.'),
  'themes.json': z.array(themeRecord).describe('The themes of the controlled taxonomy, sorted by id.'),
  'addressees.json': z.array(addresseeRecord).describe('Whom demands are addressed to, sorted by id.'),
  'provisions.json': z.array(provisionRecord).describe('Laws and articles the demands cite, sorted by id.'),
  'follow-up.json': z.array(followUpRecord).describe('Passages of later texts that bear on earlier demands, in site order: procedures oldest first, then text order.'),
  'since-then.json': z.array(sinceThenRecord).describe('For every demand, in the order of demands.json, what the later texts in this collection say about it.'),
  'citations.json': z.array(citationRecord).describe('Every document the texts cite, in site order, with whether this collection holds it.'),
} as const;

export type JsonDownloadName = keyof typeof downloadSchemas;
export type ItemRecord = z.output<typeof itemRecord>;
export type TextRecord = z.output<typeof textRecord>;
export type ProcedureRecord = z.output<typeof procedureRecord>;
export type DemandRecord = z.output<typeof demandRecord>;
export type TimelineRecord = z.output<typeof timelineRecord>;
export type PersonRecord = z.output<typeof personRecord>;
export type ThemeRecord = z.output<typeof themeRecord>;
export type AddresseeRecord = z.output<typeof addresseeRecord>;
export type ProvisionRecord = z.output<typeof provisionRecord>;
export type FollowUpRecord = z.output<typeof followUpRecord>;
export type SinceThenRecord = z.output<typeof sinceThenRecord>;
export type CitationRecord = z.output<typeof citationRecord>;
