import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  formatBytes,
  STATUS_LABELS,
  type DocumentStatus,
  type DocumentType,
} from '../../childminder/documents/document-types';
import { saveBlob } from '../../childminder/documents/documents-api';
import { type AdminDocument, type AdminDocumentPage, AdminDocumentsApi } from './admin-documents-api';
import { ReasonDialog, type ReasonDialogData } from '@shared/reason-dialog/reason-dialog';

interface Preview {
  id: string;
  kind: 'image' | 'pdf';
  objectUrl: string;
  safeUrl: SafeResourceUrl;
}

/** `/admin/documents`: the review queue (pending first by default), with inline preview. */
@Component({
  selector: 'app-document-review',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    UkDatePipe,
    PagedList,
    PageRows,
  ],
  templateUrl: './document-review.html',
  styleUrl: './document-review.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentReview {
  private readonly api = inject(AdminDocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly sanitizer = inject(DomSanitizer);

  protected readonly types = DOCUMENT_TYPES;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly statuses = Object.keys(STATUS_LABELS) as DocumentStatus[];
  protected readonly formatBytes = formatBytes;

  protected status: DocumentStatus | '' = 'pending';
  protected type: DocumentType | '' = '';
  protected expiringWithinDays: number | null = null;
  protected readonly list = new PagedListState<AdminDocument, AdminDocumentPage>(({ page, pageSize }) =>
    this.api.list({
      status: this.status,
      type: this.type,
      expiringWithinDays: this.expiringWithinDays,
      page,
      pageSize,
    }),
  );
  protected readonly busyId = signal<string | null>(null);
  protected readonly preview = signal<Preview | null>(null);

  constructor() {
    this.list.reload();
    inject(DestroyRef).onDestroy(() => this.closePreview());
  }

  protected applyFilters(): void {
    this.list.firstPage();
  }

  protected previewDocument(document: AdminDocument): void {
    if (this.preview()?.id === document.id) {
      this.closePreview();
      return;
    }
    this.api.file(document.id).subscribe({
      next: (blob) => {
        this.closePreview();
        const objectUrl = URL.createObjectURL(blob);
        this.preview.set({
          id: document.id,
          kind: document.contentType === 'application/pdf' ? 'pdf' : 'image',
          objectUrl,
          // Our own blob: URL of bytes the server already checked; nothing user-controlled.
          safeUrl: this.sanitizer.bypassSecurityTrustResourceUrl(objectUrl),
        });
      },
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }

  protected downloadDocument(document: AdminDocument): void {
    this.api.file(document.id).subscribe({
      next: (blob) => saveBlob(blob, document.originalFileName),
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }

  protected approveDocument(document: AdminDocument): void {
    this.busyId.set(document.id);
    this.api.setStatus(document.id, 'approved').subscribe({
      next: (updated) => {
        this.busyId.set(null);
        this.list.replaceItem(updated);
        this.notifier.success(`${document.name} approved; the owner has been emailed.`);
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.notifier.error(toApiProblem(error).message);
      },
    });
  }

  protected rejectDocument(document: AdminDocument): void {
    this.dialog
      .open<ReasonDialog<AdminDocument>, ReasonDialogData<AdminDocument>, AdminDocument>(ReasonDialog, {
        data: {
          title: `Reject “${document.name}”?`,
          body: 'The owner is emailed the reason, so say what to fix.',
          missingMessage: 'Enter the reason for rejecting it',
          keepLabel: 'Cancel',
          confirmLabel: 'Reject',
          busyLabel: 'Rejecting…',
          submit: (reason) => this.api.setStatus(document.id, 'rejected', reason),
        },
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.list.replaceItem(updated);
        this.notifier.success(`${document.name} rejected; the owner has been emailed the reason.`);
      });
  }

  protected closePreview(): void {
    const current = this.preview();
    if (current) URL.revokeObjectURL(current.objectUrl);
    this.preview.set(null);
  }
}
