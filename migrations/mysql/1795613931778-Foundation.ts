import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795613931778 implements MigrationInterface {
  name = 'Foundation1795613931778';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `users` (`id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `passwordHash` varchar(255) NOT NULL, `role` varchar(20) NOT NULL, `status` varchar(20) NOT NULL DEFAULT 'active', `firstName` varchar(100) NOT NULL, `lastName` varchar(100) NOT NULL, `phone` varchar(30) NULL, `postcode` varchar(10) NULL, `emailVerifiedAt` datetime NULL, `twoFactorSecretEncrypted` varchar(255) NULL, `twoFactorEnabledAt` datetime NULL, `twoFactorLastStep` bigint NULL, `chatStatus` varchar(20) NULL, `lastLoginAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_users_email` (`email`), INDEX `IDX_users_role` (`role`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `user_activity` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `type` varchar(50) NOT NULL, `description` varchar(255) NOT NULL, `ip` varchar(64) NULL, `userAgent` varchar(255) NULL, `metadata` text NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_user_activity_user_created` (`userId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `actorId` varchar(36) NOT NULL, `actorRole` varchar(20) NOT NULL, `action` varchar(80) NOT NULL, `subjectType` varchar(50) NOT NULL, `subjectId` varchar(36) NULL, `ownerId` varchar(36) NULL, `metadata` text NULL, `ip` varchar(64) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_audit_log_owner` (`ownerId`), INDEX `IDX_audit_log_subject` (`subjectType`, `subjectId`), INDEX `IDX_audit_log_actor_created` (`actorId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `account_tokens` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `purpose` varchar(30) NOT NULL, `tokenHash` varchar(64) NOT NULL, `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_account_tokens_hash` (`tokenHash`), INDEX `IDX_account_tokens_user` (`userId`, `purpose`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `auth_sessions` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `ip` varchar(64) NULL, `userAgent` varchar(255) NULL, `expiresAt` datetime NOT NULL, `lastUsedAt` datetime NULL, `revokedAt` datetime NULL, `revokedReason` varchar(40) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_auth_sessions_user` (`userId`, `revokedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `two_factor_recovery_codes` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `codeHash` varchar(64) NOT NULL, `usedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_recovery_codes_user` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `refresh_tokens` (`id` varchar(36) NOT NULL, `sessionId` varchar(36) NOT NULL, `tokenHash` varchar(64) NOT NULL, `usedAt` datetime NULL, `expiresAt` datetime NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_refresh_tokens_session` (`sessionId`), UNIQUE INDEX `UQ_refresh_tokens_hash` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `children` (`id` varchar(36) NOT NULL, `parentId` varchar(36) NOT NULL, `firstName` varchar(50) NOT NULL, `dateOfBirth` date NOT NULL, `specialNeeds` text NULL, `allergies` text NULL, `medicalNotes` text NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_children_parent_dob` (`parentId`, `dateOfBirth`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `job_leases` (`name` varchar(100) NOT NULL, `holder` varchar(100) NULL, `leaseUntil` datetime(3) NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `job_runs` (`id` varchar(36) NOT NULL, `name` varchar(100) NOT NULL, `instanceId` varchar(100) NOT NULL, `startedAt` datetime(3) NOT NULL, `finishedAt` datetime(3) NULL, `outcome` varchar(20) NOT NULL, `error` varchar(1000) NULL, `summary` text NULL, INDEX `IDX_job_runs_name_started` (`name`, `startedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `email_outbox` (`id` varchar(36) NOT NULL, `toAddress` varchar(254) NOT NULL, `toName` varchar(200) NULL, `userId` varchar(36) NULL, `template` varchar(60) NOT NULL, `subject` varchar(255) NOT NULL, `html` text NOT NULL, `text` text NOT NULL, `status` varchar(10) NOT NULL DEFAULT 'pending', `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime(3) NOT NULL, `lastError` varchar(1000) NULL, `sentAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_email_outbox_user` (`userId`), INDEX `IDX_email_outbox_due` (`status`, `nextAttemptAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification_preferences` (`userId` varchar(36) NOT NULL, `type` varchar(50) NOT NULL, `channel` varchar(20) NOT NULL, `enabled` tinyint NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`userId`, `type`, `channel`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `system_settings` (`key` varchar(100) NOT NULL, `value` text NOT NULL, `updatedBy` varchar(36) NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `user_activity` ADD CONSTRAINT `FK_c8d8d7cfc6e3433e725339c952b` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `account_tokens` ADD CONSTRAINT `FK_c846ac09be5a5f4feeb7314469f` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `auth_sessions` ADD CONSTRAINT `FK_925b24d7fc2f9324ce972aee025` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `two_factor_recovery_codes` ADD CONSTRAINT `FK_b8bb7fb08d5097dc938cef1e4ac` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `refresh_tokens` ADD CONSTRAINT `FK_b25a58a00578bd1b7a01623d2dd` FOREIGN KEY (`sessionId`) REFERENCES `auth_sessions`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `children` ADD CONSTRAINT `FK_b65f0ac2a8c620dc69f8d75a4f0` FOREIGN KEY (`parentId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `notification_preferences` ADD CONSTRAINT `FK_b70c44e8b00757584a393225593` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notification_preferences` DROP FOREIGN KEY `FK_b70c44e8b00757584a393225593`");
    await queryRunner.query("ALTER TABLE `children` DROP FOREIGN KEY `FK_b65f0ac2a8c620dc69f8d75a4f0`");
    await queryRunner.query("ALTER TABLE `refresh_tokens` DROP FOREIGN KEY `FK_b25a58a00578bd1b7a01623d2dd`");
    await queryRunner.query("ALTER TABLE `two_factor_recovery_codes` DROP FOREIGN KEY `FK_b8bb7fb08d5097dc938cef1e4ac`");
    await queryRunner.query("ALTER TABLE `auth_sessions` DROP FOREIGN KEY `FK_925b24d7fc2f9324ce972aee025`");
    await queryRunner.query("ALTER TABLE `account_tokens` DROP FOREIGN KEY `FK_c846ac09be5a5f4feeb7314469f`");
    await queryRunner.query("ALTER TABLE `user_activity` DROP FOREIGN KEY `FK_c8d8d7cfc6e3433e725339c952b`");
    await queryRunner.query("DROP TABLE `system_settings`");
    await queryRunner.query("DROP TABLE `notification_preferences`");
    await queryRunner.query("DROP INDEX `IDX_email_outbox_due` ON `email_outbox`");
    await queryRunner.query("DROP INDEX `IDX_email_outbox_user` ON `email_outbox`");
    await queryRunner.query("DROP TABLE `email_outbox`");
    await queryRunner.query("DROP INDEX `IDX_job_runs_name_started` ON `job_runs`");
    await queryRunner.query("DROP TABLE `job_runs`");
    await queryRunner.query("DROP TABLE `job_leases`");
    await queryRunner.query("DROP INDEX `IDX_children_parent_dob` ON `children`");
    await queryRunner.query("DROP TABLE `children`");
    await queryRunner.query("DROP INDEX `UQ_refresh_tokens_hash` ON `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_refresh_tokens_session` ON `refresh_tokens`");
    await queryRunner.query("DROP TABLE `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_recovery_codes_user` ON `two_factor_recovery_codes`");
    await queryRunner.query("DROP TABLE `two_factor_recovery_codes`");
    await queryRunner.query("DROP INDEX `IDX_auth_sessions_user` ON `auth_sessions`");
    await queryRunner.query("DROP TABLE `auth_sessions`");
    await queryRunner.query("DROP INDEX `IDX_account_tokens_user` ON `account_tokens`");
    await queryRunner.query("DROP INDEX `UQ_account_tokens_hash` ON `account_tokens`");
    await queryRunner.query("DROP TABLE `account_tokens`");
    await queryRunner.query("DROP INDEX `IDX_audit_log_actor_created` ON `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_audit_log_subject` ON `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_audit_log_owner` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_user_activity_user_created` ON `user_activity`");
    await queryRunner.query("DROP TABLE `user_activity`");
    await queryRunner.query("DROP INDEX `IDX_users_role` ON `users`");
    await queryRunner.query("DROP INDEX `UQ_users_email` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
  }
}
