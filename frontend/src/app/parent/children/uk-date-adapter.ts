import { Injectable, type Provider } from '@angular/core';
import {
  DateAdapter,
  MAT_DATE_FORMATS,
  MAT_DATE_LOCALE,
  MAT_NATIVE_DATE_FORMATS,
  type MatDateFormats,
  NativeDateAdapter,
} from '@angular/material/core';
import { parseUkDateText } from './date-input';

/**
 * The native adapter parses typed dates with Date.parse, which reads 05/03/2022 as 3 May. This
 * one reads the day first (05/03/2022 is 5 March) and refuses days that do not exist.
 */
@Injectable()
export class UkDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (value.trim() === '') return null;
    const parts = parseUkDateText(value);
    return parts ? new Date(parts.year, parts.month - 1, parts.day) : this.invalid();
  }
}

/** dd/mm/yyyy in the field; full dates for screen readers. */
export const UK_DATE_FORMATS: MatDateFormats = {
  ...MAT_NATIVE_DATE_FORMATS,
  display: {
    ...MAT_NATIVE_DATE_FORMATS.display,
    dateInput: { day: '2-digit', month: '2-digit', year: 'numeric' },
    dateA11yLabel: { day: 'numeric', month: 'long', year: 'numeric' },
  },
};

/** Datepickers in en-GB: day first, weeks starting on Monday. */
export function provideUkDateAdapter(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'en-GB' },
    { provide: DateAdapter, useClass: UkDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: UK_DATE_FORMATS },
  ];
}
