import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarSync1796649762590 implements MigrationInterface {
  name = 'CalendarSync1796649762590';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `calendar_connections` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `role` varchar(20) NOT NULL, `status` varchar(20) NOT NULL, `googleEmail` varchar(254) NULL, `calendarId` varchar(255) NULL, `calendarName` varchar(255) NULL, `accessTokenSealed` text NOT NULL, `refreshTokenSealed` text NOT NULL, `accessTokenExpiresAt` datetime NULL, `lastSyncAt` datetime NULL, `lastSyncResult` text NULL, `lastError` varchar(500) NULL, `nextPushAt` datetime NOT NULL, `failedAttempts` int NOT NULL DEFAULT '0', `lastPullAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_calendar_connections_user` (`userId`), INDEX `IDX_calendar_connections_due` (`status`, `nextPushAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `calendar_event_links` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `entryKey` varchar(100) NOT NULL, `calendarId` varchar(255) NOT NULL, `googleEventId` varchar(255) NOT NULL, `contentHash` varchar(64) NOT NULL, `endsAt` datetime NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_calendar_event_links_user_key` (`userId`, `entryKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `calendar_feeds` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `role` varchar(20) NOT NULL, `tokenHash` varchar(64) NOT NULL, `tokenSealed` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_calendar_feeds_user` (`userId`), UNIQUE INDEX `UQ_calendar_feeds_token` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `calendar_oauth_states` (`id` varchar(36) NOT NULL, `stateHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `role` varchar(20) NOT NULL, `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_calendar_oauth_states_hash` (`stateHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `availability_blocks` ADD `source` varchar(20) NOT NULL DEFAULT 'own'");
    await queryRunner.query("ALTER TABLE `calendar_connections` ADD CONSTRAINT `FK_cd1622c543fece00b3e1212b581` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `calendar_event_links` ADD CONSTRAINT `FK_348144df15504593221931804ad` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `calendar_feeds` ADD CONSTRAINT `FK_cf31466b7789c6df501598bed0f` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `calendar_oauth_states` ADD CONSTRAINT `FK_8330855cc0322f0f57c9aa3af21` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `calendar_oauth_states` DROP FOREIGN KEY `FK_8330855cc0322f0f57c9aa3af21`");
    await queryRunner.query("ALTER TABLE `calendar_feeds` DROP FOREIGN KEY `FK_cf31466b7789c6df501598bed0f`");
    await queryRunner.query("ALTER TABLE `calendar_event_links` DROP FOREIGN KEY `FK_348144df15504593221931804ad`");
    await queryRunner.query("ALTER TABLE `calendar_connections` DROP FOREIGN KEY `FK_cd1622c543fece00b3e1212b581`");
    await queryRunner.query("ALTER TABLE `availability_blocks` DROP COLUMN `source`");
    await queryRunner.query("DROP INDEX `UQ_calendar_oauth_states_hash` ON `calendar_oauth_states`");
    await queryRunner.query("DROP TABLE `calendar_oauth_states`");
    await queryRunner.query("DROP INDEX `UQ_calendar_feeds_token` ON `calendar_feeds`");
    await queryRunner.query("DROP INDEX `UQ_calendar_feeds_user` ON `calendar_feeds`");
    await queryRunner.query("DROP TABLE `calendar_feeds`");
    await queryRunner.query("DROP INDEX `UQ_calendar_event_links_user_key` ON `calendar_event_links`");
    await queryRunner.query("DROP TABLE `calendar_event_links`");
    await queryRunner.query("DROP INDEX `IDX_calendar_connections_due` ON `calendar_connections`");
    await queryRunner.query("DROP INDEX `UQ_calendar_connections_user` ON `calendar_connections`");
    await queryRunner.query("DROP TABLE `calendar_connections`");
  }
}
