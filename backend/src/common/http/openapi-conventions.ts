import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
type Operation = { security?: unknown[]; parameters?: unknown[]; requestBody?: unknown; responses: Json };

const ERROR_REF = '#/components/schemas/ErrorResponse';
const errorContent = { 'application/json': { schema: { $ref: ERROR_REF } } };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/**
 * Rules every operation follows, applied to the generated document so that a new endpoint
 * follows them without anyone remembering to (the document lints clean under `redocly.yaml`,
 * checked by test/api/openapi.api-spec.ts):
 * - an operation without `security` is public and says so with `security: []`;
 * - every 4xx response carries the one error body, `ErrorResponse`;
 * - an operation that takes input documents its 400, and every operation at least one 4xx;
 * - `nullable` always stands beside a `type` (OpenAPI 3.0 ignores it beside a bare `$ref`).
 */
export function applyOpenApiConventions(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) applyToOperation(operation);
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  walk(schemas, (node) => typeNullable(node, schemas));
  return document;
}

function applyToOperation(operation: Operation): void {
  operation.security ??= [];
  const responses = operation.responses;
  const takesInput = !!operation.requestBody || !!operation.parameters?.length;
  if (takesInput && !responses['400']) {
    responses['400'] = { description: 'The input is not valid: `details` names each field and what is wrong.' };
  }
  if (!Object.keys(responses).some((status) => status.startsWith('4'))) {
    responses['4XX'] = { description: 'Refused: `code` and `message` say why.' };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('4') && !(response as Json).content) (response as Json).content = errorContent;
  }
}

function walk(node: unknown, visit: (node: Json) => void): void {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    if (!Array.isArray(current)) visit(current as Json);
    stack.push(...Object.values(current));
  }
}

/** `{nullable, allOf: [{$ref}]}` or `{nullable, $ref}` gains the referenced schema's type. */
function typeNullable(node: Json, schemas: Record<string, Json>): void {
  if (node.nullable !== true || node.type) return;
  const ref = (node.$ref ?? (node.allOf as Json[] | undefined)?.find((part) => part.$ref)?.$ref) as string | undefined;
  const target = ref ? schemas[ref.replace('#/components/schemas/', '')] : undefined;
  if (!target?.type) return;
  if (node.$ref) {
    node.allOf = [{ $ref: node.$ref }];
    delete node.$ref;
  }
  node.type = target.type;
}
