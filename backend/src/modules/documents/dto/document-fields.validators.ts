import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';
import { parseIsoDate } from '@app/modules/children/child-age';

export const DOCUMENT_NAME_MAX_LENGTH = 150;
export const DOCUMENT_DESCRIPTION_MAX_LENGTH = 2000;
export const REVIEW_REASON_MAX_LENGTH = 1000;

const blankToNull = Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/** Optional free text: trimmed; blank or null clears it (stored as null). */
export const IsOptionalText = (max: number) => applyDecorators(blankToNull, IsOptional(), IsString(), MaxLength(max));

/** A real `YYYY-MM-DD` calendar date, or absent; blank or null clears it. */
export const IsOptionalCalendarDate = (options?: ValidationOptions) =>
  applyDecorators(
    blankToNull,
    IsOptional(),
    ValidateBy(
      {
        name: 'isCalendarDate',
        validator: {
          validate: (value: unknown) => parseIsoDate(value) !== null,
          defaultMessage: (args) => `${args?.property} must be a real date in the format YYYY-MM-DD`,
        },
      },
      options,
    ),
  );
