import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillExpiringFrom } from '../shared/expiring-from-backfill';

export class ExpiringFromOnProfiles1796677959743 implements MigrationInterface {
  name = 'ExpiringFromOnProfiles1796677959743';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `childminder_profiles` ADD `expiringFrom` date NULL");
    // Existing profiles get the day they become "expiring" (the admin counts by status).
    await backfillExpiringFrom(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `childminder_profiles` DROP COLUMN `expiringFrom`");
  }
}
