import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { procedureSchema } from './schemas/procedure.ts';
import { demandFileSchema, eventSchema, threadSchema } from './schemas/curation.ts';
import { addresseeSchema, personSchema, provisionSchema, themeSchema } from './schemas/taxonomy.ts';

/** `CONTENT_DIR` points the build at fixtures or a synthetic corpus; the real site reads content/. */
const dir = (process.env.CONTENT_DIR || './content').replace(/\/$/, '');

export const collections = {
  procedures: defineCollection({
    // Pages render the parsed model, not Astro's Markdown HTML: nothing to render eagerly.
    loader: glob({ pattern: '*.md', base: `${dir}/procedures`, deferRender: true }),
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
