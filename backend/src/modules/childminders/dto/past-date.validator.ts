import { ValidationOptions, registerDecorator } from 'class-validator';
import { parseIsoDate, ukToday } from '@app/modules/children/child-age';

/** Ofsted registers childminders since 2001 (1990 leaves room for records carried over). */
const EARLIEST = '1990-01-01';

/** A real `YYYY-MM-DD` date from 1990 up to today (UK): registration and inspection dates. */
export function IsPastDate(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      target: object.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a real date (YYYY-MM-DD) from ${EARLIEST} up to today`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          const date = parseIsoDate(value);
          return !!date && date <= ukToday() && (date.toISODate() ?? '') >= EARLIEST;
        },
      },
    });
}
