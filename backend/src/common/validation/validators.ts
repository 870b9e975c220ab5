import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** UK postcode, full (`SW1A 1AA`) or outward code only (`SW1A`); stored upper case with one space. */
export const UK_POSTCODE_PATTERN =
  /^(GIR ?0AA|[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])( ?[0-9][ABD-HJLNP-UW-Z]{2})?$/i;

export const normalisePostcode = (value: string) => {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 4 && /[0-9][A-Z]{2}$/.test(compact)
    ? `${compact.slice(0, -3)} ${compact.slice(-3)}`
    : compact;
};

export const IsUkPostcode = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? normalisePostcode(value) : value)),
    IsString(),
    Matches(UK_POSTCODE_PATTERN, { message: '$property must be a UK postcode such as SW1A 1AA' }),
  );

/** An email address, trimmed and lower-cased so that uniqueness is case-insensitive. */
export const IsNormalisedEmail = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(254),
  );

/** Names and other short free text: trimmed, not blank, bounded. */
export const IsShortText = (max = 100, min = 1) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(min),
    MaxLength(max),
  );

/** A password as typed: the policy (length, breached list) is checked by the password policy service. */
export const IsPasswordInput = () => applyDecorators(IsString(), MinLength(1), MaxLength(256));
