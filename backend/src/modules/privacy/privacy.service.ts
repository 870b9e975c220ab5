import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { IdentityConfirmation } from '@app/modules/auth/identity-confirmation.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { UsersService } from '@app/modules/users/users.service';
import { DeleteAccountDto } from './dto/delete-account.dto';
import { AfterErasure, ErasureSubject } from './personal-data';
import { PersonalDataRegistry } from './personal-data.registry';

export const EXPORT_FORMAT = 'childminder-connect.personal-data.v1';

export interface PersonalDataArchive {
  format: string;
  exportedAt: string;
  userId: string;
  sections: Record<string, unknown>;
}

@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly users: UsersService,
    private readonly identity: IdentityConfirmation,
    private readonly realtime: RealtimeService,
  ) {}

  /** Everything held about the user, one section per module. */
  async exportFor(userId: string): Promise<PersonalDataArchive> {
    await this.users.requireUser(userId);
    const sections: Record<string, unknown> = {};
    for (const handler of this.registry.all()) sections[handler.section] = await handler.export(userId);
    return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), userId, sections };
  }

  async deleteOwnAccount(auth: AuthContext, dto: DeleteAccountDto): Promise<void> {
    await this.identity.confirm(auth.userId, dto);
    await this.erase(auth.userId, {
      // Super admins' rows first, then the account: the lock order of every super admin change.
      guard: async (manager) => {
        await this.users.lockSuperAdmins(manager);
        await this.users.assertNotLastSuperAdmin(await this.users.lockUser(auth.userId, manager), manager);
      },
    });
  }

  /**
   * Erases a user in every module in one transaction, then deletes their files and ends their
   * live connections. Before it, each module's outside work runs (their paid subscription is
   * cancelled with Stripe); a failure there stops the erasure with nothing removed. Callers check who may do it (and audit it) first; `guard` runs first inside
   * the erasure's transaction, for the checks that must hold until it commits (the last super admin).
   */
  async erase(userId: string, options: { guard?: (manager: EntityManager) => Promise<void> } = {}): Promise<void> {
    await this.users.requireUser(userId);
    const handlers = this.registry.all();
    const subject: ErasureSubject = { userId, identifiers: [], related: [] };
    for (const handler of handlers) {
      const found = (await handler.identify?.(userId)) ?? {};
      subject.identifiers.push(...(found.identifiers ?? []));
      subject.related.push(...(found.related ?? []));
    }
    for (const handler of handlers) await handler.beforeErasure?.(userId);
    const afterwards = await this.dataSource.transaction(async (manager) => {
      await options.guard?.(manager);
      const work: AfterErasure[] = [];
      for (const handler of handlers) {
        const after = await handler.erase(subject, manager);
        if (after) work.push(after);
      }
      return work;
    });
    for (const work of afterwards) {
      await work().catch((error: unknown) => this.logger.error({ err: error, userId }, 'Erasure clean-up failed'));
    }
    await this.realtime.disconnectUser(userId);
  }
}
