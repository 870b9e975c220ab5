import { PhotoPicker } from './photo-picker';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { applyFieldErrors, controlError, hasErrorCode, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import {
  AGE_GROUPS,
  AGE_GROUP_LABELS,
  REPORT_CARD_AREA_LABELS,
  SERVICES,
  SERVICE_LABELS,
  WEEKDAYS,
  WEEKDAY_LABELS,
} from '../../search/childminder-labels';
import type {
  AgeGroup,
  ChildminderServiceCode,
  OwnChildminderProfile,
  UpdateChildminderProfileRequest,
  Weekday,
} from '../../search/childminder-types';
import { ChildmindersApi } from '../../search/childminders-api';

const POSTCODE = /^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$/;
const OFSTED_URN = /^\s*(EY\d{6}|\d{6,7})\s*$/i;
const MAX_OWN_CHILDREN = 10;
const REPORT_CARD_AREAS = Object.keys(REPORT_CARD_AREA_LABELS);

type Framework = 'none' | 'legacy' | 'report_card';
type DayControls = { open: FormControl<boolean>; from: FormControl<string>; to: FormControl<string> };

/**
 * `/childminder/profile`: the childminder's own profile, saved with
 * `PATCH /api/user/childminder-profile` (the first save starts it). The checklist at the top
 * says what is still needed before the profile appears in search.
 */
@Component({
  selector: 'app-profile-editor',
  imports: [
    PhotoPicker,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    FormAlert,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './profile-editor.html',
  styleUrl: './profile-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileEditor {
  private readonly api = inject(ChildmindersApi);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly ageGroups = AGE_GROUPS;
  protected readonly ageGroupLabels = AGE_GROUP_LABELS;
  protected readonly services = SERVICES;
  protected readonly serviceLabels = SERVICE_LABELS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayLabels = WEEKDAY_LABELS;
  protected readonly reportCardAreas = Object.entries(REPORT_CARD_AREA_LABELS);
  protected readonly maxOwnChildren = MAX_OWN_CHILDREN;

  /** null while loading; 'new' when the childminder has not saved a profile yet. */
  protected readonly profile = signal<OwnChildminderProfile | 'new' | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly saved = computed(() => {
    const profile = this.profile();
    return profile && profile !== 'new' ? profile : null;
  });

  protected readonly form = this.fb.group({
    displayName: ['', [Validators.required, Validators.maxLength(100)]],
    bio: ['', Validators.maxLength(2000)],
    photoUrl: ['', Validators.maxLength(500)],
    postcode: ['', [Validators.required, Validators.pattern(POSTCODE)]],
    town: ['', Validators.maxLength(100)],
    hourlyRatePounds: [null as number | null, [Validators.min(0.01), Validators.max(250)]],
    ageGroups: this.fb.group(
      Object.fromEntries(AGE_GROUPS.map((g) => [g, this.fb.control(false)])) as Record<AgeGroup, FormControl<boolean>>,
    ),
    languages: [''],
    services: this.fb.group(
      Object.fromEntries(SERVICES.map((s) => [s, this.fb.control(false)])) as Record<
        ChildminderServiceCode,
        FormControl<boolean>
      >,
    ),
    specialNeedsExperience: [false],
    specialNeedsDetails: ['', Validators.maxLength(2000)],
    openingHours: this.fb.group(
      Object.fromEntries(
        WEEKDAYS.map((day) => [day, this.fb.group({ open: [false], from: ['08:00'], to: ['18:00'] })]),
      ) as Record<Weekday, FormGroup<DayControls>>,
    ),
    ofstedUrn: ['', Validators.pattern(OFSTED_URN)],
    ofstedRegisteredOn: [''],
    framework: ['none' as Framework],
    inspectedOn: [''],
    overallGrade: ['good'],
    safeguardingMet: [true],
    grades: this.fb.group(
      Object.fromEntries(REPORT_CARD_AREAS.map((a) => [a, this.fb.control('expected_standard')])) as Record<
        string,
        FormControl<string>
      >,
    ),
    under8: [6, [Validators.required, Validators.min(1), Validators.max(12)]],
    young: [3, [Validators.required, Validators.min(0), Validators.max(6)]],
    under1: [1, [Validators.required, Validators.min(0), Validators.max(3)]],
    ownChildren: new FormArray<FormControl<string>>([]),
    visible: [true],
  });

  constructor() {
    this.loadProfile();
  }

  protected get ownChildren(): FormArray<FormControl<string>> {
    return this.form.controls.ownChildren;
  }

  protected loadProfile(): void {
    this.loadError.set(null);
    this.profile.set(null);
    this.api.ownProfile().subscribe({
      next: (profile) => this.showProfile(profile),
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        if (hasErrorCode(problem, 'CHILDMINDER_PROFILE_NOT_STARTED')) {
          this.profile.set('new');
        } else {
          this.loadError.set(problem.message);
        }
      },
    });
  }

  protected fieldError(path: string, label: string): string | null {
    const control = this.form.get(path);
    if (!control?.touched) return null;
    if (control.hasError('pattern')) {
      if (path === 'postcode') return 'Enter a full UK postcode, like M20 2LS';
      if (path === 'ofstedUrn') return 'Enter your URN, like EY123456 or 2123456';
    }
    if (control.hasError('min') || control.hasError('max')) return `${label} is out of range`;
    return controlError(control, label);
  }

  protected addOwnChild(): void {
    if (this.ownChildren.length < MAX_OWN_CHILDREN) this.ownChildren.push(this.fb.control(''));
  }

  protected removeOwnChild(index: number): void {
    this.ownChildren.removeAt(index);
  }

  /**
   * The uploaded photo is linked to the profile at once (a PATCH of the photo alone), so it is not
   * lost if the rest of the form is left unsaved; the other fields keep their edits.
   */
  protected usePhoto(url: string): void {
    this.form.controls.photoUrl.setValue(url);
    this.api.updateOwnProfile({ photoUrl: url } as UpdateChildminderProfileRequest).subscribe({
      next: (profile) => {
        this.profile.set(profile);
        this.form.controls.photoUrl.markAsPristine();
        this.notifier.success('Your new photo is on your profile.');
      },
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
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
    this.api.updateOwnProfile(this.requestBody()).subscribe({
      next: (profile) => {
        this.saving.set(false);
        this.showProfile(profile);
        this.notifier.success(
          profile.listed ? 'Your profile is saved and listed in search.' : 'Your profile is saved.',
        );
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toApiProblem(error);
        const unmatched = applyFieldErrors(this.form, problem.details, {
          hourlyRatePence: 'hourlyRatePounds',
          'capacity.under8': 'under8',
          'capacity.young': 'young',
          'capacity.under1': 'under1',
        });
        this.formError.set(
          problem.details.length && !unmatched.length
            ? 'Check the highlighted fields.'
            : unmatched.map((d) => d.message).join('. ') || problem.message,
        );
      },
    });
  }

  private requestBody(): UpdateChildminderProfileRequest {
    const v = this.form.getRawValue();
    const openingHours = Object.fromEntries(
      WEEKDAYS.map((day) => {
        const hours = v.openingHours[day];
        return [day, hours.open ? { open: hours.from, close: hours.to } : null];
      }),
    );
    const inspection =
      v.framework === 'none' || !v.inspectedOn
        ? null
        : v.framework === 'legacy'
          ? { framework: 'legacy' as const, inspectedOn: v.inspectedOn, overallGrade: v.overallGrade }
          : {
              framework: 'report_card' as const,
              inspectedOn: v.inspectedOn,
              safeguardingMet: v.safeguardingMet,
              grades: v.grades,
            };
    return {
      displayName: v.displayName.trim(),
      bio: v.bio.trim() || null,
      photoUrl: v.photoUrl.trim() || null,
      postcode: v.postcode.trim().toUpperCase(),
      town: v.town.trim() || null,
      hourlyRatePence: v.hourlyRatePounds ? Math.round(v.hourlyRatePounds * 100) : null,
      ageGroups: AGE_GROUPS.filter((g) => v.ageGroups[g]),
      languages: v.languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
      services: SERVICES.filter((s) => v.services[s]),
      specialNeedsExperience: v.specialNeedsExperience,
      specialNeedsDetails: v.specialNeedsDetails.trim() || null,
      openingHours,
      ofstedUrn: v.ofstedUrn.trim().toUpperCase() || null,
      ofstedRegisteredOn: v.ofstedRegisteredOn || null,
      inspection,
      capacity: { under8: v.under8, young: v.young, under1: v.under1 },
      ownChildrenDatesOfBirth: v.ownChildren.filter(Boolean),
      visible: v.visible,
    } as UpdateChildminderProfileRequest;
  }

  private showProfile(profile: OwnChildminderProfile): void {
    this.profile.set(profile);
    const inspection = profile.inspection;
    this.form.reset({
      displayName: profile.displayName,
      bio: profile.bio ?? '',
      photoUrl: profile.photoUrl ?? '',
      postcode: profile.postcode ?? '',
      town: profile.town ?? '',
      hourlyRatePounds: profile.hourlyRatePence ? profile.hourlyRatePence / 100 : null,
      ageGroups: Object.fromEntries(AGE_GROUPS.map((g) => [g, profile.ageGroups.includes(g)])),
      languages: profile.languages.join(', '),
      services: Object.fromEntries(SERVICES.map((s) => [s, profile.services.includes(s)])),
      specialNeedsExperience: profile.specialNeedsExperience,
      specialNeedsDetails: profile.specialNeedsDetails ?? '',
      openingHours: Object.fromEntries(
        WEEKDAYS.map((day) => {
          const hours = profile.openingHours[day];
          return [day, { open: !!hours, from: hours?.open ?? '08:00', to: hours?.close ?? '18:00' }];
        }),
      ),
      ofstedUrn: profile.ofstedUrn ?? '',
      ofstedRegisteredOn: profile.ofstedRegisteredOn ?? '',
      framework: inspection?.framework ?? 'none',
      inspectedOn: inspection?.inspectedOn ?? '',
      overallGrade: inspection?.overallGrade ?? 'good',
      safeguardingMet: inspection?.safeguardingMet ?? true,
      grades: Object.fromEntries(
        REPORT_CARD_AREAS.map((a) => [
          a,
          (inspection?.grades as Record<string, string> | undefined)?.[a] ?? 'expected_standard',
        ]),
      ),
      under8: profile.capacity.under8,
      young: profile.capacity.young,
      under1: profile.capacity.under1,
      visible: profile.visible,
    });
    this.ownChildren.clear();
    for (const dob of profile.ownChildrenDatesOfBirth) this.ownChildren.push(this.fb.control(dob));
  }
}
