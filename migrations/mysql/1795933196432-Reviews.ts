import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reviews1795933196432 implements MigrationInterface {
  name = 'Reviews1795933196432';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `reviews` (`id` varchar(36) NOT NULL, `bookingId` varchar(36) NOT NULL, `profileId` varchar(36) NOT NULL, `parentId` varchar(36) NOT NULL, `rating` int NOT NULL, `text` text NULL, `reply` text NULL, `repliedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_reviews_profile_created` (`profileId`, `createdAt`), UNIQUE INDEX `UQ_reviews_booking` (`bookingId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `reviews` ADD CONSTRAINT `FK_c357057587a1c2afae453515bf6` FOREIGN KEY (`bookingId`) REFERENCES `bookings`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `reviews` ADD CONSTRAINT `FK_426d6805968f17a40bf7426e1fa` FOREIGN KEY (`profileId`) REFERENCES `childminder_profiles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `reviews` ADD CONSTRAINT `FK_1d02ebeae17c49e542e7b82e5fc` FOREIGN KEY (`parentId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `reviews` DROP FOREIGN KEY `FK_1d02ebeae17c49e542e7b82e5fc`");
    await queryRunner.query("ALTER TABLE `reviews` DROP FOREIGN KEY `FK_426d6805968f17a40bf7426e1fa`");
    await queryRunner.query("ALTER TABLE `reviews` DROP FOREIGN KEY `FK_c357057587a1c2afae453515bf6`");
    await queryRunner.query("DROP INDEX `UQ_reviews_booking` ON `reviews`");
    await queryRunner.query("DROP INDEX `IDX_reviews_profile_created` ON `reviews`");
    await queryRunner.query("DROP TABLE `reviews`");
  }
}
