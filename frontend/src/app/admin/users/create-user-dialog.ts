import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { AuthService } from '@core/auth/auth';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { type AdminUser, AdminPeopleApi, ROLE_LABELS, type UserRole } from './admin-users-api';

/** Creates an account; the new user gets an email to choose their password. */
@Component({
  selector: 'app-create-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>Create a user</h2>
    <form [formGroup]="form" (ngSubmit)="create()" novalidate>
      <mat-dialog-content class="form-stack">
        <app-form-alert [message]="error()" />
        <p class="muted">We email them a link to choose their own password.</p>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="role" required>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>First name</mat-label>
          <input matInput formControlName="firstName" autocomplete="off" required cdkFocusInitial />
          @if (fieldError('firstName', 'First name'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Last name</mat-label>
          <input matInput formControlName="lastName" autocomplete="off" required />
          @if (fieldError('lastName', 'Last name'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Email address</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" required />
          @if (fieldError('email', 'Email address'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          @if (busy()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Creating…
          } @else {
            Create user
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateUserDialog {
  private readonly api = inject(AdminPeopleApi);
  private readonly dialogRef = inject<MatDialogRef<CreateUserDialog, AdminUser>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly superAdmin = inject(AuthService).user()?.role === 'super_admin';

  protected readonly roleLabels = ROLE_LABELS;
  /** Admin accounts are a super admin's to create. */
  protected readonly roles = (Object.keys(ROLE_LABELS) as UserRole[]).filter(
    (role) => this.superAdmin || (role !== 'admin' && role !== 'super_admin'),
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    role: ['parent' as UserRole, Validators.required],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
  });

  protected fieldError(name: 'firstName' | 'lastName' | 'email', label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected create(): void {
    this.form.markAllAsTouched();
    if (this.busy() || this.form.invalid) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.createUser(this.form.getRawValue()).subscribe({
      next: (user) => this.dialogRef.close(user),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        const unmatched = applyFieldErrors(this.form, problem.details);
        this.error.set(problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message);
      },
    });
  }
}
