/** The children API's shapes, from the generated OpenAPI types (core/api/api-types.ts). */
import type { ChildResponse, CreateChildDto, UpdateChildDto } from '@core/api/api-types';

export type { ChildResponse };

export type Child = ChildResponse;

export type { ChildPageResponse as ChildPage } from '@core/api/api-types';

/** `POST /api/dashboard/parent/children`. Blank or null notes are stored as "none". */
export type CreateChildRequest = CreateChildDto;

/** `PATCH /api/dashboard/parent/children/:id`: only the fields sent change; null clears a note. */
export type UpdateChildRequest = UpdateChildDto;

/** The fields a parent edits, in form order. */
export type ChildField = keyof CreateChildRequest;

/** Limits the server enforces; the form checks them first. */
export const CHILD_LIMITS = {
  firstName: 50,
  note: 2000,
  maxAgeYears: 18,
} as const;
