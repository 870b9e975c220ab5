import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { roleLabel } from '@core/auth/roles';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import type { ChangedRequirement, ComplianceRequirement } from './admin-compliance-api';
import { documentTypeLabel, formatReminderDays, formatValidity } from './compliance-format';
import { RequirementDialog, type RequirementDialogData } from './requirement-dialog';

/** The requirement editor: every requirement per role, changed or added in a dialog. */
@Component({
  selector: 'app-requirement-list',
  imports: [MatButtonModule, MatIconModule, EmptyState, ErrorState, LoadingState],
  templateUrl: './requirement-list.html',
  styleUrl: './requirement-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequirementList {
  private readonly dialog = inject(MatDialog);

  readonly requirements = input<ComplianceRequirement[] | null>(null);
  readonly error = input<string | null>(null);
  /** A requirement was added or changed (the saved version). */
  readonly saved = output<{ requirement: ChangedRequirement; added: boolean }>();
  readonly retry = output<void>();

  protected readonly roleLabel = roleLabel;
  protected readonly typeLabel = documentTypeLabel;
  protected readonly formatValidity = formatValidity;
  protected readonly formatReminderDays = formatReminderDays;

  protected addRequirement(): void {
    this.openDialog({});
  }

  protected editRequirement(requirement: ComplianceRequirement): void {
    this.openDialog({ requirement });
  }

  private openDialog(data: RequirementDialogData): void {
    this.dialog
      .open<RequirementDialog, RequirementDialogData, ChangedRequirement>(RequirementDialog, {
        data,
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((requirement) => {
        if (requirement) this.saved.emit({ requirement, added: !data.requirement });
      });
  }
}
