import { MigrationInterface, QueryRunner } from 'typeorm';

export class LastMinute1795934298765 implements MigrationInterface {
  name = 'LastMinute1795934298765';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `last_minute_openings` (`id` varchar(36) NOT NULL, `childminderId` varchar(36) NOT NULL, `profileId` varchar(36) NOT NULL, `startsAt` datetime NOT NULL, `endsAt` datetime NOT NULL, `places` int NOT NULL, `ageGroups` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_last_minute_openings_ends` (`endsAt`), INDEX `IDX_last_minute_openings_minder_ends` (`childminderId`, `endsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `last_minute_settings` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `alertsEnabled` tinyint NOT NULL DEFAULT 0, `radiusMiles` int NOT NULL DEFAULT '5', `childIds` text NOT NULL, `emailAlerts` tinyint NOT NULL DEFAULT 1, `inAppAlerts` tinyint NOT NULL DEFAULT 1, `autoAcceptReturningFamilies` tinyint NOT NULL DEFAULT 0, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_last_minute_settings_alerts` (`alertsEnabled`), UNIQUE INDEX `UQ_last_minute_settings_user` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `last_minute_openings` ADD CONSTRAINT `FK_04b3d494c210db930b94cb13f8d` FOREIGN KEY (`childminderId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `last_minute_openings` ADD CONSTRAINT `FK_b81a37056e713d73649486f72ce` FOREIGN KEY (`profileId`) REFERENCES `childminder_profiles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `last_minute_settings` ADD CONSTRAINT `FK_461c08f17cb5ad379d4906eff34` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `last_minute_settings` DROP FOREIGN KEY `FK_461c08f17cb5ad379d4906eff34`");
    await queryRunner.query("ALTER TABLE `last_minute_openings` DROP FOREIGN KEY `FK_b81a37056e713d73649486f72ce`");
    await queryRunner.query("ALTER TABLE `last_minute_openings` DROP FOREIGN KEY `FK_04b3d494c210db930b94cb13f8d`");
    await queryRunner.query("DROP INDEX `UQ_last_minute_settings_user` ON `last_minute_settings`");
    await queryRunner.query("DROP INDEX `IDX_last_minute_settings_alerts` ON `last_minute_settings`");
    await queryRunner.query("DROP TABLE `last_minute_settings`");
    await queryRunner.query("DROP INDEX `IDX_last_minute_openings_minder_ends` ON `last_minute_openings`");
    await queryRunner.query("DROP INDEX `IDX_last_minute_openings_ends` ON `last_minute_openings`");
    await queryRunner.query("DROP TABLE `last_minute_openings`");
  }
}
