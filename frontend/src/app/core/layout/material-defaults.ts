import type { Provider } from '@angular/core';
import { MAT_DIALOG_DEFAULT_OPTIONS, MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';

/**
 * Material's app-wide defaults for form fields and dialogs. They are provided by the lazy route
 * that holds every page but home (see app.routes.ts), and by the components outside the router
 * outlet that need them, rather than in app.config.ts: importing a Material token pulls its whole
 * entry point (the form field, the dialog and the overlay, about 150 kB) into the initial bundle,
 * and the first paint of the home page needs none of it.
 */
export const formFieldDefaults: Provider = {
  provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
  useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
};

/**
 * Every dialog is modal to assistive technology too (Material's default says aria-modal="false").
 * MatDialog is provided here as well, beside its options: the root one would not see them.
 * A root service that opens a dialog says `ariaModal: true` itself.
 */
export const dialogDefaults: Provider[] = [
  MatDialog,
  {
    provide: MAT_DIALOG_DEFAULT_OPTIONS,
    useValue: { ...new MatDialogConfig(), ariaModal: true } satisfies MatDialogConfig,
  },
];

export const materialDefaults: Provider[] = [formFieldDefaults, ...dialogDefaults];
