import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import {
  AdminComplianceApi,
  type ChangedRequirement,
  type ChildminderCompliance,
  type ChildminderCompliancePage,
  type ComplianceCounts,
  type ComplianceRequirement,
  type ComplianceSettings,
  type ComplianceStatus,
  type StandingsUpdate,
} from './admin-compliance-api';
import { COMPLIANCE_STATUS_LABELS, COMPLIANCE_STATUSES, documentTypeLabel } from './compliance-format';
import { ComplianceSummary } from './compliance-summary';
import { ConfirmSettingDialog, type ConfirmSettingData } from './confirm-setting-dialog';
import { ExpiringDocuments } from './expiring-documents';
import { OverrideDialog, type OverrideDialogData } from './override-dialog';
import { RequirementList } from './requirement-list';

/** Colour and icon per status, so that the status is never told by colour alone. */
const STATUS_BADGES: Readonly<Record<ComplianceStatus, { css: string; icon: string }>> = {
  compliant: { css: 'badge badge--ok', icon: 'verified' },
  expiring: { css: 'badge badge--neutral', icon: 'schedule' },
  non_compliant: { css: 'badge badge--warn', icon: 'error' },
};

/** How often the screen asks how far the background update of the standings got. */
const STANDINGS_POLL_MS = 3000;

/**
 * `/admin/compliance`: childminders' compliance status with overrides, the requirement editor,
 * the search policy and the expiry check.
 */
@Component({
  selector: 'app-compliance-overview',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
    ComplianceSummary,
    ExpiringDocuments,
    RequirementList,
  ],
  templateUrl: './compliance-overview.html',
  styleUrl: './compliance-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplianceOverview {
  private readonly api = inject(AdminComplianceApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private overviewRequest?: Subscription;
  private standingsPoll?: ReturnType<typeof setTimeout>;

  protected readonly statuses = COMPLIANCE_STATUSES;
  protected readonly statusLabels = COMPLIANCE_STATUS_LABELS;
  protected readonly statusBadges = STATUS_BADGES;
  protected readonly typeLabel = documentTypeLabel;

  protected readonly status = signal<ComplianceStatus | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);

  /** The last page loaded; kept on screen (dimmed) while the next one loads. */
  protected readonly childminders = signal<ChildminderCompliancePage | null>(null);
  protected readonly tableLoading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly requirements = signal<ComplianceRequirement[] | null>(null);
  protected readonly settings = signal<ComplianceSettings | null>(null);
  protected readonly counts = signal<ComplianceCounts | null>(null);
  protected readonly countsError = signal<string | null>(null);
  /** Set while a requirement change is being applied to every childminder's standing, in the background. */
  protected readonly standingsUpdate = signal<StandingsUpdate | null>(null);
  protected readonly tableCaption = computed(() => {
    const status = this.status();
    return status
      ? `Childminders whose status is ${COMPLIANCE_STATUS_LABELS[status].toLowerCase()}`
      : 'Childminders and their compliance status';
  });

  constructor() {
    this.loadOverview();
    this.loadCounts();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.standingsPoll));
  }

  /** While the standings are being updated, asks again shortly; when done, reloads the statuses. */
  private followStandingsUpdate(update: StandingsUpdate | null): void {
    const wasUpdating = this.standingsUpdate() !== null;
    this.standingsUpdate.set(update);
    clearTimeout(this.standingsPoll);
    if (update) {
      this.standingsPoll = setTimeout(
        () =>
          this.api.overview({ page: 1, pageSize: 1 }).subscribe({
            next: (overview) => this.followStandingsUpdate(overview.standingsUpdate),
            error: () => this.followStandingsUpdate(update),
          }),
        STANDINGS_POLL_MS,
      );
    } else if (wasUpdating) {
      this.refreshStatuses();
    }
  }

  protected filterByStatus(status: ComplianceStatus | ''): void {
    this.status.set(status);
    this.pageIndex.set(0);
    this.loadOverview();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.loadOverview();
  }

  /** One request brings the page of childminders, the requirements and the settings. */
  protected loadOverview(): void {
    this.overviewRequest?.unsubscribe();
    this.loadError.set(null);
    this.tableLoading.set(true);
    this.overviewRequest = this.api
      .overview({ status: this.status(), page: this.pageIndex() + 1, pageSize: this.pageSize() })
      .subscribe({
        next: (overview) => {
          this.tableLoading.set(false);
          this.childminders.set(overview.childminders);
          this.requirements.set(overview.requirements);
          this.settings.set(overview.settings);
          this.followStandingsUpdate(overview.standingsUpdate);
        },
        error: (error: unknown) => {
          this.tableLoading.set(false);
          this.loadError.set(toApiProblem(error).message);
        },
      });
  }

  protected loadCounts(): void {
    this.countsError.set(null);
    this.api.counts().subscribe({
      next: (counts) => this.counts.set(counts),
      error: (error: unknown) => this.countsError.set(toApiProblem(error).message),
    });
  }

  protected overrideStatus(childminder: ChildminderCompliance, clear: boolean): void {
    this.dialog
      .open<OverrideDialog, OverrideDialogData, ChildminderCompliance>(OverrideDialog, {
        data: { childminder, clear },
        width: '520px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.childminders.update((page) =>
          page ? { ...page, items: page.items.map((c) => (c.userId === updated.userId ? updated : c)) } : page,
        );
        this.notifier.success(
          clear
            ? `Override cleared: ${updated.displayName} is ${this.statusLabels[updated.status].toLowerCase()}.`
            : `${updated.displayName} is now shown as ${this.statusLabels[updated.status].toLowerCase()}.`,
        );
        this.loadCounts();
      });
  }

  protected requirementSaved({ requirement, added }: { requirement: ChangedRequirement; added: boolean }): void {
    this.requirements.update((list) =>
      added ? [...(list ?? []), requirement] : (list ?? []).map((r) => (r.id === requirement.id ? requirement : r)),
    );
    this.notifier.success(
      `${this.typeLabel(requirement.documentType)} requirement ${added ? 'added' : 'saved'}; ${
        requirement.standingsRecomputing ? "every childminder's standing is being updated." : 'statuses are updated.'
      }`,
    );
    this.refreshStatuses();
  }

  /** After the expiry check or a requirement change every childminder's status may differ. */
  protected refreshStatuses(): void {
    this.loadOverview();
    this.loadCounts();
  }

  protected toggleHideNonCompliant(event: MatSlideToggleChange): void {
    const hide = event.checked;
    // The toggle shows the saved value until the change is confirmed and saved.
    event.source.checked = !hide;
    this.dialog
      .open<ConfirmSettingDialog, ConfirmSettingData, ComplianceSettings>(ConfirmSettingDialog, {
        data: hide
          ? {
              title: 'Hide non-compliant childminders from search?',
              body: 'Parents will no longer find childminders whose status is non-compliant, in search or recommendations, until they are compliant again or given an override.',
              confirmLabel: 'Hide them',
              busyLabel: 'Saving…',
              save: () => this.api.updateSettings({ hideNonCompliantFromSearch: true }),
            }
          : {
              title: 'Show non-compliant childminders in search again?',
              body: 'Parents will find every listed childminder again, whatever their compliance status.',
              confirmLabel: 'Show them',
              busyLabel: 'Saving…',
              save: () => this.api.updateSettings({ hideNonCompliantFromSearch: false }),
            },
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((settings) => {
        if (!settings) return;
        this.settings.set(settings);
        this.notifier.success(
          settings.hideNonCompliantFromSearch
            ? 'Non-compliant childminders are now hidden from search.'
            : 'Non-compliant childminders are shown in search again.',
        );
      });
  }
}
