import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const CHILD_NOTE_MAX_LENGTH = 2000;

/**
 * Free text about a child's needs, allergies or health: optional, trimmed, at most 2,000
 * characters. Blank or null clears it (stored as null).
 */
export const IsChildNote = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsOptional(),
    IsString(),
    MaxLength(CHILD_NOTE_MAX_LENGTH),
  );
