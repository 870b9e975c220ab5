import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import type { IcsFeed, CalendarSyncStatus, GoogleCalendar } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { ConfirmDeleteDialog, ConfirmDeleteData } from '@shared/confirm-delete/confirm-delete-dialog';
import { UkDatePipe } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { CalendarSyncApi } from './calendar-sync-api';
import { syncSummary } from './sync-summary';

const RETURN_MESSAGES: Record<string, { kind: 'success' | 'info'; text: string }> = {
  connected: { kind: 'success', text: 'Google Calendar is connected. Press “Sync now” to send your calendar there.' },
  cancelled: { kind: 'info', text: 'Google Calendar was not connected: you cancelled on Google’s page.' },
};

/**
 * Calendar settings for parents and childminders: connect Google Calendar, choose the calendar,
 * see the last sync, sync now, disconnect; and the secret ICS feed address to copy or replace.
 */
@Component({
  selector: 'app-calendar-settings',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ErrorState,
    FormAlert,
    LoadingState,
    UkDatePipe,
  ],
  templateUrl: './calendar-settings.html',
  styleUrl: './calendar-settings.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarSettings {
  private readonly api = inject(CalendarSyncApi);
  private readonly dialog = inject(MatDialog);
  private readonly clipboard = inject(Clipboard);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly status = signal<CalendarSyncStatus | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly calendars = signal<GoogleCalendar[] | null>(null);
  protected readonly feed = signal<IcsFeed | null>(null);
  protected readonly feedError = signal<string | null>(null);
  protected readonly busy = signal<'connect' | 'sync' | 'calendar' | 'feed' | null>(null);
  protected readonly message = signal<{ kind: 'success' | 'info' | 'error'; text: string } | null>(null);

  protected readonly lastResult = computed(() => {
    const result = this.status()?.lastSyncResult;
    return result ? syncSummary(result) : null;
  });

  private readonly result = viewChild<ElementRef<HTMLElement>>('result');

  constructor() {
    const returned = inject(ActivatedRoute).snapshot.queryParamMap.get('google');
    if (returned && RETURN_MESSAGES[returned]) this.message.set(RETURN_MESSAGES[returned]);
    this.loadStatus();
    this.loadFeed();
  }

  protected loadStatus(): void {
    this.loadError.set(null);
    this.status.set(null);
    const subscription = this.api.status().subscribe({
      next: (status) => {
        this.status.set(status);
        if (status.state === 'connected') this.loadCalendars();
      },
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  private loadCalendars(): void {
    this.api.calendars().subscribe({
      next: (calendars) => this.calendars.set(calendars),
      error: () => this.calendars.set([]),
    });
  }

  protected loadFeed(): void {
    this.feedError.set(null);
    this.api.feed().subscribe({
      next: (feed) => this.feed.set(feed),
      error: (error: unknown) => this.feedError.set(toApiProblem(error).message),
    });
  }

  /** Off to Google's consent screen; Google sends the browser back to this page. */
  protected connect(): void {
    this.busy.set('connect');
    this.api.authorizationUrl().subscribe({
      next: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
      error: (error: unknown) => this.fail(error),
    });
  }

  protected syncNow(): void {
    this.busy.set('sync');
    this.api.syncNow().subscribe({
      next: (result) => {
        this.busy.set(null);
        this.announce({ kind: result.failed ? 'info' : 'success', text: syncSummary(result) });
        this.refreshStatus();
      },
      error: (error: unknown) => {
        this.fail(error);
        this.refreshStatus();
      },
    });
  }

  protected chooseCalendar(calendarId: string): void {
    this.busy.set('calendar');
    this.api.chooseCalendar(calendarId).subscribe({
      next: (status) => {
        this.busy.set(null);
        this.status.set(status);
        this.announce({
          kind: 'success',
          text: `Events will go to “${status.calendar?.name ?? 'your calendar'}” from the next sync.`,
        });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected disconnect(): void {
    const data: ConfirmDeleteData = {
      title: 'Disconnect Google Calendar?',
      body: 'Nothing more is sent to Google, and busy times read from Google are removed here. Events already in Google stay there.',
      keepLabel: 'Stay connected',
      confirmLabel: 'Disconnect',
      busyLabel: 'Disconnecting…',
      remove: () => this.api.disconnect(),
    };
    this.dialog
      .open(ConfirmDeleteDialog, { data })
      .afterClosed()
      .subscribe((done) => {
        if (!done) return;
        this.calendars.set(null);
        this.announce({ kind: 'success', text: 'Google Calendar is disconnected.' });
        this.refreshStatus();
      });
  }

  protected copyFeed(): void {
    const feed = this.feed();
    if (!feed) return;
    const copied = this.clipboard.copy(feed.url);
    this.announce(
      copied
        ? { kind: 'success', text: 'Calendar address copied. Paste it into your calendar app’s “subscribe” option.' }
        : { kind: 'error', text: 'Could not copy: select the address and copy it yourself.' },
    );
  }

  protected regenerateFeed(): void {
    const data: ConfirmDeleteData = {
      title: 'Make a new calendar address?',
      body: 'The current address stops working at once: calendar apps subscribed to it stop updating until you give them the new one.',
      keepLabel: 'Keep the address',
      confirmLabel: 'Make a new address',
      busyLabel: 'Making…',
      remove: () => this.api.regenerateFeed(),
    };
    this.dialog
      .open(ConfirmDeleteDialog, { data })
      .afterClosed()
      .subscribe((done) => {
        if (!done) return;
        this.api.feed().subscribe((feed) => {
          this.feed.set(feed);
          this.announce({ kind: 'success', text: 'A new calendar address is ready. The old one no longer works.' });
        });
      });
  }

  private refreshStatus(): void {
    this.api.status().subscribe({ next: (status) => this.status.set(status), error: () => undefined });
  }

  private fail(error: unknown): void {
    this.busy.set(null);
    this.announce({ kind: 'error', text: toApiProblem(error).message });
  }

  /** Shows the outcome and moves focus to it, so keyboard and screen-reader users hear it. */
  private announce(message: { kind: 'success' | 'info' | 'error'; text: string }): void {
    this.message.set(message);
    queueMicrotask(() => this.result()?.nativeElement.focus());
  }
}
