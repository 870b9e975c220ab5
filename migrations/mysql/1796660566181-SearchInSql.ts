import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillComplianceStandings } from '../shared/compliance-standings-backfill';

export class SearchInSql1796660566181 implements MigrationInterface {
  name = 'SearchInSql1796660566181';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_childminder_profiles_search` ON `childminder_profiles`");
    await queryRunner.query("ALTER TABLE `childminder_profiles` ADD `complianceBadges` varchar(400) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `childminder_profiles` ADD `compliantThrough` date NULL");
    await queryRunner.query("CREATE INDEX `IDX_childminder_profiles_search` ON `childminder_profiles` (`visible`, `active`, `complete`, `latitude`, `longitude`, `ratingAverage`, `ratingCount`, `hourlyRatePence`, `compliantThrough`, `id`, `userId`)");
    // Existing profiles get the standing their documents earn (badges, verified-only search).
    await backfillComplianceStandings(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_childminder_profiles_search` ON `childminder_profiles`");
    await queryRunner.query("ALTER TABLE `childminder_profiles` DROP COLUMN `compliantThrough`");
    await queryRunner.query("ALTER TABLE `childminder_profiles` DROP COLUMN `complianceBadges`");
    await queryRunner.query("CREATE INDEX `IDX_childminder_profiles_search` ON `childminder_profiles` (`visible`, `active`, `complete`, `latitude`, `longitude`)");
  }
}
