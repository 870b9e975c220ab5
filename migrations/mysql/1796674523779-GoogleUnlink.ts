import { MigrationInterface, QueryRunner } from 'typeorm';

export class GoogleUnlink1796674523779 implements MigrationInterface {
  name = 'GoogleUnlink1796674523779';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `google_identities` ADD `passwordChosen` tinyint NOT NULL DEFAULT 1');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `google_identities` DROP COLUMN `passwordChosen`');
  }
}
