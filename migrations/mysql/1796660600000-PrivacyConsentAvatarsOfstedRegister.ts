import { MigrationInterface, QueryRunner } from 'typeorm';

export class PrivacyConsentAvatarsOfstedRegister1796660600000 implements MigrationInterface {
  name = 'PrivacyConsentAvatarsOfstedRegister1796660600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `users` ADD `privacyConsentAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `privacyNoticeVersion` varchar(20) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `avatarUrl` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `childminder_profiles` ADD `ofstedRegistrationStatus` varchar(20) NULL");
    await queryRunner.query("ALTER TABLE `childminder_profiles` ADD `ofstedRegisterCheckedAt` datetime NULL");
    await queryRunner.query("CREATE INDEX `IDX_childminder_profiles_ofsted_urn` ON `childminder_profiles` (`ofstedUrn`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_childminder_profiles_ofsted_urn` ON `childminder_profiles`");
    await queryRunner.query("ALTER TABLE `childminder_profiles` DROP COLUMN `ofstedRegisterCheckedAt`");
    await queryRunner.query("ALTER TABLE `childminder_profiles` DROP COLUMN `ofstedRegistrationStatus`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `avatarUrl`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `privacyNoticeVersion`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `privacyConsentAt`");
  }
}
