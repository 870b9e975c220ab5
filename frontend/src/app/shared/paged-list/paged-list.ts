import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, Directive, input, TemplateRef, inject } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import type { PagedResult, PagedSource } from './paged-list-state';

/**
 * Marks the template that shows a page's rows: `<ng-template [appPageRows]="page" let-items>`.
 * The binding only gives the template its item type; the rows come from the paged list.
 */
@Directive({ selector: 'ng-template[appPageRows]' })
export class PageRows<T> {
  readonly appPageRows = input.required<PagedResult<T> | null>();
  readonly template = inject<TemplateRef<{ $implicit: T[] }>>(TemplateRef);

  static ngTemplateContextGuard<T>(_dir: PageRows<T>, _context: unknown): _context is { $implicit: T[] } {
    return true;
  }
}

/**
 * The states every paged admin list goes through: a failure with "Try again", loading, nothing
 * matching the filters, or the rows (the page's own markup) followed by the paginator. Content
 * marked `emptyAction` (an `<ng-container emptyAction>`) offers the next step when nothing matches.
 */
@Component({
  selector: 'app-paged-list',
  imports: [NgTemplateOutlet, MatPaginatorModule, EmptyState, ErrorState, LoadingState],
  template: `
    @let source = list();
    @if (source.error(); as message) {
      <app-error-state [title]="errorTitle()" [message]="message" (retry)="source.reload()" />
    } @else if (source.value(); as page) {
      @if (page.items.length) {
        <ng-container
          [ngTemplateOutlet]="rows()?.template ?? null"
          [ngTemplateOutletContext]="{ $implicit: page.items }"
        />
        <mat-paginator
          [length]="page.total"
          [pageIndex]="source.pageIndex()"
          [pageSize]="source.pageSize()"
          [pageSizeOptions]="pageSizeOptions()"
          (page)="source.turn($event)"
          [attr.aria-label]="paginatorLabel()"
        />
      } @else {
        <section class="section">
          <app-empty-state [icon]="emptyIcon()" [title]="emptyTitle()">
            <ng-content select="[emptyAction]" />
          </app-empty-state>
        </section>
      }
    } @else {
      <app-loading-state [label]="loadingLabel()" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagedList {
  readonly list = input.required<PagedSource>();
  readonly pageSizeOptions = input<number[]>([10, 20, 50, 100]);
  readonly errorTitle = input.required<string>();
  readonly loadingLabel = input.required<string>();
  readonly emptyIcon = input.required<string>();
  readonly emptyTitle = input.required<string>();
  readonly paginatorLabel = input.required<string>();

  protected readonly rows = contentChild(PageRows);
}
