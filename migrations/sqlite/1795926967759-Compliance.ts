import { MigrationInterface, QueryRunner } from 'typeorm';

export class Compliance1795926967759 implements MigrationInterface {
  name = 'Compliance1795926967759';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"compliance_overrides\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"status\" varchar(20) NOT NULL, \"reason\" varchar(1000) NOT NULL, \"adminId\" varchar(36), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_overrides_user\" ON \"compliance_overrides\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"compliance_reminders_sent\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"documentId\" varchar(36) NOT NULL, \"thresholdDays\" integer NOT NULL, \"sentAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_reminders_sent_document_threshold\" ON \"compliance_reminders_sent\" (\"documentId\", \"thresholdDays\") ");
    await queryRunner.query("CREATE TABLE \"compliance_requirements\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"role\" varchar(20) NOT NULL, \"documentType\" varchar(40) NOT NULL, \"mandatory\" boolean NOT NULL DEFAULT (1), \"validityMonths\" integer, \"reminderDays\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_requirements_role_type\" ON \"compliance_requirements\" (\"role\", \"documentType\") ");
    await queryRunner.query("DROP INDEX \"UQ_compliance_overrides_user\"");
    await queryRunner.query("CREATE TABLE \"temporary_compliance_overrides\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"status\" varchar(20) NOT NULL, \"reason\" varchar(1000) NOT NULL, \"adminId\" varchar(36), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_0c1b76446227748a5d18047e90d\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_bf9be2a123368b4ea79445b8202\" FOREIGN KEY (\"adminId\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_compliance_overrides\"(\"id\", \"userId\", \"status\", \"reason\", \"adminId\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"status\", \"reason\", \"adminId\", \"createdAt\", \"updatedAt\" FROM \"compliance_overrides\"");
    await queryRunner.query("DROP TABLE \"compliance_overrides\"");
    await queryRunner.query("ALTER TABLE \"temporary_compliance_overrides\" RENAME TO \"compliance_overrides\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_overrides_user\" ON \"compliance_overrides\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"UQ_compliance_reminders_sent_document_threshold\"");
    await queryRunner.query("CREATE TABLE \"temporary_compliance_reminders_sent\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"documentId\" varchar(36) NOT NULL, \"thresholdDays\" integer NOT NULL, \"sentAt\" datetime NOT NULL, CONSTRAINT \"FK_341bcc695a94bfa0ee545fcccd1\" FOREIGN KEY (\"documentId\") REFERENCES \"documents\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_compliance_reminders_sent\"(\"id\", \"documentId\", \"thresholdDays\", \"sentAt\") SELECT \"id\", \"documentId\", \"thresholdDays\", \"sentAt\" FROM \"compliance_reminders_sent\"");
    await queryRunner.query("DROP TABLE \"compliance_reminders_sent\"");
    await queryRunner.query("ALTER TABLE \"temporary_compliance_reminders_sent\" RENAME TO \"compliance_reminders_sent\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_reminders_sent_document_threshold\" ON \"compliance_reminders_sent\" (\"documentId\", \"thresholdDays\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_compliance_reminders_sent_document_threshold\"");
    await queryRunner.query("ALTER TABLE \"compliance_reminders_sent\" RENAME TO \"temporary_compliance_reminders_sent\"");
    await queryRunner.query("CREATE TABLE \"compliance_reminders_sent\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"documentId\" varchar(36) NOT NULL, \"thresholdDays\" integer NOT NULL, \"sentAt\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"compliance_reminders_sent\"(\"id\", \"documentId\", \"thresholdDays\", \"sentAt\") SELECT \"id\", \"documentId\", \"thresholdDays\", \"sentAt\" FROM \"temporary_compliance_reminders_sent\"");
    await queryRunner.query("DROP TABLE \"temporary_compliance_reminders_sent\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_reminders_sent_document_threshold\" ON \"compliance_reminders_sent\" (\"documentId\", \"thresholdDays\") ");
    await queryRunner.query("DROP INDEX \"UQ_compliance_overrides_user\"");
    await queryRunner.query("ALTER TABLE \"compliance_overrides\" RENAME TO \"temporary_compliance_overrides\"");
    await queryRunner.query("CREATE TABLE \"compliance_overrides\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"status\" varchar(20) NOT NULL, \"reason\" varchar(1000) NOT NULL, \"adminId\" varchar(36), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"compliance_overrides\"(\"id\", \"userId\", \"status\", \"reason\", \"adminId\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"status\", \"reason\", \"adminId\", \"createdAt\", \"updatedAt\" FROM \"temporary_compliance_overrides\"");
    await queryRunner.query("DROP TABLE \"temporary_compliance_overrides\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_compliance_overrides_user\" ON \"compliance_overrides\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"UQ_compliance_requirements_role_type\"");
    await queryRunner.query("DROP TABLE \"compliance_requirements\"");
    await queryRunner.query("DROP INDEX \"UQ_compliance_reminders_sent_document_threshold\"");
    await queryRunner.query("DROP TABLE \"compliance_reminders_sent\"");
    await queryRunner.query("DROP INDEX \"UQ_compliance_overrides_user\"");
    await queryRunner.query("DROP TABLE \"compliance_overrides\"");
  }
}
