import { registerDecorator, ValidationArguments } from 'class-validator';
import { Weekday, WEEKDAYS } from '../childminder-vocabulary';

/** `HH:mm`, 24-hour: the same form as opening hours. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export type CareField = 'days' | 'from' | 'to';
type CareFields = Partial<Record<CareField, unknown>>;

const EXAMPLE: Record<CareField, string> = { days: 'monday,wednesday', from: '08:00', to: '18:00' };

/**
 * What is wrong with one of a search's three care fields, or null. They go together: a day
 * without hours (or hours without a day) cannot be matched against availability, so asking
 * for one makes the other two required, and each message names its own field.
 */
export function careFieldProblem(field: CareField, query: CareFields): string | null {
  if (query.days === undefined && query.from === undefined && query.to === undefined) return null;
  const value = query[field];
  if (field === 'days') {
    if (value === undefined) {
      return `days is required with from and to: the weekdays care is needed, such as ${EXAMPLE.days}`;
    }
    if (!Array.isArray(value) || value.length === 0) return 'days must list at least one weekday';
    if (value.some((day) => !WEEKDAYS.includes(day as Weekday))) {
      return `each of days must be one of: ${WEEKDAYS.join(', ')}`;
    }
    return null;
  }
  if (value === undefined) {
    const what = field === 'from' ? 'starts' : 'ends';
    return `${field} is required with days: the UK time care ${what}, such as ${EXAMPLE[field]}`;
  }
  if (typeof value !== 'string' || !HH_MM.test(value)) {
    return `${field} must be a 24-hour time such as ${EXAMPLE[field]}`;
  }
  if (field === 'to' && typeof query.from === 'string' && HH_MM.test(query.from) && value <= query.from) {
    return 'to must be after from (care within one day)';
  }
  return null;
}

/**
 * One of the care fields of a search (see careFieldProblem). Put it on each of the three,
 * without IsOptional: a missing field is exactly what it must be able to report.
 */
export function IsCareField(field: CareField): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCareField',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          careFieldProblem(field, args.object as CareFields) === null,
        defaultMessage: (args: ValidationArguments) => careFieldProblem(field, args.object as CareFields) ?? '',
      },
    });
}
