import { z } from 'astro/zod';
import { anchor, partialDate, procedureReference, slugId } from './common.ts';
import { sourceRef } from './taxonomy.ts';

/** One curated demand: overrides what extraction found for its item. */
export const curatedDemand = z.strictObject({
  /** Anchor of the paragraph, bullet or summary item it is in. */
  anchor,
  /** The demand, an exact substring of that item's text. */
  text: z.string().min(3),
  /** Who it is addressed to (ids from addressees.yaml). */
  addressees: z.array(slugId).min(1),
  /** Themes (ids from themes.yaml). */
  themes: z.array(slugId).min(1),
  /** People it names (ids from people.yaml). */
  people: z.array(slugId).default([]),
  /** Provisions it cites (ids from provisions.yaml). */
  provisions: z.array(slugId).default([]),
});

/** `content/demands/<year>-<number>.yaml`: the reviewed demands of one procedure. */
export const demandFileSchema = z.strictObject({
  /** The procedure these demands belong to. */
  procedure: procedureReference,
  /** The demands, in text order. */
  demands: z.array(curatedDemand),
  /** Items that look operative but are deliberately not demands, with the reason. */
  nonDemands: z
    .array(
      z.strictObject({
        /** The item's anchor. */
        anchor,
        /** Why it is not a demand. */
        why: z.string().min(3),
      }),
    )
    .default([]),
});

/** A demand that recurs across resolutions (`content/threads.yaml`). */
export const threadSchema = z.strictObject({
  /** Stable id, used in URLs: `/threads/<id>/`. */
  id: slugId,
  /** Short title. */
  title: z.string().min(1),
  /** One line saying what recurs. */
  description: z.string().min(1),
  /** Themes it belongs to. */
  themes: z.array(slugId).default([]),
  /** Demand ids, in chronological order; at least two procedures. */
  demands: z.array(z.string().regex(/^\d{4}-\d{4}-[a-z0-9-]+-\d+$/, 'expected a demand id like 2013-2600-para-6-1')).min(2),
});

/** Kinds of contextual event. */
export const contextEventKind = z.enum([
  'violence',
  'ban',
  'court',
  'detention',
  'legislation',
  'agreement',
  'election',
  'statement',
  'visit',
  'dialogue',
  'ep-resolution',
  'institution',
  'other',
]);

/** A dated fact a text states (`content/events.yaml`). */
export const eventSchema = z.strictObject({
  /** Stable id. */
  id: slugId,
  /** When, only as precise as the source. */
  date: partialDate,
  /** Last day, for events the source gives as a span. */
  endDate: partialDate.optional(),
  /** What kind of event. */
  kind: contextEventKind,
  /** Short neutral title. */
  title: z.string().min(1),
  /** The procedure whose text states it. */
  procedure: procedureReference,
  /** The item that states it. */
  anchor,
  /** The statement, an exact substring of that item. */
  quote: z.string().min(3),
  /** Themes it relates to. */
  themes: z.array(slugId).default([]),
  /** Other texts stating the same fact. */
  alsoStated: z.array(sourceRef.extend({ quote: z.string().min(3) })).default([]),
  /** How a date was derived when the text gives it relatively. */
  note: z.string().min(1).optional(),
});

export type CuratedDemand = z.output<typeof curatedDemand>;
export type DemandFile = z.output<typeof demandFileSchema>;
export type Thread = z.output<typeof threadSchema>;
export type ContextEvent = z.output<typeof eventSchema>;
export type ContextEventKind = z.output<typeof contextEventKind>;
