import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Profile as ProfileData, UpdateProfileRequest } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { UK_POSTCODE_PATTERN } from '@core/auth/password-policy';
import { roleLabel } from '@core/auth/roles';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AccountApi } from '../account-api';
import { PhotoPicker } from '../../childminder/profile/photo-picker';

type Field = 'firstName' | 'lastName' | 'phone' | 'postcode';

/** UK numbers such as 07700 900123 or +44 7700 900123; the server has the final word. */
const PHONE_PATTERN = /^\+?[\d\s()-]{7,20}$/;

@Component({
  selector: 'app-profile',
  imports: [
    PhotoPicker,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    UkDatePipe,
    FormAlert,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './profile.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Profile {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly profile = signal<ProfileData | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly roleLabel = roleLabel;
  /** Staff (support agents and admins) have an avatar: their photo, shown wherever they answer people. */
  protected readonly isStaff = computed(() => {
    const role = this.auth.role();
    return role === 'support_agent' || role === 'admin' || role === 'super_admin';
  });
  protected readonly avatarUrl = computed(() => this.auth.user()?.avatarUrl ?? null);
  protected readonly photoEndpoint = computed(() =>
    this.auth.role() === 'support_agent' ? '/api/user/profile-image' : '/api/admin/profile-image',
  );

  protected readonly form = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    phone: ['', [Validators.pattern(PHONE_PATTERN), Validators.maxLength(30)]],
    postcode: ['', Validators.pattern(UK_POSTCODE_PATTERN)],
  });

  constructor() {
    this.loadProfile();
  }

  /** The header shows the new photo at once. */
  protected photoUploaded(url: string): void {
    this.auth.updateUser({ avatarUrl: url });
    this.notifier.success('Your photo is saved.');
  }

  protected loadProfile(): void {
    this.loadError.set(null);
    this.profile.set(null);
    this.api.profile().subscribe({
      next: (profile) => this.showProfile(profile),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected fieldError(name: Field, label: string): string | null {
    const control = this.form.controls[name];
    if (control.hasError('pattern')) {
      return name === 'postcode' ? 'Enter a UK postcode, like SW1A 1AA' : 'Enter a phone number, like 07700 900123';
    }
    return controlError(control, label);
  }

  protected saveProfile(): void {
    this.form.markAllAsTouched();
    if (this.saving()) return;
    if (this.form.invalid) {
      this.formError.set('Check the highlighted fields.');
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    // An emptied optional field is sent as null, which clears it.
    const body: UpdateProfileRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      phone: value.phone.trim() || null,
      postcode: value.postcode.trim().toUpperCase() || null,
    };
    this.api.updateProfile(body).subscribe({
      next: (profile) => {
        this.saving.set(false);
        this.showProfile(profile);
        this.auth.updateUser({
          firstName: profile.firstName,
          lastName: profile.lastName,
          displayName: profile.displayName,
        });
        this.notifier.success('Your profile has been saved.');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toApiProblem(error);
        const unmatched = applyFieldErrors(this.form, problem.details);
        this.formError.set(
          problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message,
        );
      },
    });
  }

  protected discardChanges(): void {
    const profile = this.profile();
    if (profile) this.showProfile(profile);
    this.formError.set(null);
  }

  private showProfile(profile: ProfileData): void {
    this.profile.set(profile);
    this.form.reset({
      firstName: profile.firstName,
      lastName: profile.lastName,
      phone: profile.phone ?? '',
      postcode: profile.postcode ?? '',
    });
  }
}
