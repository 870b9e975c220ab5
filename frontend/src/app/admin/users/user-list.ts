import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { UkDatePipe } from '@shared/dates/uk-date';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';
import {
  type AdminUser,
  type AdminUserPage,
  AdminPeopleApi,
  ROLE_LABELS,
  STATUS_LABELS,
  type UserFilters,
  type UserRole,
  type UserStatus,
} from './admin-users-api';
import { CreateUserDialog } from './create-user-dialog';

/** `/admin/users`: find people by name, email or postcode; filter, sort, open one; create a user. */
@Component({
  selector: 'app-user-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PagedList,
    PageRows,
    UkDatePipe,
  ],
  template: `
    <div class="page">
      <a class="back-link" routerLink="/admin">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <div class="heading">
        <h1>Users</h1>
        <button mat-flat-button type="button" (click)="createUser()">
          <mat-icon aria-hidden="true">person_add</mat-icon>
          Create user
        </button>
      </div>
      <p class="intro muted">Every change you make to an account is recorded in the audit log. Times are UK time.</p>

      <form class="filters" (ngSubmit)="applyFilters()" aria-label="Find users">
        <mat-form-field appearance="outline">
          <mat-label>Name, email or postcode</mat-label>
          <input matInput [(ngModel)]="filters.q" name="q" type="search" autocomplete="off" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Role</mat-label>
          <mat-select [(ngModel)]="filters.role" name="role">
            <mat-option value="">Any</mat-option>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Status</mat-label>
          <mat-select [(ngModel)]="filters.status" name="status">
            <mat-option value="">Active or suspended</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Email confirmed</mat-label>
          <mat-select [(ngModel)]="filters.verified" name="verified">
            <mat-option value="">Either</mat-option>
            <mat-option value="true">Yes</mat-option>
            <mat-option value="false">No</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Two-step verification</mat-label>
          <mat-select [(ngModel)]="filters.twoFactor" name="twoFactor">
            <mat-option value="">Either</mat-option>
            <mat-option value="true">On</mat-option>
            <mat-option value="false">Off</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Sort by</mat-label>
          <mat-select [(ngModel)]="filters.sort" name="sort">
            <mat-option value="createdAt">Newest first</mat-option>
            <mat-option value="lastLoginAt">Last sign-in</mat-option>
            <mat-option value="lastName">Last name</mat-option>
            <mat-option value="email">Email</mat-option>
          </mat-select>
        </mat-form-field>
        <div class="filters__actions">
          <button mat-stroked-button type="submit">
            <mat-icon aria-hidden="true">search</mat-icon>
            Search
          </button>
          <button mat-button type="button" (click)="clearFilters()">Clear</button>
        </div>
      </form>

      <app-paged-list
        [list]="list"
        errorTitle="We couldn't load the users"
        loadingLabel="Loading users…"
        emptyIcon="person_search"
        emptyTitle="No users match"
        paginatorLabel="Pages of users"
      >
        <ng-template [appPageRows]="list.value()" let-items>
          <ul class="users" aria-label="Users">
            @for (user of items; track user.id) {
              <li class="user card-surface">
                <div>
                  <h2 class="user__name">
                    <a [routerLink]="['/admin/users', user.id]">{{ user.displayName }}</a>
                  </h2>
                  <p class="muted">{{ user.email }}{{ user.postcode ? ' · ' + user.postcode : '' }}</p>
                </div>
                <div class="user__side">
                  <span>{{ roleLabels[user.role] }}</span>
                  <span [class]="'status--' + user.status">{{ statusLabels[user.status] }}</span>
                  <span class="muted">Joined {{ user.createdAt | ukDate: 'date' }}</span>
                </div>
              </li>
            }
          </ul>
        </ng-template>
      </app-paged-list>
    </div>
  `,
  styleUrl: './user-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly api = inject(AdminPeopleApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly roles = Object.keys(ROLE_LABELS) as UserRole[];
  protected readonly statuses: UserStatus[] = ['active', 'suspended', 'erased'];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected filters: Omit<UserFilters, 'page' | 'pageSize'> = UserList.noFilters();
  protected readonly list = new PagedListState<AdminUser, AdminUserPage>(({ page, pageSize }) =>
    this.api.users({ ...this.filters, q: this.filters.q?.trim(), page, pageSize }),
  );

  constructor() {
    this.list.reload();
  }

  private static noFilters(): Omit<UserFilters, 'page' | 'pageSize'> {
    return { q: '', role: '', status: '', verified: '', twoFactor: '', sort: 'createdAt', order: 'desc' };
  }

  protected applyFilters(): void {
    this.filters.order = this.filters.sort === 'lastName' || this.filters.sort === 'email' ? 'asc' : 'desc';
    this.list.firstPage();
  }

  protected clearFilters(): void {
    this.filters = UserList.noFilters();
    this.list.firstPage();
  }

  protected createUser(): void {
    this.dialog
      .open<CreateUserDialog, void, AdminUser>(CreateUserDialog, { width: '520px' })
      .afterClosed()
      .subscribe((created) => {
        if (created) void this.router.navigate(['/admin/users', created.id]);
      });
  }
}
