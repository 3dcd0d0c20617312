import { z } from 'astro/zod';
import { anchor, procedureReference, slugId } from './common.ts';

/**
 * What a later text's words do with an earlier demand, only as far as the words themselves go:
 * never "met" or "resolved", which no text in the collection says.
 */
export const followUpKind = z.enum([
  /** The later text welcomes or notes a step towards what was asked ("Welcomes the release of …"). */
  'acknowledges-progress',
  /** The later text says it asks again ("reiterates its call", "must continue"), outside a demand of its own. */
  'repeats',
  /** The later text says the problem the demand was about continues or has grown ("concerns remain", "has increased"). */
  'notes-non-compliance',
  /** The later text states a fact that bears on the demand without saying whether it was met. */
  'other',
]);

/** A demand id as the model builds it: `<slug>-<item anchor>-<n>`. */
const demandId = z.string().regex(/^\d{4}-\d{4}-[a-z0-9-]+-\d+$/, 'expected a demand id like 2013-2600-para-6-1');

/** A statement in a later text that bears on earlier demands (`content/follow-up.yaml`). */
export const followUpSchema = z.strictObject({
  /** Stable id, used in fragments and downloads: never reuse one for other words. */
  id: slugId,
  /** The later text's procedure. */
  procedure: procedureReference,
  /** Anchor of the item the words stand in (`motion-para-3`, `summary-4`). */
  anchor,
  /** The words, verbatim: an exact substring of that item's text. */
  quote: z.string().min(3),
  /** What the words do with the earlier demands (see followUpKind). */
  kind: followUpKind,
  /** Ids of the demands the words bear on, all from procedures before this one. */
  demands: z.array(demandId).min(1),
  /** The curator's reason for the record and its kind, and what the words do not say. */
  note: z.string().min(3),
});

/** Kinds of thing a citation ("having regard to …") cites. */
export const citedKind = z.enum([
  /** A European Parliament resolution (or its recommendation adopted as a resolution). */
  'ep-resolution',
  /** Parliament's Rules of Procedure. */
  'ep-rules',
  /** An agreement between the EU and Kazakhstan. */
  'eu-agreement',
  /** An EU–Kazakhstan dialogue, round or seminar. */
  'eu-dialogue',
  /** A statement of the High Representative, the EEAS, the Council or the Commission. */
  'eu-statement',
  /** A UN instrument, body or statement. */
  'un',
  /** An OSCE instrument, institution or statement. */
  'osce',
  /** A report, opinion or statement of a non-governmental organisation. */
  'ngo',
  /** Anything else. */
  'other',
]);

/**
 * A curated decision where the citation rules (src/content/model/citations.ts) cannot decide
 * (`content/citations.yaml`): better than a guess.
 */
export const citationOverrideSchema = z.strictObject({
  /** Stable id. */
  id: slugId,
  /** The citing text's procedure. */
  procedure: procedureReference,
  /** Anchor of the citation item (`citation-4`, `motion-citation-2`). */
  anchor,
  /** Which cited thing of the item, counting from 1, when the rules find several. */
  part: z.number().int().min(1).default(1),
  /** What it cites. */
  kind: citedKind,
  /** Why: what in the words decides it. */
  note: z.string().min(3),
});

export type FollowUp = z.output<typeof followUpSchema>;
export type FollowUpKind = z.output<typeof followUpKind>;
export type CitedKind = z.output<typeof citedKind>;
export type CitationOverride = z.output<typeof citationOverrideSchema>;
