import fs from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { parse } from 'yaml';
import { buildSite } from './model/build.ts';
import { ContentError } from './model/errors.ts';
import { loadContent } from './load.ts';
import type { SiteInput, SiteModel } from './model/types.ts';

let site: Promise<SiteModel> | undefined;

const rel = (f: string | undefined, fallback: string) => (f ? path.relative(process.cwd(), path.resolve(f)) : fallback);

async function list<T>(name: 'themes' | 'addressees' | 'people' | 'provisions' | 'threads' | 'events', fallback: string) {
  const entries = await getCollection(name);
  const file = entries[0]?.filePath;
  // The collection does not keep the file's order, which is the curators' (the taxonomy's order
  // is the order pages list it in): restore it, so the build and loadContent() agree.
  const order = new Map<string, number>();
  if (file) (parse(fs.readFileSync(path.resolve(file), 'utf8')) as Array<{ id: string }>).forEach((x, i) => order.set(x.id, i));
  const sorted = [...entries].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { file: rel(file, fallback), data: sorted.map((e) => e.data as T) };
}

async function load(): Promise<SiteModel> {
  // Astro's YAML reading turns an impossible date (2016-02-31) into a real one (2 March): validate
  // the files as written first, with line numbers, so nothing wrong is ever published.
  const strict = loadContent();
  if (strict.issues.length) throw new ContentError(strict.issues);
  const [procedures, demandFiles] = await Promise.all([getCollection('procedures'), getCollection('demands')]);
  const input: SiteInput = {
    procedures: procedures.map((e) => {
      const file = rel(e.filePath, e.id);
      const raw = e.filePath ? fs.readFileSync(path.resolve(e.filePath), 'utf8') : '';
      const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(raw);
      return { file, slug: e.id, data: e.data, body: e.body ?? '', bodyLine: fm ? fm[0].split('\n').length - 1 : 0 };
    }),
    demandFiles: demandFiles.map((e) => ({ file: rel(e.filePath, e.id), slug: e.id, data: e.data })),
    themes: await list('themes', 'themes.yaml'),
    addressees: await list('addressees', 'addressees.yaml'),
    people: await list('people', 'people.yaml'),
    provisions: await list('provisions', 'provisions.yaml'),
    threads: await list('threads', 'threads.yaml'),
    events: await list('events', 'events.yaml'),
    // Not collections: read with the strict loader above (same schemas), one file each.
    followUp: strict.input.followUp,
    citationOverrides: strict.input.citationOverrides,
  };
  return buildSite(input);
}

/** The site model, built once per build from the content collections and shared by every page. */
export function getSite(): Promise<SiteModel> {
  return (site ??= load());
}
