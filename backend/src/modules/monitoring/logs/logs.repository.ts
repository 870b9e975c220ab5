import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { LogEntry } from '../entities/log-entry.entity';
import { ListLogsQuery } from '../dto/logs.dto';

/** The persisted log lines. */
@Injectable()
export class LogsRepository {
  constructor(@InjectRepository(LogEntry) private readonly rows: Repository<LogEntry>) {}

  async insert(entries: LogEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 200) await this.rows.insert(entries.slice(i, i + 200));
  }

  /** Newest first, filtered (severity and date use IDX_log_entries_severity_created / _created). */
  search(query: ListLogsQuery): Promise<[LogEntry[], number]> {
    const builder = this.rows.createQueryBuilder('log');
    if (query.severity) builder.andWhere('log.severity = :severity', { severity: query.severity });
    if (query.source) builder.andWhere('log.source = :source', { source: query.source });
    if (query.userId) builder.andWhere('log.userId = :userId', { userId: query.userId });
    if (query.requestId) builder.andWhere('log.requestId = :requestId', { requestId: query.requestId });
    if (query.q) {
      builder.andWhere("LOWER(log.message) LIKE :q ESCAPE '!'", {
        q: `%${query.q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`,
      });
    }
    if (query.from) builder.andWhere('log.createdAt >= :from', { from: query.from });
    if (query.to) builder.andWhere('log.createdAt <= :to', { to: query.to });
    return builder
      .orderBy('log.createdAt', 'DESC')
      .addOrderBy('log.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize)
      .getManyAndCount();
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    const result = await this.rows.delete({ createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
