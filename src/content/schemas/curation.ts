import { z } from 'astro/zod';
import { anchor, demandId, partialDate, procedureReference, sitePath, slugId } from './common.ts';
import { sourceRef } from './taxonomy.ts';

/** One curated demand: overrides what extraction found for its item. */
export const curatedDemand = z.strictObject({
  /**
   * Its permanent id, `<slug>-<anchor>-<n>`, written once and never changed: the permalink
   * `/procedures/<slug>/#demand-<id>` always names these words. A new demand takes the next n
   * not used before for its item; an id is never reused, even after its demand is removed.
   */
  id: demandId,
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

/**
 * `content/demands/<year>-<number>.yaml`: the reviewed demands of one procedure. No two demands
 * share an id or a text: a copy of a demand would publish the same words twice under two ids.
 */
export const demandFileSchema = z.strictObject({
  /** The procedure these demands belong to. */
  procedure: procedureReference,
  /** The demands, in text order; ids and texts unique. */
  demands: z.array(curatedDemand).superRefine((demands, ctx) => {
    const byId = new Map<string, number>();
    const byText = new Map<string, number>();
    demands.forEach((d, i) => {
      const sameId = byId.get(d.id);
      const sameText = byText.get(d.text);
      if (sameId !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate demand: the id ${d.id} is also demands[${sameId}]'s${sameText === sameId ? ', with the same text' : ''}` });
      } else if (sameText !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'text'], message: `duplicate demand: the same text as demands[${sameText}] (ids ${demands[sameText]!.id} and ${d.id})` });
      }
      if (sameId === undefined) byId.set(d.id, i);
      if (sameText === undefined) byText.set(d.text, i);
    });
  }),
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
  demands: z.array(demandId).min(2),
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

/**
 * A published address that no longer points where it did (`content/moved.yaml`). The old address
 * keeps working: a page becomes a short page saying where it went, a fragment becomes a note with
 * that id on its old page.
 */
export const movedSchema = z.strictObject({
  /** The address as published (tests/url-manifest.json), without the base path: a page (`people/old-id/`) or a fragment (`procedures/2013-2600/#demand-2013-2600-para-3-2`). */
  from: sitePath,
  /** Where its words are now, in the same form. */
  to: sitePath,
  /** Why it moved, one plain sentence shown to the reader who follows the old link. */
  why: z.string().min(3),
});

export type CuratedDemand = z.output<typeof curatedDemand>;
export type DemandFile = z.output<typeof demandFileSchema>;
export type Thread = z.output<typeof threadSchema>;
export type ContextEvent = z.output<typeof eventSchema>;
export type Moved = z.output<typeof movedSchema>;
export type ContextEventKind = z.output<typeof contextEventKind>;
