import { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageDigests1795927193774 implements MigrationInterface {
  name = 'MessageDigests1795927193774';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `conversations` ADD `parentDigestedUpTo` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `conversations` ADD `childminderDigestedUpTo` datetime(3) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `conversations` DROP COLUMN `childminderDigestedUpTo`");
    await queryRunner.query("ALTER TABLE `conversations` DROP COLUMN `parentDigestedUpTo`");
  }
}
