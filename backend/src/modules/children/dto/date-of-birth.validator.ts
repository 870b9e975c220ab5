import {
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { MAX_CHILD_AGE_YEARS, parseIsoDate, ukToday } from '../child-age';

type Problem = 'format' | 'future' | 'too-old';

/** What is wrong with a date of birth, judged against today's UK date, or null. */
export function dateOfBirthProblem(value: unknown, today = ukToday()): Problem | null {
  const date = parseIsoDate(value);
  if (!date) return 'format';
  if (date > today) return 'future';
  if (date < today.minus({ years: MAX_CHILD_AGE_YEARS })) return 'too-old';
  return null;
}

@ValidatorConstraint({ name: 'isDateOfBirth' })
class DateOfBirthConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return dateOfBirthProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    switch (dateOfBirthProblem(args.value)) {
      case 'future':
        return `${args.property} cannot be in the future`;
      case 'too-old':
        return `${args.property} must be within the last ${MAX_CHILD_AGE_YEARS} years`;
      default:
        return `${args.property} must be a real date in the format YYYY-MM-DD`;
    }
  }
}

/**
 * A child's date of birth: a real `YYYY-MM-DD` date, not after today and not more than 18 years
 * before it (UK calendar). The message names the rule that failed.
 */
export function IsDateOfBirth(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      target: object.constructor,
      propertyName: String(propertyName),
      options,
      validator: DateOfBirthConstraint,
    });
}
