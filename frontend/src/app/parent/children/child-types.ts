/**
 * The children API's shapes, written by hand until the OpenAPI types are regenerated
 * (`npm run api:types`). Then `ChildResponse` becomes `Schemas['ChildResponse']` in
 * core/api/api-types.ts and this file re-exports from there; the rest is derived by indexing,
 * so nothing else changes.
 */
export interface ChildResponse {
  id: string;
  firstName: string;
  /** `YYYY-MM-DD`, a UK calendar date. */
  dateOfBirth: string;
  /** "2 years 3 months", computed by the server for today's UK date. */
  ageDescription: string;
  specialNeeds: string | null;
  allergies: string | null;
  medicalNotes: string | null;
  createdAt: string;
}

export type Child = ChildResponse;

export interface ChildPage {
  items: ChildResponse[];
  total: number;
  page: number;
  pageSize: number;
}

/** `POST /api/dashboard/parent/children`. Blank or null notes are stored as "none". */
export interface CreateChildRequest {
  firstName: ChildResponse['firstName'];
  dateOfBirth: ChildResponse['dateOfBirth'];
  specialNeeds?: ChildResponse['specialNeeds'];
  allergies?: ChildResponse['allergies'];
  medicalNotes?: ChildResponse['medicalNotes'];
}

/** `PATCH /api/dashboard/parent/children/:id`: only the fields sent change; null clears a note. */
export type UpdateChildRequest = Partial<CreateChildRequest>;

/** The fields a parent edits, in form order. */
export type ChildField = keyof CreateChildRequest;

/** Limits the server enforces; the form checks them first. */
export const CHILD_LIMITS = {
  firstName: 50,
  note: 2000,
  maxAgeYears: 18,
} as const;
