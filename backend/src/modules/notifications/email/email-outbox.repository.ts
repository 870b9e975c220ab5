import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThanOrEqual, Repository } from 'typeorm';
import { EmailOutbox, OutboxStatus } from '../entities/email-outbox.entity';

/** The email outbox, by the questions queueing and dispatching ask of it. */
@Injectable()
export class EmailOutboxRepository {
  constructor(@InjectRepository(EmailOutbox) private readonly rows: Repository<EmailOutbox>) {}

  /** Always inside the transaction of the change the email reports. */
  async insert(row: EmailOutbox, manager: EntityManager): Promise<void> {
    await manager.getRepository(EmailOutbox).insert(row);
  }

  /** Pending emails whose next try is due, the longest-waiting first (served by IDX_email_outbox_due). */
  findDue(now: Date, limit: number): Promise<EmailOutbox[]> {
    return this.rows.find({
      where: { status: OutboxStatus.Pending, nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', createdAt: 'ASC' },
      take: limit,
    });
  }

  /** How many emails are in each status (monitoring: the backlog and the dead letters). */
  async countByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.rows
      .createQueryBuilder('outbox')
      .select('outbox.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('outbox.status')
      .getRawMany<{ status: OutboxStatus; count: string | number }>();
    const counts = { [OutboxStatus.Pending]: 0, [OutboxStatus.Sent]: 0, [OutboxStatus.Dead]: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  hasDue(now: Date): Promise<boolean> {
    return this.rows.exists({ where: { status: OutboxStatus.Pending, nextAttemptAt: LessThanOrEqual(now) } });
  }

  /** A page of the outbox for admins, newest first. */
  findPage(
    filter: { status?: OutboxStatus; to?: string },
    skip: number,
    take: number,
  ): Promise<[EmailOutbox[], number]> {
    const query = this.rows.createQueryBuilder('email');
    if (filter.status) query.andWhere('email.status = :status', { status: filter.status });
    if (filter.to) {
      query.andWhere("email.toAddress LIKE :to ESCAPE '!'", {
        to: `${filter.to.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`,
      });
    }
    return query
      .orderBy('email.createdAt', 'DESC')
      .addOrderBy('email.id', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  findById(id: string): Promise<EmailOutbox | null> {
    return this.rows.findOneBy({ id });
  }

  // Each change below applies only to a row that is still pending, so an email an admin has
  // meanwhile dealt with is not flipped back.

  async markSent(id: string, attempts: number, sentAt: Date): Promise<void> {
    await this.rows.update({ id, status: OutboxStatus.Pending }, { status: OutboxStatus.Sent, attempts, sentAt });
  }

  async scheduleRetry(id: string, attempts: number, nextAttemptAt: Date, lastError: string): Promise<void> {
    await this.rows.update({ id, status: OutboxStatus.Pending }, { attempts, nextAttemptAt, lastError });
  }

  async markDead(id: string, attempts: number, lastError: string): Promise<void> {
    await this.rows.update({ id, status: OutboxStatus.Pending }, { status: OutboxStatus.Dead, attempts, lastError });
  }
}
