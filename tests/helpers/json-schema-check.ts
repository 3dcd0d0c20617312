// A tiny JSON Schema (draft 2020-12) validator for the keywords z.toJSONSchema emits for the
// download schemas. It refuses schemas using any other keyword, so it never silently ignores a
// constraint. Used alongside Ajv when Ajv can be loaded (it is not a declared dependency).

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'pattern', 'minLength', 'minimum', 'maximum', 'anyOf', 'enum', 'const', 'format']);

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      throw new Error(`unknown type ${t}`);
  }
}

/** Errors of `value` against `schema` ("" path = the root); empty when valid. */
export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema)) {
    if (!ANNOTATIONS.has(k) && !KEYWORDS.has(k)) throw new Error(`json-schema-check does not implement "${k}" (at ${path})`);
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, value))) return [`${path}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 40)}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).some((e) => e === value)) errors.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern as string, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && [...value].length < (schema.minLength as number)) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.format === 'uri') {
      try {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) throw new Error();
        new URL(value);
      } catch {
        errors.push(`${path}: not an absolute URI`);
      }
    } else if (schema.format !== undefined) throw new Error(`json-schema-check does not implement format ${schema.format}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < (schema.minimum as number)) errors.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > (schema.maximum as number)) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (schema.anyOf) {
    const branches = (schema.anyOf as Schema[]).map((s) => validate(s, value, path));
    if (!branches.some((b) => b.length === 0)) errors.push(`${path}: matches no anyOf branch (${branches.map((b) => b[0]).join('; ')})`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, `${path}[${i}]`)));
  if (typeOk('object', value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(props[k]!, v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${k}`);
    }
  }
  return errors;
}

/** Every object schema inside `schema`, with its path. */
export function objectSchemas(schema: Schema, path = '$'): Array<{ path: string; schema: Schema }> {
  const out: Array<{ path: string; schema: Schema }> = [];
  if (schema.type === 'object') out.push({ path, schema });
  for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out.push(...objectSchemas(v, `${path}.${k}`));
  if (schema.items) out.push(...objectSchemas(schema.items as Schema, `${path}[]`));
  for (const [i, s] of ((schema.anyOf ?? []) as Schema[]).entries()) out.push(...objectSchemas(s, `${path}|${i}`));
  return out;
}
