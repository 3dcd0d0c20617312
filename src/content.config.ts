import { defineCollection } from 'astro:content';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { file, glob, type Loader } from 'astro/loaders';
import { procedureSchema } from './content/schemas/procedure.ts';
import { demandFileSchema, eventSchema, threadSchema } from './content/schemas/curation.ts';
import { addresseeSchema, personSchema, provisionSchema, themeSchema } from './content/schemas/taxonomy.ts';

/** `CONTENT_DIR` points the build at fixtures or a synthetic corpus; the real site reads content/. */
const dir = (process.env.CONTENT_DIR || './content').replace(/\/$/, '');

/** `<dir>/*.md` as entries { id: file name without .md, data: frontmatter, body }, unrendered. */
function markdownSources(base: string): Loader {
  return {
    name: 'markdown-sources',
    load: async ({ config, store, parseData, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const abs = path.resolve(root, base);
      const sync = async () => {
        const files = (await fs.readdir(abs).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
        const seen = new Set<string>();
        for (const f of files) {
          const filePath = path.join(abs, f);
          const raw = await fs.readFile(filePath, 'utf8');
          const id = f.slice(0, -3);
          seen.add(id);
          const digest = generateDigest(raw);
          if (store.get(id)?.digest === digest) continue;
          // Parsed exactly as the glob loader parses Markdown (same frontmatter parser, trimmed body).
          const parsed = parseFrontmatter(raw, { frontmatter: 'empty-with-spaces' });
          const data = await parseData({ id, data: parsed.frontmatter, filePath });
          store.set({ id, data, body: parsed.content.trim(), filePath: path.relative(root, filePath), digest });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      watcher?.add(abs);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(abs + path.sep) && changed.endsWith('.md')) void sync();
      });
    },
  };
}

export const collections = {
  procedures: defineCollection({
    // Pages render the parsed model, not Astro's Markdown HTML: the files are read as frontmatter +
    // body, never rendered, and (unlike glob's deferRender) no module per file enters the bundle.
    loader: markdownSources(`${dir}/procedures`),
    schema: procedureSchema,
  }),
  demands: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${dir}/demands` }), schema: demandFileSchema }),
  themes: defineCollection({ loader: file(`${dir}/themes.yaml`), schema: themeSchema }),
  addressees: defineCollection({ loader: file(`${dir}/addressees.yaml`), schema: addresseeSchema }),
  people: defineCollection({ loader: file(`${dir}/people.yaml`), schema: personSchema }),
  provisions: defineCollection({ loader: file(`${dir}/provisions.yaml`), schema: provisionSchema }),
  threads: defineCollection({ loader: file(`${dir}/threads.yaml`), schema: threadSchema }),
  events: defineCollection({ loader: file(`${dir}/events.yaml`), schema: eventSchema }),
};
