/**
 * The content as Astro content collections hold it, and back: what the loaders of
 * content.config.ts store, and the SiteInput get-site.ts rebuilds from it. Plain functions (no
 * Astro import), so a test can follow the build's path through them without running Astro.
 *
 * Two collections: `procedures`, one entry per Markdown file (validated frontmatter as `data`,
 * the texts as `body`), and `curation`, one entry per curated YAML file (`demands/2013-2600.yaml`,
 * `themes.yaml`, …), a list file's records in file order under `records`.
 */
import path from 'node:path';
import { LIST_FILES, LIST_KEYS, DEMAND_FILES, type ListKey } from './files.ts';
import { Sources, type LoadResult } from './load.ts';
import type { Entry, SiteInput } from './model/types.ts';
import type { ProcedureData } from './schemas/procedure.ts';
import type { DemandFile } from './schemas/curation.ts';

/** What a loader stores: Astro's DataEntry fields that the content uses. */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  /** Relative to the project root, as Astro requires. */
  filePath: string;
}

export interface StoredContent {
  procedures: StoredEntry[];
  curation: StoredEntry[];
}

/** The entries of both collections, from content load.ts read without a problem. */
export function toCollections(input: SiteInput, dir: string, root: string): StoredContent {
  const idOf = (file: string) => path.relative(dir, path.resolve(root, file)).split(path.sep).join('/');
  const lists = LIST_KEYS.filter((key) => input[key].data.length).map(
    (key): StoredEntry => ({ id: LIST_FILES[key].file, data: { records: input[key].data }, filePath: input[key].file }),
  );
  return {
    procedures: input.procedures.map((p) => ({ id: p.slug, data: p.data, body: p.body, filePath: p.file })),
    curation: [...input.demandFiles.map((f): StoredEntry => ({ id: idOf(f.file), data: f.data, filePath: f.file })), ...lists],
  };
}

/** The entries as getCollection gives them back. */
interface ReadEntry {
  id: string;
  data: unknown;
  body?: string;
  filePath?: string;
}

/**
 * What load.ts read, rebuilt from the collections: the same SiteInput, already validated (no
 * issues). Positions of any later problem are read from the files named (Sources).
 */
export function fromCollections(content: { procedures: ReadEntry[]; curation: ReadEntry[] }, dir: string, root: string): LoadResult {
  const rel = (f: string) => path.relative(root, f) || f;
  const byId = new Map(content.curation.map((e) => [e.id, e]));
  const list = (key: ListKey): Entry<never[]> => ({
    file: rel(path.join(dir, LIST_FILES[key].file)),
    data: ((byId.get(LIST_FILES[key].file)?.data as { records?: never[] } | undefined)?.records ?? []) as never[],
  });
  const input: SiteInput = {
    procedures: content.procedures.map((e) => ({ file: e.filePath!, slug: e.id, data: e.data as ProcedureData, body: e.body ?? '' })),
    demandFiles: content.curation
      .filter((e) => e.id.startsWith(`${DEMAND_FILES.folder}/`))
      .map((e) => ({ file: e.filePath!, slug: path.basename(e.id, DEMAND_FILES.extension), data: e.data as DemandFile })),
    ...(Object.fromEntries(LIST_KEYS.map((key) => [key, list(key)])) as unknown as Pick<SiteInput, ListKey>),
  };
  return { input, issues: [], failed: { records: new Set(), lists: new Set(), procedures: new Set(), demandFiles: new Set() }, sources: new Sources(root) };
}
