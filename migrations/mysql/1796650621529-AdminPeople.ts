import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminPeople1796650621529 implements MigrationInterface {
  name = 'AdminPeople1796650621529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `admin_preferences` (`userId` varchar(36) NOT NULL, `notifications` text NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`userId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE INDEX `IDX_users_status` ON `users` (`status`)");
    await queryRunner.query("CREATE INDEX `IDX_users_created_at` ON `users` (`createdAt`)");
    await queryRunner.query("CREATE INDEX `IDX_job_runs_outcome_started` ON `job_runs` (`outcome`, `startedAt`)");
    await queryRunner.query("CREATE INDEX `IDX_subscriptions_canceled_at` ON `subscriptions` (`canceledAt`)");
    await queryRunner.query("ALTER TABLE `admin_preferences` ADD CONSTRAINT `FK_c84d0cd77a19332301bdeed3509` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `admin_preferences` DROP FOREIGN KEY `FK_c84d0cd77a19332301bdeed3509`");
    await queryRunner.query("DROP INDEX `IDX_subscriptions_canceled_at` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `IDX_job_runs_outcome_started` ON `job_runs`");
    await queryRunner.query("DROP INDEX `IDX_users_created_at` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_users_status` ON `users`");
    await queryRunner.query("DROP TABLE `admin_preferences`");
  }
}
