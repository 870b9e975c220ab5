import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * Checked here only to save a round trip; the server's policy (length and the breached-password
 * list) is the authority and its answer is shown on the field.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`;

/** A UK postcode such as "SW1A 1AA" or "m11ae"; the server normalises it. */
export const UK_POSTCODE_PATTERN = /^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$/;

/** The confirmation field must repeat the password. */
export function matchesControl(otherName: string, message: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    if (!other || !control.value) return null;
    return control.value === other.value ? null : { mismatch: message };
  };
}
