import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import {
  AdminPeopleApi,
  ROLE_LABELS,
  type SendEmail,
  type SendEmailResult,
  type UserRole,
} from '../users/admin-users-api';

type Field = 'subject' | 'body' | 'userId' | 'postcodePrefix';

/**
 * `/admin/email`: write to one user or a segment (role, paid plan, postcode area), see exactly
 * what the first recipient gets and how many it reaches, then send. News respects each user's
 * email preferences; account messages reach everyone in the audience.
 */
@Component({
  selector: 'app-email-composer',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    MatSelectModule,
    FormAlert,
  ],
  template: `
    <div class="page page--medium">
      <a class="back-link" routerLink="/admin">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <h1>Email users</h1>
      <p class="muted">Preview first: nothing is sent until you press Send. Sending is limited to 10 emails an hour.</p>
      <app-form-alert [kind]="result()?.kind ?? 'success'" [message]="result()?.message ?? null" />
      <form class="form-stack" [formGroup]="form" (ngSubmit)="preview()" novalidate>
        <mat-radio-group formControlName="target" aria-label="Who receives it">
          <mat-radio-button value="segment">A group of users</mat-radio-button>
          <mat-radio-button value="user">One user</mat-radio-button>
        </mat-radio-group>
        @if (form.controls.target.value === 'user') {
          <mat-form-field>
            <mat-label>User ID</mat-label>
            <input matInput formControlName="userId" autocomplete="off" />
            <mat-hint>From the user's page in Users</mat-hint>
            @if (fieldError('userId', 'User ID'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>Role</mat-label>
            <mat-select formControlName="role">
              <mat-option value="">Everyone</mat-option>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Paid plan</mat-label>
            <mat-select formControlName="plan">
              <mat-option value="">Any plan</mat-option>
              <mat-option value="parent_plus">Parent Plus</mat-option>
              <mat-option value="childminder_pro">Childminder Pro</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Postcode area</mat-label>
            <input matInput formControlName="postcodePrefix" autocomplete="off" />
            <mat-hint>The start of the postcode, e.g. M20 or LS</mat-hint>
            @if (fieldError('postcodePrefix', 'Postcode area'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
        <mat-radio-group formControlName="kind" aria-label="What the email is about">
          <mat-radio-button value="news">News (only to users who want product news)</mat-radio-button>
          <mat-radio-button value="account">About their account or our service (to everyone)</mat-radio-button>
        </mat-radio-group>
        <mat-form-field>
          <mat-label>Subject</mat-label>
          <input matInput formControlName="subject" maxlength="150" required />
          @if (fieldError('subject', 'Subject'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Message</mat-label>
          <textarea matInput formControlName="body" rows="8" maxlength="5000" required></textarea>
          <mat-hint
            >A blank line starts a new paragraph; {{ '{{firstName}}' }} becomes each person's first name</mat-hint
          >
          @if (fieldError('body', 'Message'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <div class="form-actions">
          <button mat-stroked-button type="submit" [disabled]="busy()">
            <mat-icon aria-hidden="true">preview</mat-icon>
            Preview
          </button>
        </div>
      </form>

      @if (previewed(); as p) {
        <section class="section preview" aria-labelledby="preview-title" #previewSection tabindex="-1">
          <h2 id="preview-title">Preview</h2>
          <p>
            Goes to <strong>{{ p.recipients }}</strong> {{ p.recipients === 1 ? 'user' : 'users' }}
            @if (p.skippedByPreference) {
              ({{ p.skippedByPreference }} left out by their email preferences)
            }
          </p>
          <p><strong>Subject:</strong> {{ p.preview.subject }}</p>
          <pre class="preview__text">{{ p.preview.text }}</pre>
          <button mat-flat-button type="button" [disabled]="busy() || !p.recipients" (click)="send()">
            @if (busy()) {
              <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
              Sending…
            } @else {
              Send to {{ p.recipients }} {{ p.recipients === 1 ? 'user' : 'users' }}
            }
          </button>
        </section>
      }
    </div>
  `,
  styles: `
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      margin-bottom: 8px;
    }
    .preview__text {
      white-space: pre-wrap;
      font: inherit;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailComposer {
  private readonly api = inject(AdminPeopleApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly previewSection = viewChild<ElementRef<HTMLElement>>('previewSection');

  protected readonly roles = Object.keys(ROLE_LABELS) as UserRole[];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly busy = signal(false);
  protected readonly previewed = signal<SendEmailResult | null>(null);
  protected readonly result = signal<{ kind: AlertKind; message: string } | null>(null);
  protected readonly form = this.fb.group({
    target: ['segment' as 'segment' | 'user'],
    userId: [''],
    role: ['' as UserRole | ''],
    plan: ['' as '' | 'parent_plus' | 'childminder_pro'],
    postcodePrefix: ['', Validators.pattern(/^[A-Za-z]{1,2}[0-9]{0,2}[A-Za-z]?$/)],
    kind: ['news' as 'news' | 'account'],
    subject: ['', [Validators.required, Validators.maxLength(150)]],
    body: ['', [Validators.required, Validators.maxLength(5000)]],
  });

  constructor() {
    // What was previewed no longer matches once the form changes: preview again before sending.
    this.form.valueChanges.subscribe(() => this.previewed.set(null));
  }

  protected fieldError(name: Field, label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected preview(): void {
    this.submit(true);
  }

  protected send(): void {
    this.submit(false);
  }

  private submit(preview: boolean): void {
    this.form.markAllAsTouched();
    if (this.busy() || this.form.invalid) return;
    this.busy.set(true);
    this.result.set(null);
    this.api.sendEmail({ ...this.request(), preview }).subscribe({
      next: (response) => {
        this.busy.set(false);
        if (preview) {
          this.previewed.set(response);
          setTimeout(() => this.previewSection()?.nativeElement.focus());
          return;
        }
        this.previewed.set(null);
        this.result.set({
          kind: 'success',
          message: `Queued for ${response.recipients} users. It goes out in a minute.`,
        });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.details);
        this.result.set({ kind: 'error', message: problem.message });
      },
    });
  }

  private request(): Omit<SendEmail, 'preview'> {
    const v = this.form.getRawValue();
    const audience: SendEmail['audience'] =
      v.target === 'user'
        ? { userId: v.userId.trim() }
        : {
            ...(v.role ? { role: v.role } : {}),
            ...(v.plan ? { plan: v.plan } : {}),
            ...(v.postcodePrefix.trim() ? { postcodePrefix: v.postcodePrefix.trim() } : {}),
          };
    return { subject: v.subject, body: v.body, kind: v.kind, audience };
  }
}
