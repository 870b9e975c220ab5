import { Injectable } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { notFound } from '@app/common/errors/common.exception';
import { RequestMeta } from '@app/common/http/request-meta';
import { Page, toPage } from '@app/common/pagination/page';
import { AuditService } from '@app/modules/audit/audit.service';
import {
  ListOutboxQuery,
  OutboxEmailDetailResponse,
  OutboxEmailResponse,
  toOutboxEmailResponse,
} from '../dto/outbox.dto';
import { EmailOutboxRepository } from './email-outbox.repository';

/** The outbox as admins read it: every email the product queued, its status and, on request, its text. */
@Injectable()
export class AdminOutboxService {
  constructor(
    private readonly outbox: EmailOutboxRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListOutboxQuery): Promise<Page<OutboxEmailResponse>> {
    const [rows, total] = await this.outbox.findPage(query, query.skip, query.pageSize);
    return toPage(rows.map(toOutboxEmailResponse), total, query);
  }

  /** One email with its text; reading someone's email is written to the audit log. */
  async get(auth: AuthContext, id: string, meta: RequestMeta): Promise<OutboxEmailDetailResponse> {
    const row = await this.outbox.findById(id);
    if (!row) throw notFound('Email');
    await this.audit.record(auth, {
      action: 'admin.email.read',
      subjectType: 'email',
      subjectId: row.id,
      ownerId: row.userId,
      ip: meta.ip,
    });
    return { ...toOutboxEmailResponse(row), text: row.text };
  }
}
