import { ValidationError } from 'class-validator';
import { CommonErrorCode, CommonException } from './common.exception';
import { ErrorDetail } from './domain.exception';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator phrases "property x should not exist"; say which field plainly.
      message: message.startsWith('property ') ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Turns class-validator's output into a 400 whose message names every offending field. */
export function validationExceptionFactory(errors: ValidationError[]): CommonException {
  const details = flatten(errors);
  const message = details.map((d) => d.message).join('; ') || 'The request is not valid';
  return new CommonException(CommonErrorCode.ValidationFailed, message, details);
}
