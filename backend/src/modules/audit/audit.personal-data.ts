import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { redactColumns } from '@app/modules/privacy/redact';
import { AuditEntry } from './entities/audit-entry.entity';

/**
 * The audit log stays (it records what staff did, which the platform must be able to show), but
 * without the erased person in it: their IP addresses are dropped and their name and address are
 * removed from the entries' details.
 */
@Injectable()
export class AuditPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'auditLog',
      export: async (userId) =>
        (
          await this.dataSource
            .getRepository(AuditEntry)
            .find({ where: [{ ownerId: userId }, { actorId: userId }], order: { createdAt: 'ASC' } })
        ).map(({ actorRole, action, subjectType, subjectId, metadata, createdAt }) => ({
          actorRole,
          action,
          subjectType,
          subjectId,
          metadata,
          createdAt,
        })),
      erase: async (subject, manager) => {
        await manager.getRepository(AuditEntry).update({ actorId: subject.userId }, { ip: null });
        await redactColumns(manager, AuditEntry, ['metadata'], subject);
      },
    });
  }
}
