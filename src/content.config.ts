import fs from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { contentFailure, judge } from './content/check.ts';
import { toCollections, type StoredContent } from './content/collections.ts';
import { contentDir, loadContent } from './content/load.ts';
import { procedureSchema } from './content/schemas/procedure.ts';

/**
 * The content collections, filled by the project's own reader (src/content/load.ts) instead of
 * Astro's glob and file loaders: every file is read once per build, its YAML parsed with positions
 * (never by Astro's YAML reader, which turns 2016-02-31 into 2 March and an unquoted date into a
 * Date) and validated with the zod schemas. When a file fails, the build stops here with the list
 * `npm run check:content` prints (src/content/check.ts). The cross-checks run once, when
 * getSite() builds the model from these collections (src/content/get-site.ts).
 */
const root = process.cwd();
const dir = contentDir(root);

/** One read for all collections; read again when a file changes (astro dev). */
let current: { version: string; result: StoredContent | Error } | undefined;

function content(version: string): StoredContent {
  if (current?.version !== version) {
    const read = loadContent(dir, root);
    current = { version, result: read.issues.length ? contentFailure(judge(read, dir, root)) : toCollections(read.input, dir, root) };
  }
  if (current.result instanceof Error) throw current.result;
  return current.result;
}

function contentLoader(collection: keyof StoredContent): Loader {
  return {
    name: `kz-content-${collection}`,
    load: async ({ store, watcher, logger }) => {
      const sync = (version: string) => {
        const entries = content(version)[collection];
        store.clear(); // then insert in file order: the order of getCollection
        for (const entry of entries) store.set(entry);
      };
      sync('build');
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(dir + path.sep)) return;
        try {
          sync(`${changed}@${fs.existsSync(changed) ? fs.statSync(changed).mtimeMs : 'gone'}`);
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    },
  };
}

export const collections = {
  /** One Markdown file per procedure: its frontmatter (checked by procedureSchema, which also types it) and its texts. */
  procedures: defineCollection({ loader: contentLoader('procedures'), schema: procedureSchema }),
  /** The curated YAML files (demands/<slug>.yaml, themes.yaml, people.yaml, …), one entry per file. */
  curation: defineCollection({ loader: contentLoader('curation') }),
};
