import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ConfirmDeleteData, ConfirmDeleteDialog } from '@shared/confirm-delete/confirm-delete-dialog';
import type { OwnCompliance, RequirementState } from '@core/api/api-types';
import { ComplianceChecklist } from './compliance-checklist';
import {
  DOCUMENT_LIMITS,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  fileProblem,
  formatBytes,
  STATUS_LABELS,
  type DocumentFields,
  type DocumentResponse,
  type DocumentType,
} from './document-types';
import { DocumentsApi, saveBlob } from './documents-api';

type DocumentState = Exclude<RequirementState, 'missing'>;

/** What a document's chip says: the same words as the checklist. */
const DOCUMENT_STATE_LABELS: Readonly<Record<DocumentState, string>> = {
  ...STATUS_LABELS,
  approved: 'Approved',
  expiring: 'Approved · renew soon',
  expired: 'Expired',
};

/**
 * `/childminder/documents`, the Compliance page: the checklist of requirements, then uploading,
 * following the review of, replacing and deleting documents.
 */
@Component({
  selector: 'app-documents',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    UkDatePipe,
    FormAlert,
    EmptyState,
    ErrorState,
    LoadingState,
    ComplianceChecklist,
  ],
  templateUrl: './documents.html',
  styleUrl: './documents.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Documents {
  private readonly api = inject(DocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private readonly replaceInput = viewChild.required<ElementRef<HTMLInputElement>>('replaceInput');
  private readonly uploadTitle = viewChild.required<ElementRef<HTMLElement>>('uploadTitle');

  protected readonly types = DOCUMENT_TYPES;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly limits = DOCUMENT_LIMITS;
  protected readonly formatBytes = formatBytes;
  protected readonly controlError = controlError;

  protected readonly documents = signal<readonly DocumentResponse[] | null>(null);
  /** Null while loading or when it could not be loaded: the page works without it. */
  protected readonly compliance = signal<OwnCompliance | null>(null);
  protected readonly loadError = signal<string | null>(null);
  /** Each document's standing today, from the server's one compliance rule (the checklist's). */
  private readonly standings = computed(
    () => new Map((this.compliance()?.documents ?? []).map((standing) => [standing.documentId, standing.state])),
  );
  protected readonly stateLabels = DOCUMENT_STATE_LABELS;
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly dragging = signal(false);
  /** Upload progress in percent while sending; null when idle. */
  protected readonly progress = signal<number | null>(null);
  protected readonly formError = signal<string | null>(null);
  /** The document whose file is being replaced, and the replacement's progress. */
  protected readonly replacing = signal<{ id: string; percent: number } | null>(null);
  private replaceTarget: DocumentResponse | null = null;

  protected readonly form = new FormGroup({
    type: new FormControl<DocumentType | null>(null, Validators.required),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(DOCUMENT_LIMITS.name)],
    }),
    issuedOn: new FormControl('', { nonNullable: true }),
    expiresOn: new FormControl('', { nonNullable: true }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(DOCUMENT_LIMITS.description)],
    }),
  });

  constructor() {
    this.loadDocuments();
    this.loadCompliance();
  }

  /**
   * The chip's state: the compliance standing (an approved but expired certificate is "Expired"),
   * or the review status until the standing is known.
   */
  protected stateOf(document: DocumentResponse): DocumentState {
    const standing = this.standings().get(document.id);
    return standing && standing !== 'missing' ? standing : document.status;
  }

  /** Refreshed after every change: a review or an upload moves the checklist. */
  protected loadCompliance(): void {
    this.api.compliance().subscribe({
      next: (compliance) => this.compliance.set(compliance),
      error: () => this.compliance.set(null),
    });
  }

  /** From the checklist: start an upload of that type. */
  protected startUpload(type: DocumentType): void {
    this.form.controls.type.setValue(type);
    const heading = this.uploadTitle().nativeElement;
    heading.scrollIntoView({ behavior: 'smooth', block: 'start' });
    heading.focus();
  }

  protected loadDocuments(): void {
    this.loadError.set(null);
    this.documents.set(null);
    this.api.list().subscribe({
      next: (page) => this.documents.set(page.items),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected chooseFile(): void {
    this.fileInput().nativeElement.click();
  }

  protected fileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.takeFile(input.files?.[0] ?? null);
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dragLeave(): void {
    this.dragging.set(false);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.takeFile(event.dataTransfer?.files?.[0] ?? null);
  }

  protected uploadDocument(): void {
    const file = this.file();
    this.form.markAllAsTouched();
    if (!file) this.fileError.set('Choose a file to upload.');
    if (!file || this.form.invalid || this.progress() !== null) return;
    const value = this.form.getRawValue();
    const fields: DocumentFields = {
      type: value.type!,
      name: value.name.trim(),
      description: value.description.trim() || null,
      issuedOn: value.issuedOn || null,
      expiresOn: value.expiresOn || null,
    };
    this.formError.set(null);
    this.progress.set(0);
    this.api.upload(fields, file).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.progress.set(event.percent);
          return;
        }
        this.progress.set(null);
        this.documents.update((list) => [event.document, ...(list ?? [])]);
        this.form.reset();
        this.file.set(null);
        this.notifier.success(`${event.document.name} has been uploaded and is awaiting review.`);
        this.loadCompliance();
      },
      error: (error: unknown) => {
        this.progress.set(null);
        const problem = toApiProblem(error);
        const unmatched = applyFieldErrors(this.form, problem.details);
        const aboutFile = unmatched.find((d) => d.field === 'file');
        if (aboutFile) this.fileError.set(aboutFile.message);
        this.formError.set(aboutFile ? null : problem.message);
      },
    });
  }

  protected replaceDocument(document: DocumentResponse): void {
    this.replaceTarget = document;
    this.replaceInput().nativeElement.click();
  }

  /** Uploads the new file with the old document's details, then deletes the old document. */
  protected replacementChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    input.value = '';
    const old = this.replaceTarget;
    if (!file || !old) return;
    const problem = fileProblem(file);
    if (problem) {
      this.notifier.error(problem);
      return;
    }
    this.replacing.set({ id: old.id, percent: 0 });
    const fields: DocumentFields = {
      type: old.type,
      name: old.name,
      description: old.description,
      issuedOn: old.issuedOn,
      expiresOn: old.expiresOn,
    };
    this.api.upload(fields, file).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.replacing.set({ id: old.id, percent: event.percent });
          return;
        }
        this.api.remove(old.id).subscribe({ error: () => undefined });
        this.replacing.set(null);
        this.documents.update((list) => (list ?? []).map((d) => (d.id === old.id ? event.document : d)));
        this.notifier.success(`${old.name} has been replaced and is awaiting review.`);
        this.loadCompliance();
      },
      error: (error: unknown) => {
        this.replacing.set(null);
        this.notifier.error(toApiProblem(error).message);
      },
    });
  }

  protected downloadDocument(document: DocumentResponse): void {
    this.api.download(document).subscribe({
      next: (blob) => saveBlob(blob, document.originalFileName),
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }

  protected deleteDocument(document: DocumentResponse): void {
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: `Delete “${document.name}”?`,
          body: 'The document and its file will be deleted. If it was approved, it will no longer count towards your compliance.',
          keepLabel: 'Keep it',
          confirmLabel: 'Delete',
          busyLabel: 'Deleting…',
          remove: () => this.api.remove(document.id),
        },
        width: '440px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((deleted) => {
        if (!deleted) return;
        this.documents.update((list) => (list ?? []).filter((d) => d.id !== document.id));
        this.notifier.success(`${document.name} has been deleted.`);
        this.loadCompliance();
        this.heading().nativeElement.focus();
      });
  }

  private takeFile(file: File | null): void {
    if (!file) return;
    const problem = fileProblem(file);
    this.fileError.set(problem);
    this.file.set(problem ? null : file);
    if (!problem && !this.form.controls.name.value) {
      this.form.controls.name.setValue(file.name.replace(/\.[^.]+$/, '').slice(0, DOCUMENT_LIMITS.name));
    }
  }
}
