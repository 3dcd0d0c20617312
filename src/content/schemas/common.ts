import { z } from 'astro/zod';
import { YamlDate } from '../yaml.ts';

/** A procedure reference as the European Parliament writes it: `2016/2607(RSP)`. */
export const procedureReference = z
  .string()
  .regex(/^\d{4}\/\d{4}\(RSP\)$/, 'expected a procedure reference like 2016/2607(RSP)');

/** A motion for a resolution: `B8-0343/2016`. */
export const motionReference = z
  .string()
  .regex(/^B[5-9]-\d{4}\/\d{4}$/, 'expected a motion reference like B8-0343/2016');

/** A joint motion for a resolution: `RC-B8-0337/2016`. */
export const jointMotionReference = z
  .string()
  .regex(/^RC-B[5-9]-\d{4}\/\d{4}$/, 'expected a joint-motion reference like RC-B8-0337/2016');

/** A text adopted, as the Legislative Observatory writes it: `T8-0083/2016`. */
export const adoptedTextReference = z
  .string()
  .regex(/^T[5-9]-\d{4}\/\d{4}$/, 'expected an adopted-text reference like T8-0083/2016');

/** A text adopted, as resolutions cite it: `P7_TA(2012)0089`. */
export const citedTextReference = z
  .string()
  .regex(/^P[5-9]_TA\(\d{4}\)\d{4}$/, 'expected a cited text reference like P7_TA(2012)0089');

/** Any EP document reference the procedure files list. */
export const documentReference = z.union([motionReference, jointMotionReference, adoptedTextReference]);

function isRealDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * An unquoted date as the content reader gives it (a YamlDate: the literal as written, so an
 * impossible day stays impossible) or as other YAML readers give it (a Date: the importer checks
 * its output with js-yaml too), as the string a date field expects.
 */
function dateLiteral(v: unknown): unknown {
  if (v instanceof YamlDate) return v.literal;
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v;
}

/** A calendar day, `YYYY-MM-DD`, written with or without quotes. */
export const isoDate = z.preprocess(
  dateLiteral,
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
    .refine(isRealDay, 'not a real calendar day'),
);

/** A date only as precise as its source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDate = z.preprocess(
  dateLiteral,
  z
    .string({ error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD' })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((s) => s.length < 10 || isRealDay(s), 'not a real calendar day'),
);

/**
 * A demand's id: the procedure's slug, then a kebab-case name, e.g. `2013-2600-para-6-1`
 * (curated: `<slug>-<anchor>-<n>`) or `2019-2610-para-5-3fa9c2` (found automatically: the item's
 * anchor and a fingerprint of the words; see model/build.ts).
 */
export const demandId = z
  .string()
  .regex(/^\d{4}-\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a demand id like 2013-2600-para-6-1');

/**
 * An address on this site without the base path, as published: a page (`people/vladimir-kozlov/`)
 * or a fragment of one (`procedures/2013-2600/#para-3`).
 */
export const sitePath = z
  .string()
  .regex(/^([a-z0-9][a-z0-9.-]*\/)+(#[a-z0-9][a-z0-9-]*)?$/, 'expected an address of this site like people/vladimir-kozlov/ or procedures/2013-2600/#para-3');

/** A lower-case kebab-case identifier: `political-prisoners`. */
export const slugId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case kebab-case id like political-prisoners');

/** An anchor of an item in a procedure page: `para-13`, `recital-d`, `summary-3-1`, `motion-para-4`. */
export const anchor = z
  .string()
  .regex(
    /^([a-z]+-)*(preamble|citation-\d+|recital-[a-z]{1,2}|para-\d+|footnote-\d+|summary-\d+(-\d+)?)$/,
    'expected an item anchor like para-13, recital-d, citation-2, footnote-1, summary-3 or summary-3-1',
  );

/** Political groups of the European Parliament, as the summaries print them. */
export const politicalGroup = z.enum([
  'EPP',
  'S&D',
  'ECR',
  'ALDE',
  'Renew',
  'GUE/NGL',
  'The Left',
  'Greens/EFA',
  'EFDD',
  'ID',
  'ENF',
  'NI',
]);
