import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { DocumentsService } from '@app/modules/documents/documents.service';
import { type Document, DocumentType } from '@app/modules/documents/entities/document.entity';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ComplianceOverride } from './entities/compliance-override.entity';
import { ComplianceReminderSent } from './entities/compliance-reminder-sent.entity';
import { ComplianceRequirement } from './entities/compliance-requirement.entity';

export type ComplianceDocument = Pick<
  Document,
  'id' | 'userId' | 'type' | 'name' | 'status' | 'issuedOn' | 'expiresOn'
>;
export type ComplianceUser = Pick<User, 'id' | 'email' | 'firstName' | 'lastName' | 'role'>;

/** The compliance tables, and the questions compliance asks of users and documents (their services answer). */
@Injectable()
export class ComplianceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
  ) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---- requirements ----

  allRequirements(): Promise<ComplianceRequirement[]> {
    return this.manager()
      .getRepository(ComplianceRequirement)
      .find({ order: { role: 'ASC', documentType: 'ASC' } });
  }

  activeRequirementsFor(role: Role, manager?: EntityManager): Promise<ComplianceRequirement[]> {
    return this.manager(manager)
      .getRepository(ComplianceRequirement)
      .find({ where: { role, active: true } });
  }

  findRequirement(id: string): Promise<ComplianceRequirement | null> {
    return this.manager().getRepository(ComplianceRequirement).findOne({ where: { id } });
  }

  findRequirementFor(role: Role, documentType: DocumentType): Promise<ComplianceRequirement | null> {
    return this.manager().getRepository(ComplianceRequirement).findOne({ where: { role, documentType } });
  }

  /** Inserts each requirement unless its (role, type) exists: safe on every boot and instance. */
  async insertRequirementsIfMissing(requirements: ComplianceRequirement[]): Promise<void> {
    if (requirements.length === 0) return;
    await this.manager()
      .getRepository(ComplianceRequirement)
      .createQueryBuilder()
      .insert()
      .orIgnore()
      .values(requirements)
      .execute();
  }

  async insertRequirement(requirement: ComplianceRequirement, manager?: EntityManager): Promise<ComplianceRequirement> {
    await this.manager(manager).getRepository(ComplianceRequirement).insert(requirement);
    return requirement;
  }

  async updateRequirement(id: string, changes: Partial<ComplianceRequirement>, manager?: EntityManager): Promise<void> {
    await this.manager(manager).getRepository(ComplianceRequirement).update(id, changes);
  }

  // ---- overrides ----

  overridesFor(userIds: readonly string[], manager?: EntityManager): Promise<ComplianceOverride[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.manager(manager)
      .getRepository(ComplianceOverride)
      .find({ where: { userId: In([...userIds]) } });
  }

  /** Every override (a handful: admins set them one by one). */
  allOverrides(): Promise<ComplianceOverride[]> {
    return this.manager().getRepository(ComplianceOverride).find();
  }

  findOverride(userId: string): Promise<ComplianceOverride | null> {
    return this.manager().getRepository(ComplianceOverride).findOne({ where: { userId } });
  }

  async saveOverride(override: ComplianceOverride, manager?: EntityManager): Promise<void> {
    await this.manager(manager).getRepository(ComplianceOverride).save(override);
  }

  async deleteOverride(userId: string, manager?: EntityManager): Promise<void> {
    await this.manager(manager).getRepository(ComplianceOverride).delete({ userId });
  }

  // ---- users and documents: read through their modules' services ----

  findUser(id: string): Promise<ComplianceUser | null> {
    return this.users.findById(id);
  }

  usersByIds(ids: readonly string[], manager?: EntityManager): Promise<ComplianceUser[]> {
    return this.users.findManyByIds(ids, manager);
  }

  /** The ids of every user of `role`, by last name, then first name. */
  userIdsWithRoleByName(role: Role): Promise<string[]> {
    return this.users.idsWithRoleByName(role);
  }

  /** Up to `limit` ids of users of `role` after `afterId`, in id order: walks all of them in batches. */
  userIdsWithRole(role: Role, afterId: string, limit: number, manager?: EntityManager): Promise<string[]> {
    return this.users.idsWithRoleAfter(role, afterId, limit, manager);
  }

  /** Approved documents of these users (all users when `userIds` is undefined). */
  approvedDocuments(userIds?: readonly string[], manager?: EntityManager): Promise<ComplianceDocument[]> {
    return this.documents.approvedOf(userIds, manager);
  }

  /** Every document of one user, whatever its status: the owner's checklist. */
  documentsOf(userId: string): Promise<(ComplianceDocument & { createdAt: Date })[]> {
    return this.documents.summariesOf(userId);
  }

  // ---- reminders ----

  remindersSentFor(documentIds: readonly string[]): Promise<ComplianceReminderSent[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return this.manager()
      .getRepository(ComplianceReminderSent)
      .find({ where: { documentId: In([...documentIds]) } });
  }

  async insertReminders(rows: ComplianceReminderSent[], manager: EntityManager): Promise<void> {
    await manager.getRepository(ComplianceReminderSent).insert(rows);
  }
}
