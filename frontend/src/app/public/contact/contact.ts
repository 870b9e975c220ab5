import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { TicketCategory } from '@core/api/api-types';
import { applyFieldErrors, controlError, describeWait, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { HelpApi } from '@shared/support/support-api';
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS } from '@shared/support/ticket-format';

/** `/contact`: anyone writes to the support team; the answer comes by email. */
@Component({
  selector: 'app-contact',
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
    <div class="page page--narrow">
      <div class="auth-panel">
        <h1 #heading tabindex="-1">Contact us</h1>
        @if (sentNumber(); as number) {
          <app-form-alert [message]="'Thank you: we have your message.'" kind="success" />
          <p>
            Your reference is <strong>{{ number }}</strong>. We have emailed you a confirmation and will answer by
            email, usually within one working day.
          </p>
          <a mat-flat-button routerLink="/">Back to the home page</a>
        } @else {
          <p class="auth-panel__lead">
            Questions about bookings, payments or your account: we answer by email. Signed in? Use
            <strong>Help</strong> on your dashboard to follow the conversation there.
          </p>
          <app-form-alert [message]="formError()" />
          <form class="form-stack" [formGroup]="form" (ngSubmit)="sendMessage()" novalidate>
            <mat-form-field>
              <mat-label>Your name</mat-label>
              <input matInput formControlName="name" autocomplete="name" maxlength="200" required />
              @if (error('name', 'Your name'); as e) {
                <mat-error>{{ e }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>Email address</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" inputmode="email" required />
              @if (error('email', 'Email address'); as e) {
                <mat-error>{{ e }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>What is it about?</mat-label>
              <mat-select formControlName="category" required>
                @for (c of categories; track c) {
                  <mat-option [value]="c">{{ categoryLabels[c] }}</mat-option>
                }
              </mat-select>
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
              <mat-label>Message</mat-label>
              <textarea matInput formControlName="message" rows="6" maxlength="10000" required></textarea>
              @if (error('message', 'Message'); as e) {
                <mat-error>{{ e }}</mat-error>
              }
            </mat-form-field>
            <!-- A trap for bots: hidden from people and from assistive technology. -->
            <div class="honeypot" aria-hidden="true">
              <label for="contact-website">Website</label>
              <input id="contact-website" formControlName="website" tabindex="-1" autocomplete="off" />
            </div>
            <button mat-flat-button type="submit" class="submit-button full-width" [disabled]="submitting()">
              {{ submitting() ? 'Sending…' : 'Send message' }}
            </button>
          </form>
        }
      </div>
    </div>
  `,
  styles: `
    .honeypot {
      position: absolute;
      left: -10000px;
      width: 1px;
      height: 1px;
      overflow: hidden;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Contact {
  private readonly api = inject(HelpApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly categories = TICKET_CATEGORIES;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly sentNumber = signal<string | null>(null);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email]],
    category: ['' as TicketCategory | '', Validators.required],
    subject: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    message: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(10000)]],
    website: [''],
  });

  protected error(name: 'name' | 'email' | 'category' | 'subject' | 'message', label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected sendMessage(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    const value = this.form.getRawValue();
    this.submitting.set(true);
    this.formError.set(null);
    this.api
      .contact({
        name: value.name.trim(),
        email: value.email.trim(),
        category: value.category as TicketCategory,
        subject: value.subject.trim(),
        message: value.message.trim(),
        ...(value.website ? { website: value.website } : {}),
      })
      .subscribe({
        next: (received) => {
          this.submitting.set(false);
          this.sentNumber.set(received.ticketNumber ?? 'on its way by email');
          queueMicrotask(() => this.heading()?.nativeElement.focus());
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          const problem = toApiProblem(error);
          applyFieldErrors(this.form, problem.details);
          this.formError.set(
            problem.status === 429
              ? `You have sent us several messages recently. Please ${describeWait(problem.retryAfterSeconds)}.`
              : problem.message,
          );
        },
      });
  }
}
