import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ChildFormDialog, type ChildFormDialogData } from './child-form-dialog';
import type { ChildResponse } from './child-types';
import { ChildrenApi } from './children-api';
import { ConfirmDeleteData, ConfirmDeleteDialog } from '@shared/confirm-delete/confirm-delete-dialog';

/** Oldest first, as the server lists them. */
const byAge = (a: ChildResponse, b: ChildResponse) =>
  a.dateOfBirth.localeCompare(b.dateOfBirth) || a.firstName.localeCompare(b.firstName);

const DIALOG_SIZE = { width: '560px', maxWidth: 'calc(100vw - 32px)' } as const;

/** `/parent/children`: the parent's children as cards; add, edit and remove through dialogs. */
@Component({
  selector: 'app-children',
  imports: [RouterLink, MatButtonModule, MatIconModule, UkDatePipe, EmptyState, ErrorState, LoadingState],
  templateUrl: './children.html',
  styleUrl: './children.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Children {
  private readonly api = inject(ChildrenApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly children = signal<readonly ChildResponse[] | null>(null);
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    this.loadChildren();
  }

  protected loadChildren(): void {
    this.loadError.set(null);
    this.children.set(null);
    this.api.list().subscribe({
      next: (page) => this.children.set([...page.items].sort(byAge)),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected addChild(): void {
    this.openForm({}).subscribe((child) => {
      if (!child) return;
      this.children.update((list) => [...(list ?? []), child].sort(byAge));
      this.notifier.success(`${child.firstName} has been added.`);
      // The button that opened the dialog may be gone (the empty state): go to the new card.
      this.focusAfterRender(`#child-${child.id}`);
    });
  }

  protected editChild(child: ChildResponse): void {
    this.openForm({ child }).subscribe((saved) => {
      if (!saved) return;
      this.children.update((list) => (list ?? []).map((c) => (c.id === saved.id ? saved : c)).sort(byAge));
      this.notifier.success(`${saved.firstName}'s details have been saved.`);
    });
  }

  protected removeChild(child: ChildResponse): void {
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: `Remove ${child.firstName}?`,
          body: `${child.firstName}'s details, including any notes about needs, allergies and health, will be deleted. This cannot be undone.`,
          keepLabel: `Keep ${child.firstName}`,
          confirmLabel: 'Remove',
          busyLabel: 'Removing…',
          remove: () => this.api.remove(child.id),
        },
        ...DIALOG_SIZE,
        width: '440px',
      })
      .afterClosed()
      .subscribe((removed) => {
        if (!removed) return;
        this.children.update((list) => (list ?? []).filter((c) => c.id !== child.id));
        this.notifier.success(`${child.firstName} has been removed.`);
        // The card and its button are gone: put focus somewhere that still exists.
        this.heading().nativeElement.focus();
      });
  }

  private openForm(data: ChildFormDialogData) {
    return this.dialog
      .open<ChildFormDialog, ChildFormDialogData, ChildResponse>(ChildFormDialog, { data, ...DIALOG_SIZE })
      .afterClosed();
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
