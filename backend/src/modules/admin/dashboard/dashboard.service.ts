import { Injectable } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '@app/common/errors/common.exception';
import { BookingsService } from '@app/modules/bookings/bookings.service';
import { ComplianceService } from '@app/modules/compliance/compliance.service';
import { DocumentStatus } from '@app/modules/documents/entities/document.entity';
import { DocumentsService } from '@app/modules/documents/documents.service';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { AdminSubscriptionsService } from '@app/modules/subscriptions/admin-subscriptions.service';
import { UsersService } from '@app/modules/users/users.service';
import { DashboardQuery, DashboardResponse } from './dashboard.dto';
import { SupportFiguresPort } from './figures.port';

const DAY_MS = 24 * 3600 * 1000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

/** The range a dashboard request asks for: the last 30 days by default, at most a year. */
export function dashboardRange(query: DashboardQuery, now = new Date()): { from: Date; to: Date } {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days <= 0 || days > MAX_RANGE_DAYS) {
    throw new CommonException(
      CommonErrorCode.ValidationFailed,
      `from must be before to, at most ${MAX_RANGE_DAYS} days`,
      [{ field: 'from', message: `from must be before to, at most ${MAX_RANGE_DAYS} days` }],
    );
  }
  return { from, to };
}

const sumByKey = (rows: { key: string; count: number }[]) =>
  rows.reduce<Record<string, number>>((sums, row) => ({ ...sums, [row.key]: (sums[row.key] ?? 0) + row.count }), {});

/**
 * The platform at a glance. Each figure is an indexed aggregate asked of the module that owns
 * the table; support figures come through SupportFiguresPort and are null until a module provides them.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly users: UsersService,
    private readonly bookings: BookingsService,
    private readonly subscriptions: AdminSubscriptionsService,
    private readonly compliance: ComplianceService,
    private readonly documents: DocumentsService,
    private readonly outbox: EmailOutboxService,
    private readonly jobs: JobsService,
    private readonly support: SupportFiguresPort,
  ) {}

  async overview(query: DashboardQuery): Promise<DashboardResponse> {
    const range = dashboardRange(query);
    const [byRole, signupsDaily, bookings, subscriptions, compliance, documents, email, failedJobRuns] =
      await Promise.all([
        this.users.countByRole(),
        this.users.signupsByDay(range.from, range.to),
        this.bookings.adminFigures(range),
        this.subscriptions.dashboardFigures(range),
        this.compliance.statusCounts(),
        this.documents.countsByStatus(),
        this.outbox.figures(),
        this.jobs.countFailedBetween(range),
      ]);
    return {
      range: { from: range.from.toISOString(), to: range.to.toISOString() },
      users: { byRole, signupsByRole: sumByKey(signupsDaily), signupsDaily },
      bookings,
      subscriptions,
      support: {
        openTickets: await this.support.read((figures) => figures.openTickets()),
        activeChats: await this.support.read((figures) => figures.activeChats()),
      },
      compliance,
      documentsAwaitingReview: documents[DocumentStatus.Pending] ?? 0,
      email,
      failedJobRuns,
    };
  }
}
