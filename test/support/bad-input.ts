import { randomUUID } from 'node:crypto';

/**
 * Bad requests generated from the OpenAPI document (test/api/bad-input.api-spec.ts): for each
 * operation, a plausible request with one part broken at a time, so that every validator and
 * the code behind it sees wrong types, nulls, empty and huge strings, huge and negative numbers,
 * invalid dates, deep nesting and wrong content types.
 */

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  nullable?: boolean;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface BadRequest {
  /** What is wrong with it, for the failure message. */
  label: string;
  path: string;
  query: Array<[string, string]>;
  contentType?: string;
  body?: string;
}

const HUGE = 'x'.repeat(100 * 1024);
const LONG_URL_VALUE = 'x'.repeat(2 * 1024);
const deep = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

/** Wrong values for a JSON field of any type. */
export const BAD_JSON_VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['empty string', ''],
  ['100 KB string', HUGE],
  ['huge number', 1e308],
  ['unsafe integer', Number.MAX_SAFE_INTEGER + 2],
  ['negative number', -1],
  ['fraction', 0.5],
  ['boolean', true],
  ['invalid date', '2026-02-30T25:61:00Z'],
  ['empty array', []],
  ['object', { unexpected: 1 }],
  ['2,000 nested arrays', deep(2000)],
];

/** Wrong values for a path or query parameter. */
export const BAD_PARAMETER_VALUES: Array<[string, string]> = [
  ['not a uuid or number', 'not-a-thing'],
  ['negative', '-1'],
  ['huge', '99999999999999999999999'],
  ['fraction', '0.5'],
  ['empty', ''],
  ['invalid date', '2026-13-45'],
  ['2 KB', LONG_URL_VALUE],
  ['punctuation', `'";<>%00`],
];

export class BadInputGenerator {
  constructor(private readonly document: OpenApiDocument) {}

  /** The bad requests for one operation; `path` is the document's path with `{id}` parameters. */
  requestsFor(path: string, operation: Operation): BadRequest[] {
    const params = operation.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const goodPath = (override?: [string, string]) =>
      pathParams.reduce(
        (built, p) =>
          built.replace(
            `{${p.name}}`,
            encodeURIComponent(override?.[0] === p.name ? override[1] : String(this.sample(p.schema ?? {}, p.name))),
          ),
        path,
      );
    const goodQuery = (): Array<[string, string]> =>
      queryParams.map((p) => [p.name, String(this.sample(p.schema ?? {}, p.name))]);
    const requests: BadRequest[] = [];
    const json = operation.requestBody?.content['application/json']?.schema;
    const body = json ? JSON.stringify(this.sample(json, 'body')) : undefined;
    const withBody = (r: Omit<BadRequest, 'contentType' | 'body'>): BadRequest =>
      body === undefined ? r : { ...r, contentType: 'application/json', body };

    for (const p of pathParams) {
      for (const [label, value] of BAD_PARAMETER_VALUES) {
        if (value === '') continue; // an empty segment is another route
        requests.push(
          withBody({ label: `path ${p.name}: ${label}`, path: goodPath([p.name, value]), query: goodQuery() }),
        );
      }
    }
    for (const p of queryParams) {
      const others = goodQuery().filter(([name]) => name !== p.name);
      for (const [label, value] of BAD_PARAMETER_VALUES) {
        requests.push(
          withBody({ label: `query ${p.name}: ${label}`, path: goodPath(), query: [...others, [p.name, value]] }),
        );
      }
      requests.push(
        withBody({
          label: `query ${p.name}: repeated`,
          path: goodPath(),
          query: [...others, [p.name, 'a'], [p.name, 'b']],
        }),
      );
    }
    const base = { path: goodPath(), query: goodQuery() };
    if (json) {
      const sample = this.sample(json, 'body');
      for (const [label, value] of [...BAD_JSON_VALUES, ['string', 'text'] as [string, unknown]]) {
        requests.push({
          ...base,
          label: `body: ${label}`,
          contentType: 'application/json',
          body: JSON.stringify(value),
        });
      }
      requests.push({ ...base, label: 'body: {}', contentType: 'application/json', body: '{}' });
      requests.push({ ...base, label: 'body: not JSON', contentType: 'application/json', body: '{"a":' });
      if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
        for (const field of Object.keys(this.properties(json))) {
          // Alone too: a sibling's error must not hide what this field's null or [] does.
          for (const [label, value] of [
            ['null', null],
            ['empty array', []],
          ] as Array<[string, unknown]>) {
            requests.push({
              ...base,
              label: `only body.${field}: ${label}`,
              contentType: 'application/json',
              body: JSON.stringify({ [field]: value }),
            });
          }
          for (const [label, value] of BAD_JSON_VALUES) {
            requests.push({
              ...base,
              label: `body.${field}: ${label}`,
              contentType: 'application/json',
              body: JSON.stringify({ ...sample, [field]: value }),
            });
          }
        }
      }
    }
    const anyBody = json || operation.requestBody;
    if (anyBody) {
      requests.push({ ...base, label: 'no body', contentType: undefined, body: undefined });
      requests.push({ ...base, label: 'text/plain body', contentType: 'text/plain', body: 'hello' });
      requests.push({ ...base, label: 'XML body', contentType: 'application/xml', body: '<a>1</a>' });
      requests.push({ ...base, label: 'form body', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' });
      requests.push({
        ...base,
        label: 'multipart without a file',
        contentType: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      });
      if (body !== undefined) {
        requests.push({ ...base, label: 'JSON sent as text/plain', contentType: 'text/plain', body });
      }
    }
    return requests;
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    for (let i = 0; i < 10 && current.$ref; i++) {
      current = this.document.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
    }
    if (current.allOf?.length) {
      return current.allOf
        .map((part) => this.resolve(part))
        .reduce((merged, part) => ({ ...merged, ...part }), {
          ...current,
          allOf: undefined,
        });
    }
    return current;
  }

  private properties(schema: Schema): Record<string, Schema> {
    return this.resolve(schema).properties ?? {};
  }

  /** A plausible value for a schema: its example, or one built from its type and format. */
  sample(raw: Schema, name: string, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum?.length) return schema.enum[0];
    if (schema.oneOf?.length) return this.sample(schema.oneOf[0], name, depth + 1);
    switch (schema.type) {
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : [this.sample(schema.items ?? {}, name, depth + 1)];
      case 'object':
        if (depth > 4) return {};
        return Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([key, value]) => [key, this.sample(value, key, depth + 1)]),
        );
      default:
        return this.sampleString(schema.format, name);
    }
  }

  private sampleString(format: string | undefined, name: string): string {
    if (format === 'uuid' || /id$/i.test(name)) return randomUUID();
    if (format === 'date' || /On$|date/i.test(name)) return '2027-01-15';
    if (format === 'date-time' || /At$/.test(name)) return '2027-01-15T09:00:00.000Z';
    if (format === 'email' || /email/i.test(name)) return `bad.input.${randomUUID().slice(0, 8)}@example.com`;
    if (/postcode/i.test(name)) return 'SW1A 1AA';
    return 'text';
  }
}
