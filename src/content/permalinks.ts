/**
 * What each published permalink points to, and the check that it still does.
 *
 * tests/url-manifest.json records every published page and, for every permalink into the texts
 * (a demand, an item of a text, a timeline event, a person), a fingerprint of the words it points
 * to. The content check and the build compare the content with it: a permalink whose words changed,
 * or that is gone without an entry in content/moved.yaml, fails both, naming the permalink, the
 * words it was published for and the words it has now. `npm run urls:manifest` records changes made
 * on purpose (scripts/tools/url-manifest.ts); see README, "Published addresses".
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ContentIssue } from './parse/index.ts';
import type { Moved } from './schemas/curation.ts';
import type { SiteInput, SiteModel } from './model/types.ts';

/** The committed manifest: `URL_MANIFEST` (tests of the manifest tool) or tests/url-manifest.json. */
export function manifestFile(root = process.cwd()): string {
  return path.resolve(root, process.env.URL_MANIFEST || 'tests/url-manifest.json');
}

export type PermalinkKind = 'demand' | 'item' | 'event' | 'person';

/** A permalink of the content as it is now, with where its words are written. */
export interface Permalink {
  /** `demand:2013-2600-para-3-1`, `item:2013-2600#para-3`, `event:zhanaozen-violence`, `person:vladimir-kozlov`. */
  id: string;
  kind: PermalinkKind;
  /** The verbatim words it points to. */
  words: string;
  /** Where those words are written: file, field and line (when known). */
  file: string;
  field: string;
  line?: number;
}

/** One permalink in the manifest: its id, its address when recorded, and what it pointed to. */
export interface ManifestEntry {
  id: string;
  /** Site path without the base, e.g. `procedures/2013-2600/#para-3`. */
  url: string;
  /** Fingerprint of the words (see `fingerprint`). */
  words: string;
  /** The beginning and end of the words, for people reading a message or a diff. */
  excerpt: string;
}

export interface Manifest {
  /** Published pages and files, as paths from the base (`/`, `/about/`, `/data/demands.csv`). */
  pages: string[];
  permalinks: ManifestEntry[];
}

/**
 * A short fingerprint of words: 12 hex digits of their SHA-256, whitespace runs folded to one
 * space first (undoing a line wrap does not change what a permalink points to).
 */
export function fingerprint(words: string): string {
  return createHash('sha256').update(words.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
}

/** The words shortened for a message: the whole when short, else the start and the end. */
export function excerpt(words: string): string {
  const w = words.replace(/\s+/g, ' ').trim();
  return w.length <= 100 ? w : `${w.slice(0, 70)}…${w.slice(-25)}`;
}

const eventSource = /^(\d{4}-\d{4})-(?:key-event-(\d+)|document-(\d+)|adopted)$/;

/** Every permalink into the content, with its words and where they are written. */
export function permalinksOf(site: SiteModel, input: SiteInput): Permalink[] {
  const out: Permalink[] = [];
  const curatedAt = new Map<string, { file: string; field: string }>();
  for (const f of input.demandFiles) f.data.demands.forEach((d, i) => curatedAt.set(d.id, { file: f.file, field: `demands[${i}].text` }));
  for (const p of site.procedures) {
    for (const doc of p.documents) {
      for (const it of doc.items) out.push({ id: `item:${p.slug}#${it.anchor}`, kind: 'item', words: it.text, file: p.file, field: it.anchor, line: it.line });
    }
    for (const d of p.demands) {
      const where = curatedAt.get(d.id) ?? { file: p.file, field: d.anchor, line: p.items.get(d.anchor)?.line };
      out.push({ id: `demand:${d.id}`, kind: 'demand', words: d.text, ...where });
    }
  }
  const contextAt = new Map(input.events.data.map((e, i) => [e.id, i]));
  for (const e of site.events) {
    const words = `${e.date}${e.endDate ? `/${e.endDate}` : ''} ${e.quote ?? e.title}`;
    const i = contextAt.get(e.id);
    const m = eventSource.exec(e.id);
    const where =
      i !== undefined
        ? { file: input.events.file, field: `[${i}].quote` }
        : {
            file: site.bySlug.get(e.slug)?.file ?? input.events.file,
            field: m?.[2] ? `procedureFile.keyEvents[${Number(m[2]) - 1}]` : m?.[3] ? `procedureFile.documentationGateway[${Number(m[3]) - 1}]` : 'adopted.date',
          };
    out.push({ id: `event:${e.id}`, kind: 'event', words, ...where });
  }
  input.people.data.forEach((person, i) => out.push({ id: `person:${person.id}`, kind: 'person', words: person.name, file: input.people.file, field: `[${i}].name` }));
  return out;
}

/** Reads the manifest; undefined when there is none, an issue when it is not one. */
export function readManifest(file: string, root = process.cwd()): { manifest?: Manifest; text?: string; issue?: ContentIssue } {
  if (!fs.existsSync(file)) return {};
  const rel = path.relative(root, file) || file;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const data = JSON.parse(text) as Partial<Manifest>;
    if (!Array.isArray(data.pages) || !Array.isArray(data.permalinks)) throw new Error('expected { "pages": [...], "permalinks": [...] }');
    return { manifest: { pages: data.pages, permalinks: data.permalinks }, text };
  } catch (error) {
    return { issue: { file: rel, field: '(file)', message: `not a URL manifest: ${(error as Error).message}` } };
  }
}

/** Line of a permalink's entry in the manifest text (one entry per line, as `writeManifest` writes it). */
function entryLine(text: string | undefined, id: string): number | undefined {
  const i = text?.split('\n').findIndex((l) => l.includes(`"id": ${JSON.stringify(id)}`));
  return i === undefined || i < 0 ? undefined : i + 1;
}

/**
 * Compares the content's permalinks with the manifest: a recorded permalink must point to the
 * same words, or be gone with an entry in moved.yaml for its address. Returns the problems and the
 * permalinks not recorded yet.
 */
export function comparePermalinks(
  current: Permalink[],
  manifest: Manifest,
  moved: Moved[],
  where: { file: string; text?: string },
): { issues: ContentIssue[]; added: Permalink[] } {
  const now = new Map(current.map((p) => [p.id, p]));
  const movedFrom = new Set(moved.map((m) => m.from));
  const issues: ContentIssue[] = [];
  for (const entry of manifest.permalinks) {
    const p = now.get(entry.id);
    if (!p) {
      if (movedFrom.has(entry.url)) continue;
      issues.push({
        file: where.file,
        line: entryLine(where.text, entry.id),
        field: entry.id,
        message: `published at ${entry.url} and now gone: restore it, or say where it went in content/moved.yaml (from: ${entry.url}, to: the address of its words now, why: one sentence)`,
      });
      continue;
    }
    const words = fingerprint(p.words);
    if (words === entry.words) continue;
    const before = entry.excerpt;
    const after = excerpt(p.words);
    issues.push({
      file: p.file,
      line: p.line,
      field: p.field,
      message:
        `${entry.id} (${entry.url}) now points to other words: was "${before}", now "${after}"${before === after ? ' (the change is inside the passage)' : ''}. ` +
        `A published link keeps its meaning: restore the words${p.kind === 'demand' ? ', or give the new words a new id and list the old address in content/moved.yaml' : ''}, ` +
        `or, if this is a correction made on purpose, record it: npm run urls:manifest -- --accept ${entry.id}`,
    });
  }
  const recorded = new Set(manifest.permalinks.map((e) => e.id));
  return { issues, added: current.filter((p) => !recorded.has(p.id)) };
}

/**
 * The manifest as JSON: pages one per line, permalinks one per line (so a message can name the
 * line, and a diff shows each change on its own line), both sorted.
 */
export function serializeManifest(manifest: Manifest): string {
  const pages = [...new Set(manifest.pages)].sort();
  const permalinks = [...manifest.permalinks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const j = JSON.stringify;
  const entry = (e: ManifestEntry) => `    { "id": ${j(e.id)}, "url": ${j(e.url)}, "words": ${j(e.words)}, "excerpt": ${j(e.excerpt)} }`;
  return [
    '{',
    `  "$comment": ${j('Every published page, and every permalink into the texts with a fingerprint of the words it points to. Checked by npm run check:content, the build and tests/scripts/url-manifest.test.ts; updated only on purpose with npm run urls:manifest (README, "Published addresses").')},`,
    '  "pages": [',
    pages.map((p) => `    ${j(p)}`).join(',\n'),
    '  ],',
    '  "permalinks": [',
    permalinks.map(entry).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
