import { ValidationOptions, ValidateBy, buildMessage } from 'class-validator';
import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An instant from the API: an ISO 8601 date-time with `Z` or an offset, or without one for a
 * wall-clock time in Europe/London (what a UK user typed). With `dateOnly`, `YYYY-MM-DD` is
 * accepted too and means the start of that UK day. Null when the text is not such a time.
 */
export function parseInstant(value: unknown, options: { dateOnly?: boolean } = {}): Date | null {
  if (typeof value !== 'string') return null;
  if (options.dateOnly && DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone: UK_ZONE });
    return day.isValid && day.toISODate() === value ? day.toJSDate() : null;
  }
  if (!DATE_TIME.test(value)) return null;
  const parsed = DateTime.fromISO(value, { zone: UK_ZONE, setZone: false });
  // Whole seconds: the datetime columns keep no fractions, and MySQL would round them.
  return parsed.isValid ? parsed.set({ millisecond: 0 }).toJSDate() : null;
}

/** `parseInstant` for a value the DTO already validated. */
export function instant(value: string, options: { dateOnly?: boolean } = {}): Date {
  const parsed = parseInstant(value, options);
  if (!parsed) throw new Error(`Unvalidated instant ${value}`); // unreachable behind the validation pipe
  return parsed;
}

/** A date-time the API accepts (see `parseInstant`); the message names the field and the format. */
export const IsInstant = (options: { dateOnly?: boolean } = {}, validationOptions?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => parseInstant(value, options) !== null,
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an ISO 8601 date-time such as 2026-03-03T09:00:00Z` +
            (options.dateOnly ? ' or a date such as 2026-03-03' : ''),
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
