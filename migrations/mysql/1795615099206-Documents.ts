import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795615099206 implements MigrationInterface {
  name = 'Documents1795615099206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `documents` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `type` varchar(40) NOT NULL, `name` varchar(150) NOT NULL, `description` text NULL, `issuedOn` date NULL, `expiresOn` date NULL, `originalFileName` varchar(255) NOT NULL, `contentType` varchar(100) NOT NULL, `sizeBytes` int NOT NULL, `sha256` varchar(64) NOT NULL, `storageKey` varchar(100) NOT NULL, `status` varchar(20) NOT NULL DEFAULT 'pending', `reviewedById` varchar(36) NULL, `reviewReason` varchar(1000) NULL, `reviewedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_documents_storage_key` (`storageKey`), INDEX `IDX_documents_expiry` (`expiresOn`), INDEX `IDX_documents_status_type_created` (`status`, `type`, `createdAt`), INDEX `IDX_documents_user_created` (`userId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `profile_images` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `storageKey` varchar(100) NOT NULL, `contentType` varchar(100) NOT NULL, `sizeBytes` int NOT NULL, `width` int NOT NULL, `height` int NOT NULL, `sha256` varchar(64) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_profile_images_user` (`userId`), UNIQUE INDEX `UQ_profile_images_storage_key` (`storageKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `documents` ADD CONSTRAINT `FK_e300b5c2e3fefa9d6f8a3f25975` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `documents` ADD CONSTRAINT `FK_423750cc7e68db2881feaf22c83` FOREIGN KEY (`reviewedById`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `profile_images` ADD CONSTRAINT `FK_287828b93094411cf16c23c3d5c` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `profile_images` DROP FOREIGN KEY `FK_287828b93094411cf16c23c3d5c`");
    await queryRunner.query("ALTER TABLE `documents` DROP FOREIGN KEY `FK_423750cc7e68db2881feaf22c83`");
    await queryRunner.query("ALTER TABLE `documents` DROP FOREIGN KEY `FK_e300b5c2e3fefa9d6f8a3f25975`");
    await queryRunner.query("DROP INDEX `UQ_profile_images_storage_key` ON `profile_images`");
    await queryRunner.query("DROP INDEX `UQ_profile_images_user` ON `profile_images`");
    await queryRunner.query("DROP TABLE `profile_images`");
    await queryRunner.query("DROP INDEX `IDX_documents_user_created` ON `documents`");
    await queryRunner.query("DROP INDEX `IDX_documents_status_type_created` ON `documents`");
    await queryRunner.query("DROP INDEX `IDX_documents_expiry` ON `documents`");
    await queryRunner.query("DROP INDEX `UQ_documents_storage_key` ON `documents`");
    await queryRunner.query("DROP TABLE `documents`");
  }
}
