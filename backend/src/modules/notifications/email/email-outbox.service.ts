import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailOutbox, OutboxStatus } from '../entities/email-outbox.entity';
import { EmailOutboxRepository } from './email-outbox.repository';
import { EmailTemplateName, EmailVariables, renderEmail } from './email-templates';

export interface QueuedEmail<T extends EmailTemplateName> {
  to: string;
  toName?: string | null;
  userId?: string | null;
  template: T;
  variables: EmailVariables<T>;
}

/**
 * Queues emails. Always called with the EntityManager of the transaction that makes the change
 * the email reports, so the email exists if and only if the change does. The EmailDispatcher
 * sends it after commit.
 */
@Injectable()
export class EmailOutboxService {
  constructor(private readonly outbox: EmailOutboxRepository) {}

  /** Emails per status, for monitoring. */
  countByStatus(): Promise<Record<OutboxStatus, number>> {
    return this.outbox.countByStatus();
  }

  /** For the admin dashboard: how many emails wait to be sent, were sent, and failed for good. */
  async figures(): Promise<{ backlog: number; sent: number; failed: number }> {
    const counts = await this.outbox.countByStatus();
    return {
      backlog: counts[OutboxStatus.Pending] ?? 0,
      sent: counts[OutboxStatus.Sent] ?? 0,
      failed: counts[OutboxStatus.Dead] ?? 0,
    };
  }

  async enqueue<T extends EmailTemplateName>(manager: EntityManager, email: QueuedEmail<T>): Promise<EmailOutbox> {
    const rendered = renderEmail(email.template, email.variables);
    const row = Object.assign(new EmailOutbox(), {
      toAddress: email.to,
      toName: email.toName ?? null,
      userId: email.userId ?? null,
      template: email.template,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      status: OutboxStatus.Pending,
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      sentAt: null,
    });
    await this.outbox.insert(row, manager);
    return row;
  }
}
