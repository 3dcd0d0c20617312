import { z } from 'astro/zod';
import {
  adoptedTextReference,
  anchor,
  documentReference,
  isoDate,
  motionReference,
  politicalGroup,
  procedureReference,
  slugId,
} from './common.ts';

/** Procedure types the Legislative Observatory uses for these files. */
export const procedureType = z.enum(['RSP - Resolutions on topical subjects']);
/** Procedure subtypes seen in the procedure files. */
export const procedureSubtype = z.enum(['Urgent debate or resolution']);
/** Stages a procedure file can report. */
export const procedureStage = z.enum([
  'Procedure completed',
  'Awaiting Parliament decision',
  'Procedure lapsed or withdrawn',
]);
/** Key events as the procedure files name them. */
export const keyEventName = z.enum([
  'Results of vote in Parliament',
  'Debate in Parliament',
  'Decision by Parliament',
  'End of procedure in Parliament',
]);
/** Documentation-gateway document types as the procedure files name them. */
export const gatewayDocumentType = z.enum([
  'Motion for a resolution',
  'Joint motion for resolution',
  'Text adopted by Parliament, single reading',
]);

/** One row of a procedure file's "Key events" table. */
export const keyEvent = z.strictObject({
  /** Day of the event. */
  date: isoDate,
  /** The event, as printed. */
  event: keyEventName,
  /** The document the row links to, when it links one. */
  reference: documentReference.optional(),
  /** True when the row offers a summary of that document. */
  summary: z.boolean().optional(),
});

/** One row of a procedure file's "Documentation gateway" table. */
export const gatewayDocument = z.strictObject({
  /** Document type, as printed. */
  type: gatewayDocumentType,
  /** The document's reference. */
  reference: documentReference,
  /** Day of the document. */
  date: isoDate,
  /** Institution column (or group heading) as printed; absent where the row has none. */
  institution: z.enum(['EP', 'European Parliament']).optional(),
  /** Committee column, where the row fills it. */
  committee: z.string().min(1).optional(),
  /** True when the row offers a summary. */
  summary: z.boolean().optional(),
});

/** What a Legislative Observatory procedure file states about the procedure. */
export const procedureFile = z.strictObject({
  /** The source document it was transcribed from. */
  source: z.string().min(1),
  /** Procedure type. */
  type: procedureType,
  /** Procedure subtype, where given. */
  subtype: procedureSubtype.optional(),
  /** Legal basis, with the label the file prints ("Legal basis" or "Other legal basis"). */
  legalBasis: z
    .strictObject({
      /** The label as printed. */
      label: z.enum(['Legal basis', 'Other legal basis']),
      /** The rule, e.g. "Rules of Procedure EP 144". */
      value: z.string().regex(/^Rules of Procedure EP \d+$/, 'expected e.g. "Rules of Procedure EP 144"'),
    })
    .optional(),
  /** Stage reached in procedure. */
  stage: procedureStage,
  /** Subjects, with the Observatory's code. */
  subjects: z
    .array(
      z.strictObject({
        /** Subject code, e.g. "6.10.08". */
        code: z.string().regex(/^\d+(\.\d+)*$/, 'expected a subject code like 6.10.08'),
        /** Subject label as printed. */
        label: z.string().min(1),
      }),
    )
    .min(1),
  /** Geographical area(s). */
  geographicalArea: z.array(z.string().min(1)).min(1),
  /** Key players, where the file has that section. */
  keyPlayers: z.array(z.string().min(1)).min(1).optional(),
  /** Key events table, in printed order. */
  keyEvents: z.array(keyEvent).min(1),
  /** Documentation gateway table, in printed order. */
  documentationGateway: z.array(gatewayDocument).min(1),
});

/** A statement of which political groups tabled the text. */
export const tablingGroups = z.strictObject({
  /** The groups, in printed order. */
  groups: z.array(politicalGroup).min(1),
  /** True when the source calls it a joint resolution. */
  joint: z.boolean().optional(),
  /** Anchor of the item that states it. */
  source: anchor,
});

/** What the sources state about the text Parliament adopted; each fact absent where unstated. */
export const adoptedText = z.strictObject({
  /** The adopted text's reference. */
  reference: adoptedTextReference.optional(),
  /** Day of adoption. */
  date: isoDate.optional(),
  /** Where the date comes from. */
  dateSource: z.enum(['procedure-file', 'summary-dateline']).optional(),
  /** Result of the final vote. */
  vote: z
    .strictObject({
      /** Votes in favour. */
      for: z.number().int().nonnegative(),
      /** Votes against. */
      against: z.number().int().nonnegative(),
      /** Abstentions. */
      abstentions: z.number().int().nonnegative(),
      /** Anchor of the item that states it. */
      source: anchor,
    })
    .optional(),
  /** Groups that tabled the adopted text. */
  tablingGroups: tablingGroups.optional(),
});

const documentBase = {
  /** Unique within the procedure file. */
  id: slugId,
  /** The source document it was transcribed from. */
  source: z.string().min(1),
  /** The document's title as printed; equals the body's `## ` heading. */
  heading: z.string().min(1),
  /** The line printed under the title, as printed. */
  dateline: z.string().min(1).optional(),
  /** Prefix for the document's anchors when another full text shares the page, e.g. "motion-". */
  anchorPrefix: z
    .string()
    .regex(/^[a-z]+-$/, 'expected a prefix like motion-')
    .optional(),
};

/** The Legislative Observatory's summary of the text adopted. */
export const summaryDocument = z.strictObject({ ...documentBase, kind: z.literal('summary') });
/** A resolution text whose source does not say whether it is the text as adopted or a motion. */
export const resolutionDocument = z.strictObject({ ...documentBase, kind: z.literal('resolution') });
/** A motion for a resolution: not Parliament's adopted position. */
export const motionDocument = z.strictObject({
  ...documentBase,
  kind: z.literal('motion'),
  /** Its B-number, where the source states it. */
  reference: motionReference.optional(),
  /** Groups that tabled it, where the source states them. */
  tablingGroups: z.array(politicalGroup).min(1).optional(),
});

/** One text a source gives for the procedure. */
export const procedureDocument = z.discriminatedUnion('kind', [
  summaryDocument,
  resolutionDocument,
  motionDocument,
]);

/** Frontmatter of `content/procedures/<year>-<number>.md`. */
export const procedureSchema = z.strictObject({
  /** Procedure reference, `YYYY/NNNN(RSP)`. */
  reference: procedureReference,
  /** The procedure file's title; absent where no procedure file is among the sources. */
  title: z.string().min(1).optional(),
  /** What the procedure file states; absent where none is among the sources. */
  procedureFile: procedureFile.optional(),
  /** What the sources state about the adopted text. */
  adopted: adoptedText.optional(),
  /** The texts in the body, in order. */
  documents: z.array(procedureDocument).min(1),
});

export type ProcedureData = z.output<typeof procedureSchema>;
export type ProcedureDocument = z.output<typeof procedureDocument>;
export type SummaryDocument = z.output<typeof summaryDocument>;
export type ResolutionDocument = z.output<typeof resolutionDocument>;
export type MotionDocument = z.output<typeof motionDocument>;
export type DocumentKind = ProcedureDocument['kind'];

export const isSummary = (d: ProcedureDocument): d is SummaryDocument => d.kind === 'summary';
export const isResolution = (d: ProcedureDocument): d is ResolutionDocument => d.kind === 'resolution';
export const isMotion = (d: ProcedureDocument): d is MotionDocument => d.kind === 'motion';
/** Full texts have citations, recitals and numbered paragraphs; summaries have plain paragraphs. */
export const isFullText = (d: ProcedureDocument): d is ResolutionDocument | MotionDocument =>
  d.kind !== 'summary';
