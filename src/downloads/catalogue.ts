// The catalogue of downloads under /data/: what each file is, and its exact bytes. The endpoints,
// the Data page (sizes, field tables) and the tests all go through here, so what the page says is
// what the files are.
import { z } from 'astro/zod';
import type { SiteModel } from '../content/model/index.ts';
import { downloadSchemas, type DemandRecord, type FollowUpRecord, type JsonDownloadName } from './schemas.ts';
import { demandsCsv, followUpCsv, jsonRecords, toJsonText } from './records.ts';
import { dataPath, type Links } from '../site/paths.ts';

export interface JsonDownload {
  name: JsonDownloadName;
  /** Short title for the Data page. */
  title: string;
  mediaType: 'application/json';
  /** File name of its JSON Schema. */
  schema: string;
}

export interface CsvDownload {
  name: 'demands.csv' | 'follow-up.csv';
  title: string;
  mediaType: 'text/csv';
  /** The JSON file it is a projection of. */
  of: JsonDownloadName;
}

export type Download = JsonDownload | CsvDownload;

const json = (name: JsonDownloadName, title: string): JsonDownload => ({
  name,
  title,
  mediaType: 'application/json',
  schema: name.replace(/\.json$/, '.schema.json'),
});

/** Every download, in the order the Data page lists them. */
export const DOWNLOADS: readonly Download[] = [
  json('demands.json', 'Demands'),
  { name: 'demands.csv', title: 'Demands (CSV)', mediaType: 'text/csv', of: 'demands.json' },
  json('procedures.json', 'Procedures and their texts'),
  json('timeline.json', 'Timeline'),
  json('people.json', 'People'),
  json('themes.json', 'Themes'),
  json('addressees.json', 'Addressees'),
  json('provisions.json', 'Provisions'),
  json('follow-up.json', 'What later texts say about earlier demands'),
  { name: 'follow-up.csv', title: 'What later texts say about earlier demands (CSV)', mediaType: 'text/csv', of: 'follow-up.json' },
  json('since-then.json', 'Each demand since then'),
  json('citations.json', 'What the texts cite'),
];

export const JSON_DOWNLOADS = DOWNLOADS.filter((d): d is JsonDownload => d.mediaType === 'application/json');


/** Builds every file's text once per (site, links) pair: the endpoints and the page share it. */
const cache = new WeakMap<SiteModel, Map<string, Map<string, string>>>();

/** The text of every download and schema, keyed by file name. */
export function renderAll(site: SiteModel, links: Links): Map<string, string> {
  const key = `${links.base}|${links.site?.href ?? ''}`;
  let bySite = cache.get(site);
  if (!bySite) cache.set(site, (bySite = new Map()));
  const hit = bySite.get(key);
  if (hit) return hit;
  const records = jsonRecords(site, links);
  const out = new Map<string, string>();
  for (const d of DOWNLOADS) {
    if (d.name === 'follow-up.csv') out.set(d.name, followUpCsv(records[d.of] as FollowUpRecord[]));
    else if (d.mediaType === 'text/csv') out.set(d.name, demandsCsv(records[d.of] as DemandRecord[]));
    else {
      out.set(d.name, toJsonText(records[d.name]));
      out.set(d.schema, toJsonText(jsonSchemaOf(d, links)));
    }
  }
  bySite.set(key, out);
  return out;
}

/** The text of one file (a download or a schema). Throws for an unknown name. */
export function renderFile(site: SiteModel, links: Links, name: string): string {
  const text = renderAll(site, links).get(name);
  if (text === undefined) throw new Error(`no download named ${name}`);
  return text;
}

/** Size in bytes of a file as published (UTF-8). */
export const byteSize = (text: string) => new TextEncoder().encode(text).length;

export type JsonSchemaDoc = Record<string, unknown> & { properties?: unknown; items?: JsonSchemaDoc };

/**
 * The JSON Schema (draft 2020-12) of a JSON download, generated from its zod schema. `$id` is set
 * only when links are absolute: a JSON Schema `$id` must be an absolute URI.
 */
export function jsonSchemaOf(d: JsonDownload, links: Links): JsonSchemaDoc {
  const generated = z.toJSONSchema(downloadSchemas[d.name], { target: 'draft-2020-12', unrepresentable: 'throw', io: 'output' }) as JsonSchemaDoc;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    ...(links.absolute ? { $id: links.url(dataPath(d.schema)) } : {}),
    title: `${d.name}: ${d.title}`,
    ...rest,
  };
}

/** One documented field of a JSON Schema, flattened: `alsoStated[].quote`. */
export interface FieldDoc {
  path: string;
  type: string;
  description: string;
  required: boolean;
  nullable: boolean;
}

type Node = Record<string, unknown>;

function typeOf(node: Node): { type: string; nullable: boolean; inner: Node } {
  const variants = (node.anyOf ?? node.oneOf) as Node[] | undefined;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== 'null');
    const nullable = nonNull.length < variants.length;
    if (nonNull.length === 1) {
      const t = typeOf(nonNull[0]!);
      return { ...t, nullable: nullable || t.nullable };
    }
    return { type: nonNull.map((v) => typeOf(v).type).join(' or '), nullable, inner: node };
  }
  if (Array.isArray(node.type)) {
    const types = (node.type as string[]).filter((t) => t !== 'null');
    return { type: types.join(' or '), nullable: types.length < (node.type as string[]).length, inner: node };
  }
  if (node.enum) return { type: `one of ${(node.enum as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, nullable: false, inner: node };
  if (node.const !== undefined) return { type: JSON.stringify(node.const), nullable: false, inner: node };
  if (node.type === 'array') {
    const items = typeOf((node.items as Node) ?? {});
    return { type: `array of ${items.type === 'object' ? 'objects' : items.type}`, nullable: false, inner: node };
  }
  let type = String(node.type ?? 'any');
  if (node.format === 'uri') type = 'URL';
  else if (typeof node.pattern === 'string' && /\\d\{4\}-\\d\{2\}-\\d\{2\}\$/.test(node.pattern as string) && !(node.pattern as string).includes('?')) type = 'date (YYYY-MM-DD)';
  return { type, nullable: false, inner: node };
}

/** Every field of a download's records, depth-first, from the JSON Schema's descriptions. */
export function fieldDocs(schema: JsonSchemaDoc): FieldDoc[] {
  const out: FieldDoc[] = [];
  const walk = (obj: Node, prefix: string) => {
    const props = (obj.properties ?? {}) as Record<string, Node>;
    const required = new Set((obj.required ?? []) as string[]);
    for (const [name, raw] of Object.entries(props)) {
      const { type, nullable, inner } = typeOf(raw);
      const description = String(raw.description ?? inner.description ?? '');
      const path = `${prefix}${name}`;
      out.push({ path, type, description, required: required.has(name), nullable });
      const objectNode = inner.type === 'object' ? inner : inner.type === 'array' && (inner.items as Node)?.type === 'object' ? (inner.items as Node) : undefined;
      if (objectNode) walk(objectNode, inner.type === 'array' ? `${path}[].` : `${path}.`);
    }
  };
  walk((schema.items ?? {}) as Node, '');
  return out;
}
