import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { logCapture } from '@app/common/logging/log-capture';
import { FlatJson } from '@app/database/flat-json';
import { AuditEntry } from './entities/audit-entry.entity';

/**
 * Who acted: a signed-in user (an AuthContext will do), or a system caller named in `userId`
 * (`cron-secret`: a scheduler holding CRON_SECRET) with a role of the same name.
 */
export interface AuditActor {
  userId: string;
  role: string;
}

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  ownerId?: string | null;
  metadata?: FlatJson;
  ip?: string | null;
}

/** Writes the audit log: who read or changed whose data. Other modules call `record`. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(actor: AuditActor, record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntry) : this.entries;
    await repository.insert(
      Object.assign(new AuditEntry(), {
        actorId: actor.userId,
        actorRole: actor.role,
        action: record.action,
        subjectType: record.subjectType,
        subjectId: record.subjectId ?? null,
        ownerId: record.ownerId ?? null,
        metadata: record.metadata ?? null,
        ip: record.ip ?? null,
      }),
    );
    // The admin log viewer shows audit events beside warnings and errors.
    logCapture.capture({
      time: new Date(),
      severity: 'audit',
      source: record.subjectType,
      message: record.action,
      requestId: null,
      userId: actor.userId,
      details: {
        actorRole: actor.role,
        subjectId: record.subjectId ?? null,
        ownerId: record.ownerId ?? null,
        ip: record.ip ?? null,
        ...record.metadata,
      },
    });
  }
}
