import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from './error-codes';

export interface ErrorDetail {
  field?: string;
  message: string;
}

/**
 * A failure the user can act on. Each feature defines its own code enum and a complete
 * code -> status table, so adding a code without deciding its status does not compile.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  abstract readonly status: HttpStatus;
  readonly headers: Record<string, string> = {};

  constructor(
    readonly code: Code,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Builds a feature's exception class from its code enum and its status table. */
export function defineDomainException<Code extends string>(name: string, statuses: Record<Code, HttpStatus>) {
  registerErrorCodes(Object.keys(statuses));
  const Exception = class extends DomainException<Code> {
    get status(): HttpStatus {
      return statuses[this.code];
    }
  };
  Object.defineProperty(Exception, 'name', { value: name });
  return Exception;
}

/**
 * Throws `error`. For find-or-fail: `(await repo.find(id)) ?? failWith(featureNotFound())` narrows
 * to the found row and answers the feature's coded error when it is missing, never a `!`.
 */
export function failWith(error: Error): never {
  throw error;
}
