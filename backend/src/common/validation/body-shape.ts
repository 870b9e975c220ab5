import { DECORATORS } from '@nestjs/swagger';
import { ErrorDetail } from '../errors/domain.exception';

/**
 * How deeply a request body or query may nest. The deepest DTO (a childminder's profile with its
 * opening hours and inspection grades) nests four levels; anything far beyond that is an attack
 * on the recursive transformers that run before validation, not a request.
 */
export const MAX_INPUT_DEPTH = 16;

/**
 * The depth of a parsed JSON value, counted without recursion (a 2,000-level body must not
 * overflow the stack here either). Stops counting once past `limit`.
 */
export function inputDepth(value: unknown, limit = MAX_INPUT_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** What @nestjs/swagger's @ApiProperty records for a property: the part this check reads. */
interface DocumentedProperty {
  type?: unknown;
  isArray?: boolean;
  nullable?: boolean;
}

type Class = abstract new (...args: never[]) => unknown;

const documentedNames = (dto: Class): string[] =>
  ((Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) as string[] | undefined) ?? []).map(
    (name) => name.replace(/^:/, ''),
  );

const documented = (dto: Class, property: string): DocumentedProperty | undefined =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property) as DocumentedProperty | undefined;

/**
 * The documented type with `type: () => Dto` and `type: () => [Dto]` thunks resolved: the DTO
 * class when it is one (undefined for scalars and enums), and whether it is a list.
 */
function resolveType(meta: DocumentedProperty): { dto?: Class; isArray: boolean } {
  let type = meta.type;
  let isArray = !!meta.isArray;
  if (typeof type === 'function' && !type.prototype) type = (type as () => unknown)();
  if (Array.isArray(type)) [type, isArray] = [type[0], true];
  const dto = typeof type === 'function' && documentedNames(type as Class).length ? (type as Class) : undefined;
  return { dto, isArray };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a body against the shape its DTO documents in OpenAPI, before class-transformer and
 * class-validator see it:
 * - null only where the document says `nullable: true` (optional means "may be left out", not
 *   "may be null": a null would otherwise reach a NOT NULL column or a service expecting an object);
 * - an object where the document says object, an array where it says array (`ValidateNested`
 *   accepts an empty array in place of an object).
 * Scalars' types are left to the DTO's own validators.
 */
export function shapeProblems(value: unknown, dto: Class, path = ''): ErrorDetail[] {
  if (value === undefined || value === null) return [];
  if (!isPlainObject(value)) return [{ message: 'The request body must be a JSON object' }];
  const problems: ErrorDetail[] = [];
  for (const property of documentedNames(dto)) {
    if (!(property in value)) continue;
    const field = path ? `${path}.${property}` : property;
    const given = value[property];
    const meta = documented(dto, property) ?? {};
    if (given === null) {
      if (!meta.nullable) problems.push({ field, message: `${field} must not be null` });
      continue;
    }
    const { dto: nested, isArray } = resolveType(meta);
    if (isArray) {
      if (!Array.isArray(given)) problems.push({ field, message: `${field} must be an array` });
      else if (nested) given.forEach((item, i) => problems.push(...itemProblems(item, nested, `${field}.${i}`)));
    } else if (nested) {
      problems.push(...itemProblems(given, nested, field));
    }
  }
  return problems;
}

function itemProblems(value: unknown, dto: Class, field: string): ErrorDetail[] {
  if (!isPlainObject(value)) return [{ field, message: `${field} must be an object` }];
  return shapeProblems(value, dto, field);
}
