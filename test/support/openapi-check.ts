/**
 * Checks HTTP responses against openapi.json: the status is one the operation declares, and
 * the JSON body matches its schema (the subset of JSON Schema the document uses). Wraps a
 * `fetch`, so every response an adapter sees in a test run is checked.
 */
import openapi from '../../openapi.json';

type Schema = Record<string, any>;
const doc = openapi as unknown as {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
};

const routes = Object.entries(doc.paths).map(([template, item]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  item,
}));

function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()]!);
  return schema;
}

/** The first violation of `schema` by `value`, or null. */
export function violation(value: unknown, raw: Schema, path = '$'): string | null {
  const schema = resolve(raw);
  if (schema.anyOf) {
    const all = schema.anyOf.map((s: Schema) => violation(value, s, path));
    return all.some((v: string | null) => v === null) ? null : all[0];
  }
  if ('const' in schema && value !== schema.const) return `${path} should be ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.includes(value))
    return `${path} should be one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`;
  const type = schema.type;
  if (type === 'null' && value !== null) return `${path} should be null`;
  if (type === 'string') {
    if (typeof value !== 'string') return `${path} should be a string`;
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${path} is too short`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${path} is too long`;
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) return `${path} does not match ${schema.pattern}`;
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return `${path} is not a date-time`;
  }
  if ((type === 'integer' || type === 'number') && typeof value !== 'number') return `${path} should be a number`;
  if (type === 'integer' && !Number.isInteger(value)) return `${path} should be an integer`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${path} is below ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${path} is above ${schema.maximum}`;
  }
  if (type === 'boolean' && typeof value !== 'boolean') return `${path} should be a boolean`;
  if (type === 'array') {
    if (!Array.isArray(value)) return `${path} should be an array`;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${path} has too many items`;
    for (let i = 0; i < value.length; i++) {
      const found = schema.items ? violation(value[i], schema.items, `${path}[${i}]`) : null;
      if (found) return found;
    }
  }
  if (type === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return `${path} should be an object`;
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) return `${path}.${key} is missing`;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in record) {
        const found = violation(record[key], sub as Schema, `${path}.${key}`);
        if (found) return found;
      }
    }
    if (schema.additionalProperties === false) {
      const extra = Object.keys(record).find((k) => !(k in (schema.properties ?? {})));
      if (extra) return `${path}.${extra} is not in the schema`;
    }
  }
  return null;
}

export interface OpenApiLog {
  checked: number;
  violations: string[];
}

/** `fetch`, with every /v1 response checked against the document into `log`. */
export function checkedFetch(log: OpenApiLog, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const url = new URL(String(input), location.href);
    const method = (init?.method ?? 'GET').toLowerCase();
    const route = routes.find((r) => r.pattern.test(url.pathname));
    if (!route || url.pathname.includes('/_testing/')) return response;
    const operation = route.item[method];
    const where = `${method.toUpperCase()} ${route.template} ${response.status}`;
    if (!operation) {
      log.violations.push(`${where}: no such operation`);
      return response;
    }
    const declared = operation.responses[String(response.status)];
    if (!declared) {
      log.violations.push(`${where}: status not declared`);
      return response;
    }
    const type = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
    const content = declared.content?.[type];
    if (!content) {
      log.violations.push(`${where}: content type ${type || '(none)'} not declared`);
      return response;
    }
    if (type === 'text/event-stream') return response;
    const body = await response.clone().json();
    const found = violation(body, content.schema);
    log.checked++;
    if (found) log.violations.push(`${where}: ${found}`);
    return response;
  };
}
