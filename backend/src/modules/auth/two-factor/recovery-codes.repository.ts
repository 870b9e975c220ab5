import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RecoveryCode } from '../entities/recovery-code.entity';

/** The recovery_codes table: only hashes of the codes are stored. */
@Injectable()
export class RecoveryCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countUnused(userId: string): Promise<number> {
    return this.dataSource.getRepository(RecoveryCode).count({ where: { userId, usedAt: IsNull() } });
  }

  async deleteAllFor(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(RecoveryCode).delete({ userId });
  }

  async insertMany(codes: RecoveryCode[], manager: EntityManager): Promise<void> {
    await manager.getRepository(RecoveryCode).insert(codes);
  }

  /** Conditional update: true when the hash was one of the user's unused codes, now spent. */
  async spend(userId: string, codeHash: string, manager: EntityManager): Promise<boolean> {
    const spent = await manager
      .getRepository(RecoveryCode)
      .update({ userId, codeHash, usedAt: IsNull() }, { usedAt: new Date() });
    return (spent.affected ?? 0) > 0;
  }
}
