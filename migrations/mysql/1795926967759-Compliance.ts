import { MigrationInterface, QueryRunner } from 'typeorm';

export class Compliance1795926967759 implements MigrationInterface {
  name = 'Compliance1795926967759';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `compliance_overrides` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `status` varchar(20) NOT NULL, `reason` varchar(1000) NOT NULL, `adminId` varchar(36) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_compliance_overrides_user` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `compliance_reminders_sent` (`id` varchar(36) NOT NULL, `documentId` varchar(36) NOT NULL, `thresholdDays` int NOT NULL, `sentAt` datetime NOT NULL, UNIQUE INDEX `UQ_compliance_reminders_sent_document_threshold` (`documentId`, `thresholdDays`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `compliance_requirements` (`id` varchar(36) NOT NULL, `role` varchar(20) NOT NULL, `documentType` varchar(40) NOT NULL, `mandatory` tinyint NOT NULL DEFAULT 1, `validityMonths` int NULL, `reminderDays` text NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_compliance_requirements_role_type` (`role`, `documentType`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `compliance_overrides` ADD CONSTRAINT `FK_0c1b76446227748a5d18047e90d` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `compliance_overrides` ADD CONSTRAINT `FK_bf9be2a123368b4ea79445b8202` FOREIGN KEY (`adminId`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `compliance_reminders_sent` ADD CONSTRAINT `FK_341bcc695a94bfa0ee545fcccd1` FOREIGN KEY (`documentId`) REFERENCES `documents`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `compliance_reminders_sent` DROP FOREIGN KEY `FK_341bcc695a94bfa0ee545fcccd1`");
    await queryRunner.query("ALTER TABLE `compliance_overrides` DROP FOREIGN KEY `FK_bf9be2a123368b4ea79445b8202`");
    await queryRunner.query("ALTER TABLE `compliance_overrides` DROP FOREIGN KEY `FK_0c1b76446227748a5d18047e90d`");
    await queryRunner.query("DROP INDEX `UQ_compliance_requirements_role_type` ON `compliance_requirements`");
    await queryRunner.query("DROP TABLE `compliance_requirements`");
    await queryRunner.query("DROP INDEX `UQ_compliance_reminders_sent_document_threshold` ON `compliance_reminders_sent`");
    await queryRunner.query("DROP TABLE `compliance_reminders_sent`");
    await queryRunner.query("DROP INDEX `UQ_compliance_overrides_user` ON `compliance_overrides`");
    await queryRunner.query("DROP TABLE `compliance_overrides`");
  }
}
