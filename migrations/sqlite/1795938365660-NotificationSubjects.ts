import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationSubjects1795938365660 implements MigrationInterface {
  name = 'NotificationSubjects1795938365660';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_read\"");
    await queryRunner.query("CREATE TABLE \"temporary_notifications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(50) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" varchar(1000) NOT NULL, \"link\" varchar(500), \"readAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"subjectId\" varchar(36))");
    await queryRunner.query("INSERT INTO \"temporary_notifications\"(\"id\", \"userId\", \"type\", \"title\", \"body\", \"link\", \"readAt\", \"createdAt\") SELECT \"id\", \"userId\", \"type\", \"title\", \"body\", \"link\", \"readAt\", \"createdAt\" FROM \"notifications\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("ALTER TABLE \"temporary_notifications\" RENAME TO \"notifications\"");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_created\" ON \"notifications\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_read\" ON \"notifications\" (\"userId\", \"readAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_subject\" ON \"notifications\" (\"userId\", \"subjectId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_subject\"");
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_read\"");
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_created\"");
    await queryRunner.query("ALTER TABLE \"notifications\" RENAME TO \"temporary_notifications\"");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(50) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" varchar(1000) NOT NULL, \"link\" varchar(500), \"readAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"notifications\"(\"id\", \"userId\", \"type\", \"title\", \"body\", \"link\", \"readAt\", \"createdAt\") SELECT \"id\", \"userId\", \"type\", \"title\", \"body\", \"link\", \"readAt\", \"createdAt\" FROM \"temporary_notifications\"");
    await queryRunner.query("DROP TABLE \"temporary_notifications\"");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_read\" ON \"notifications\" (\"userId\", \"readAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_created\" ON \"notifications\" (\"userId\", \"createdAt\") ");
  }
}
