import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSliderModule } from '@angular/material/slider';
import { MatSlideToggle, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { ParentAlertSettings, UpdateLastMinuteSettingsRequest } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LastMinuteApi } from '@shared/last-minute/last-minute-api';
import { UpgradePrompt } from '@shared/upgrade-prompt/upgrade-prompt';
import type { ChildResponse } from '../children/child-types';

export const MIN_RADIUS_MILES = 1;
export const MAX_RADIUS_MILES = 25;

/**
 * A parent's last-minute alert settings. The switch takes effect at once (turning alerts on needs
 * Parent Plus: without it the upgrade prompt opens and the switch goes back); distance, children
 * and channels are saved together with a button.
 */
@Component({
  selector: 'app-alert-settings',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatSliderModule,
    MatSlideToggleModule,
    FormAlert,
  ],
  template: `
    @if (!settings().planIncludesAlerts) {
      <div class="plus-note">
        <mat-icon aria-hidden="true">workspace_premium</mat-icon>
        <p>
          @if (settings().enabled) {
            Your alerts are paused: they are part of Parent Plus.
          } @else {
            Alerts are part of Parent Plus.
          }
          You can see the places above on any plan; with Plus you hear about new ones the moment they are posted.
          <a routerLink="/billing">See plans</a>
        </p>
      </div>
    }

    <mat-slide-toggle
      class="switch"
      [checked]="settings().enabled"
      [disabled]="busy()"
      (change)="switchAlerts($event.checked)"
      aria-describedby="alerts-switch-help"
      hideIcon
    >
      Send me last-minute alerts
    </mat-slide-toggle>
    <p id="alerts-switch-help" class="muted help">
      When a childminder near you posts a place for your children's ages, we tell you once, straight away.
    </p>
    <app-form-alert [message]="switchError()" />
    <app-form-alert kind="success" [message]="switchSaved()" />

    <form class="details" (ngSubmit)="saveDetails()" novalidate>
      <div class="group">
        <label class="group__label" for="alert-radius">
          Distance from your postcode: <strong>{{ radius() }} {{ radius() === 1 ? 'mile' : 'miles' }}</strong>
        </label>
        <mat-slider class="slider" [min]="minRadius" [max]="maxRadius" step="1" discrete [displayWith]="milesLabel">
          <input
            matSliderThumb
            id="alert-radius"
            [value]="radius()"
            (valueChange)="setRadius($event)"
            [attr.aria-valuetext]="radius() + (radius() === 1 ? ' mile' : ' miles')"
          />
        </mat-slider>
      </div>

      <fieldset class="group">
        <legend class="group__label">For which children?</legend>
        @if (children().length) {
          <div class="checks">
            @for (child of children(); track child.id) {
              <mat-checkbox [checked]="childIds().includes(child.id)" (change)="toggleChild(child.id, $event.checked)">
                {{ child.firstName }} <span class="muted">({{ child.ageDescription }})</span>
              </mat-checkbox>
            }
          </div>
          <p class="muted small">None ticked: places for any of your children.</p>
        } @else {
          <p class="muted small">
            <a routerLink="/parent/children">Add your children</a>: places are matched to their ages.
          </p>
        }
      </fieldset>

      <fieldset class="group">
        <legend class="group__label">How should we tell you?</legend>
        <div class="checks">
          <mat-checkbox [checked]="email()" (change)="email.set($event.checked)">By email</mat-checkbox>
          <mat-checkbox [checked]="inApp()" (change)="inApp.set($event.checked)">In the app</mat-checkbox>
        </div>
        @if (!email() && !inApp()) {
          <p class="muted small">With both off, alerts reach you nowhere: only this page shows new places.</p>
        }
      </fieldset>

      <app-form-alert [message]="detailsError()" />
      <app-form-alert kind="success" [message]="detailsSaved()" />
      <div class="form-actions">
        <button mat-flat-button type="submit" class="submit-button" [disabled]="busy()">
          @if (savingDetails()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Saving…
          } @else {
            Save alert settings
          }
        </button>
      </div>
    </form>
  `,
  styles: `
    .plus-note {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .plus-note p {
      margin: 0;
    }
    .plus-note a {
      color: inherit;
      font-weight: 500;
    }
    .plus-note mat-icon {
      flex: none;
    }
    .help {
      margin: 8px 0 16px;
    }
    .details {
      margin-top: 8px;
      padding-top: 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .group {
      border: 0;
      margin: 0 0 16px;
      padding: 0;
    }
    .group__label {
      display: block;
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
      padding: 0;
    }
    .slider {
      width: 100%;
      max-width: 420px;
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .small {
      font: var(--mat-sys-body-small);
      margin: 4px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertSettings implements OnInit {
  private readonly api = inject(LastMinuteApi);
  private readonly upgradePrompt = inject(UpgradePrompt);
  private readonly toggle = viewChild.required(MatSlideToggle);

  /** As saved. */
  readonly settings = input.required<ParentAlertSettings>();
  readonly children = input.required<readonly ChildResponse[]>();
  /** The settings as saved after a change: the page shows the places they match. */
  readonly saved = output<ParentAlertSettings>();

  protected readonly minRadius = MIN_RADIUS_MILES;
  protected readonly maxRadius = MAX_RADIUS_MILES;
  protected readonly milesLabel = (miles: number) => `${miles} mi`;

  // The form, as shown (unsaved changes included).
  protected readonly radius = signal(5);
  protected readonly childIds = signal<readonly string[]>([]);
  protected readonly email = signal(true);
  protected readonly inApp = signal(true);

  protected readonly busy = signal(false);
  protected readonly savingDetails = signal(false);
  protected readonly switchError = signal<string | null>(null);
  protected readonly switchSaved = signal<string | null>(null);
  protected readonly detailsError = signal<string | null>(null);
  protected readonly detailsSaved = signal<string | null>(null);

  /** The form starts from the saved settings; switching alerts on or off leaves its changes alone. */
  ngOnInit(): void {
    const saved = this.settings();
    this.radius.set(saved.radiusMiles);
    this.childIds.set(saved.childIds);
    this.email.set(saved.channels.email);
    this.inApp.set(saved.channels.inApp);
  }

  protected setRadius(miles: number): void {
    this.radius.set(Math.min(MAX_RADIUS_MILES, Math.max(MIN_RADIUS_MILES, Math.round(miles))));
  }

  protected toggleChild(id: string, checked: boolean): void {
    this.childIds.update((ids) => (checked ? [...ids.filter((c) => c !== id), id] : ids.filter((c) => c !== id)));
  }

  protected switchAlerts(enabled: boolean): void {
    this.switchError.set(null);
    this.switchSaved.set(null);
    this.save(
      { enabled },
      {
        saved: (settings) =>
          this.switchSaved.set(
            settings.enabled
              ? `Alerts are on: we'll tell you about new places within ${settings.radiusMiles} ${settings.radiusMiles === 1 ? 'mile' : 'miles'}.`
              : 'Alerts are off. You can still look at this page for places.',
          ),
        failed: (error) => {
          // Nothing was saved: the switch goes back.
          this.toggle().checked = this.settings().enabled;
          if (!this.upgradePrompt.offer(error)) this.switchError.set(toApiProblem(error).message);
        },
      },
    );
  }

  protected saveDetails(): void {
    if (this.busy()) return;
    this.detailsError.set(null);
    this.detailsSaved.set(null);
    this.savingDetails.set(true);
    this.save(
      {
        radiusMiles: this.radius(),
        childIds: [...this.childIds()],
        channels: { email: this.email(), inApp: this.inApp() },
      },
      {
        saved: () => {
          this.savingDetails.set(false);
          this.detailsSaved.set('Your alert settings have been saved.');
        },
        failed: (error) => {
          this.savingDetails.set(false);
          this.detailsError.set(toApiProblem(error).message);
        },
      },
    );
  }

  private save(
    body: UpdateLastMinuteSettingsRequest,
    then: { saved: (settings: ParentAlertSettings) => void; failed: (error: unknown) => void },
  ): void {
    this.busy.set(true);
    this.api.updateSettings(body).subscribe({
      next: (response) => {
        this.busy.set(false);
        if (response.alerts) {
          this.saved.emit(response.alerts);
          then.saved(response.alerts);
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        then.failed(error);
      },
    });
  }
}
