import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { TicketCategory } from '@core/api/api-types';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { FormAlert } from '@shared/form-alert/form-alert';
import { HelpApi, type HelpSide } from '@shared/support/support-api';
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS } from '@shared/support/ticket-format';

/** `/parent/help/new` and `/childminder/help/new`: ask the support team a question. */
@Component({
  selector: 'app-help-new',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    FormAlert,
  ],
  template: `
    <div class="page">
      <a class="back-link" [routerLink]="'/' + side() + '/help'">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to Help
      </a>
      <h1>Ask for help</h1>
      <p class="muted intro">Tell us what happened. We usually answer within one working day, here and by email.</p>
      <div class="form-card card-surface">
        <app-form-alert [message]="formError()" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="sendTicket()" novalidate>
          <mat-form-field>
            <mat-label>What is it about?</mat-label>
            <mat-select formControlName="category" required>
              @for (c of categories; track c) {
                <mat-option [value]="c">{{ categoryLabels[c] }}</mat-option>
              }
            </mat-select>
            @if (form.controls.category.value === 'safeguarding') {
              <mat-hint>A safeguarding concern goes straight to our safeguarding team, urgently.</mat-hint>
            }
            @if (error('category', 'Topic'); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Subject</mat-label>
            <input matInput formControlName="subject" maxlength="200" required autocomplete="off" />
            @if (error('subject', 'Subject'); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Your message</mat-label>
            <textarea matInput formControlName="body" rows="6" maxlength="10000" required></textarea>
            @if (error('body', 'Message'); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="submitting()">
              {{ submitting() ? 'Sending…' : 'Send' }}
            </button>
            <a mat-button [routerLink]="'/' + side() + '/help'">Cancel</a>
          </div>
        </form>
      </div>
    </div>
  `,
  styleUrl: './help.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HelpNew {
  private readonly api = inject(HelpApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly side = input.required<HelpSide>();

  protected readonly categories = TICKET_CATEGORIES;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = this.fb.group({
    category: ['' as TicketCategory | '', Validators.required],
    subject: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(10000)]],
  });

  protected error(name: 'category' | 'subject' | 'body', label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected sendTicket(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    const value = this.form.getRawValue();
    this.submitting.set(true);
    this.formError.set(null);
    this.api
      .create(this.side(), {
        category: value.category as TicketCategory,
        subject: value.subject.trim(),
        body: value.body.trim(),
      })
      .subscribe({
        next: (ticket) => {
          this.notifier.success(`Sent. Your reference is ${ticket.number}.`);
          void this.router.navigate(['/', this.side(), 'help', ticket.id]);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          const problem = toApiProblem(error);
          applyFieldErrors(this.form, problem.details);
          this.formError.set(problem.message);
        },
      });
  }
}
