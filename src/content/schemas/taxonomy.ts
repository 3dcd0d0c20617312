import { z } from 'astro/zod';
import { anchor, procedureReference, slugId } from './common.ts';

/** One theme of the controlled taxonomy (`content/themes.yaml`). */
export const themeSchema = z.strictObject({
  /** Stable id, used in URLs: `/themes/<id>/`. */
  id: slugId,
  /** Short label. */
  label: z.string().min(1),
  /** One line saying what the theme covers. */
  description: z.string().min(1),
  /** Lower-case word stems the first-pass classifier looks for in a demand. */
  keywords: z.array(z.string().min(2)).default([]),
});

/** Someone a demand is addressed to (`content/addressees.yaml`). */
export const addresseeSchema = z.strictObject({
  /** Stable id. */
  id: slugId,
  /** Short label. */
  label: z.string().min(1),
  /** One line saying who it is. */
  description: z.string().min(1),
  /** Lower-case phrases that name it in a text, for the first-pass extraction. */
  patterns: z.array(z.string().min(2)).default([]),
});

/** Where in the sources something is stated. */
export const sourceRef = z.strictObject({
  /** The procedure. */
  procedure: procedureReference,
  /** The item's anchor on the procedure page. */
  anchor,
});

/** A person the sources name (`content/people.yaml`); nothing beyond the sources. */
export const personSchema = z.strictObject({
  /** Stable id, used in URLs: `/people/<id>/`. */
  id: slugId,
  /** The name as a source prints it (the page's title; a misprint stays, the usual spelling goes in `aliases`). */
  name: z.string().min(1),
  /** Other spellings: every other one the sources print (surname-only forms, misspellings) and the usual one. */
  aliases: z.array(z.string().min(2)).default([]),
  /** How the sources describe the person, quoted as printed. */
  role: z.string().min(1),
  /**
   * How `role` relates to the person, so that a quote reads right on the page: `described` (the
   * default: "Described as “the opposition leader”"), `among` (a plural the person is named among:
   * "Named among “activists”"), `in` (a phrase naming the person: "Named in “the case of …”").
   */
  roleFrame: z.enum(['described', 'among', 'in']).default('described'),
  /** Where that description is printed. */
  roleSource: sourceRef,
  /** A remark on spelling, e.g. that a source misprints the name. */
  note: z.string().min(1).optional(),
});

/** A law or article the sources cite (`content/provisions.yaml`). */
export const provisionSchema = z.strictObject({
  /** Stable id. */
  id: slugId,
  /** Short label. */
  label: z.string().min(1),
  /** What the sources say it is, quoted. */
  description: z.string().min(1),
  /** Strings that identify it in a text, for the first-pass extraction. */
  aliases: z.array(z.string().min(2)).default([]),
});

export type Theme = z.output<typeof themeSchema>;
export type Addressee = z.output<typeof addresseeSchema>;
export type Person = z.output<typeof personSchema>;
export type Provision = z.output<typeof provisionSchema>;
export type SourceRef = z.output<typeof sourceRef>;
