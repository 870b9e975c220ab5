import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationSubjects1795938365660 implements MigrationInterface {
  name = 'NotificationSubjects1795938365660';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notifications` ADD `subjectId` varchar(36) NULL");
    await queryRunner.query("CREATE INDEX `IDX_notifications_user_subject` ON `notifications` (`userId`, `subjectId`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_notifications_user_subject` ON `notifications`");
    await queryRunner.query("ALTER TABLE `notifications` DROP COLUMN `subjectId`");
  }
}
