import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillExpiringFrom } from '../shared/expiring-from-backfill';

export class ExpiringFromOnProfiles1796677959743 implements MigrationInterface {
  name = 'ExpiringFromOnProfiles1796677959743';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // ADD COLUMN rather than the generated table rebuild: instant on 100,000 profiles.
    await queryRunner.query('ALTER TABLE "childminder_profiles" ADD COLUMN "expiringFrom" date');
    // Existing profiles get the day they become "expiring" (the admin counts by status).
    await backfillExpiringFrom(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "childminder_profiles" DROP COLUMN "expiringFrom"');
  }
}
