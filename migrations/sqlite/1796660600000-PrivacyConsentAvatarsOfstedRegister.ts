import { MigrationInterface, QueryRunner } from 'typeorm';

export class PrivacyConsentAvatarsOfstedRegister1796660600000 implements MigrationInterface {
  name = 'PrivacyConsentAvatarsOfstedRegister1796660600000';

  // Written by hand: plain ADD COLUMN (as on MySQL) instead of the generated copy of both tables,
  // which would have rebuilt childminder_profiles from a column list that predates SearchInSql.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "privacyConsentAt" datetime');
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "privacyNoticeVersion" varchar(20)');
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "avatarUrl" varchar(200)');
    await queryRunner.query('ALTER TABLE "childminder_profiles" ADD COLUMN "ofstedRegistrationStatus" varchar(20)');
    await queryRunner.query('ALTER TABLE "childminder_profiles" ADD COLUMN "ofstedRegisterCheckedAt" datetime');
    await queryRunner.query('CREATE INDEX "IDX_childminder_profiles_ofsted_urn" ON "childminder_profiles" ("ofstedUrn") ');
  }

  // Written by hand: the generated down renamed childminder_profiles away and back, and SQLite
  // (3.26+) then points the other tables' foreign keys at the dropped temporary table. The added
  // columns are plain (no constraint, no index once the URN index is gone), so DROP COLUMN does.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_ofsted_urn\"");
    await queryRunner.query("ALTER TABLE \"childminder_profiles\" DROP COLUMN \"ofstedRegisterCheckedAt\"");
    await queryRunner.query("ALTER TABLE \"childminder_profiles\" DROP COLUMN \"ofstedRegistrationStatus\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"avatarUrl\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"privacyNoticeVersion\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"privacyConsentAt\"");
  }
}
