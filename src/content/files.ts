/**
 * The content folder, in one table: every file the site is built from, the schema that checks
 * it and the collection it becomes. load.ts reads from it, content.config.ts declares one Astro
 * content collection per row, get-site.ts and check.ts name files from it.
 */
import { procedureSchema } from './schemas/procedure.ts';
import { addresseeSchema, personSchema, provisionSchema, themeSchema } from './schemas/taxonomy.ts';
import { demandFileSchema, eventSchema, movedSchema, threadSchema } from './schemas/curation.ts';
import { citationOverrideSchema, followUpSchema } from './schemas/follow-up.ts';

/**
 * No content file may be larger than this; it is checked before a file is read, so a runaway
 * file fails in a second instead of exhausting memory. 1 MB is some sixty times the longest file
 * today (a 16 KB events list; the longest procedure, 13 KB, holds a full resolution text).
 */
export const MAX_FILE_BYTES = 1_000_000;

/** `procedures/<year>-<number>.md`: frontmatter (the procedure file's facts) and the texts. */
export const PROCEDURES = { folder: 'procedures', extension: '.md', schema: procedureSchema, schemaFile: 'src/content/schemas/procedure.ts' } as const;

/** `demands/<year>-<number>.yaml`: the curated demands of one procedure. */
export const DEMAND_FILES = { folder: 'demands', extension: '.yaml', schema: demandFileSchema, schemaFile: 'src/content/schemas/curation.ts' } as const;

/**
 * The YAML lists of records, each optional (absent = no records). `key` is the field that
 * identifies a record (unique within its file); `what` names one record in messages.
 */
export const LIST_FILES = {
  themes: { file: 'themes.yaml', schema: themeSchema, key: 'id', what: 'theme', schemaFile: 'src/content/schemas/taxonomy.ts' },
  addressees: { file: 'addressees.yaml', schema: addresseeSchema, key: 'id', what: 'addressee', schemaFile: 'src/content/schemas/taxonomy.ts' },
  people: { file: 'people.yaml', schema: personSchema, key: 'id', what: 'person', schemaFile: 'src/content/schemas/taxonomy.ts' },
  provisions: { file: 'provisions.yaml', schema: provisionSchema, key: 'id', what: 'provision', schemaFile: 'src/content/schemas/taxonomy.ts' },
  threads: { file: 'threads.yaml', schema: threadSchema, key: 'id', what: 'thread', schemaFile: 'src/content/schemas/curation.ts' },
  events: { file: 'events.yaml', schema: eventSchema, key: 'id', what: 'event', schemaFile: 'src/content/schemas/curation.ts' },
  moved: { file: 'moved.yaml', schema: movedSchema, key: 'from', what: 'moved address', schemaFile: 'src/content/schemas/curation.ts' },
  followUp: { file: 'follow-up.yaml', schema: followUpSchema, key: 'id', what: 'follow-up record', schemaFile: 'src/content/schemas/follow-up.ts' },
  citationOverrides: { file: 'citations.yaml', schema: citationOverrideSchema, key: 'id', what: 'citation reading', schemaFile: 'src/content/schemas/follow-up.ts' },
} as const;

export type ListKey = keyof typeof LIST_FILES;
export const LIST_KEYS = Object.keys(LIST_FILES) as ListKey[];

/** The Astro content collections: one per row of this table. */
export type CollectionName = 'procedures' | 'demands' | ListKey;
export const COLLECTIONS: CollectionName[] = ['procedures', 'demands', ...LIST_KEYS];
