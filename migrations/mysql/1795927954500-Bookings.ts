import { MigrationInterface, QueryRunner } from 'typeorm';

export class Bookings1795927954500 implements MigrationInterface {
  name = 'Bookings1795927954500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `availability_blocks` (`id` varchar(36) NOT NULL, `childminderId` varchar(36) NOT NULL, `type` varchar(20) NOT NULL, `title` varchar(100) NOT NULL, `description` text NULL, `startsAt` datetime NOT NULL, `endsAt` datetime NOT NULL, `recurrence` varchar(500) NULL, `exceptionDates` text NOT NULL, `lastEndsAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_availability_blocks_childminder_start` (`childminderId`, `startsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `booking_children` (`bookingId` varchar(36) NOT NULL, `childId` varchar(36) NOT NULL, INDEX `IDX_booking_children_child` (`childId`), PRIMARY KEY (`bookingId`, `childId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `booking_sessions` (`id` varchar(36) NOT NULL, `bookingId` varchar(36) NOT NULL, `childminderId` varchar(36) NOT NULL, `startsAt` datetime NOT NULL, `endsAt` datetime NOT NULL, INDEX `IDX_booking_sessions_booking` (`bookingId`, `startsAt`), INDEX `IDX_booking_sessions_childminder_start` (`childminderId`, `startsAt`, `endsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `bookings` (`id` varchar(36) NOT NULL, `parentId` varchar(36) NOT NULL, `childminderId` varchar(36) NOT NULL, `profileId` varchar(36) NOT NULL, `status` varchar(20) NOT NULL, `startsAt` datetime NOT NULL, `endsAt` datetime NOT NULL, `weeks` int NOT NULL DEFAULT '1', `notes` text NULL, `hourlyRatePence` int NOT NULL, `priceEstimatePence` int NOT NULL, `statusReason` varchar(500) NULL, `cancelledBy` varchar(20) NULL, `statusChangedAt` datetime NULL, `reminderSentAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_bookings_status_end` (`status`, `endsAt`), INDEX `IDX_bookings_status_start` (`status`, `startsAt`), INDEX `IDX_bookings_status_created` (`status`, `createdAt`), INDEX `IDX_bookings_childminder_status_start` (`childminderId`, `status`, `startsAt`), INDEX `IDX_bookings_parent_start` (`parentId`, `startsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `availability_blocks` ADD CONSTRAINT `FK_547340a1a6a6cb238ada480871c` FOREIGN KEY (`childminderId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `booking_children` ADD CONSTRAINT `FK_a28e2faa65045f5da1f9d56475d` FOREIGN KEY (`bookingId`) REFERENCES `bookings`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `booking_children` ADD CONSTRAINT `FK_b7f2b021f510c8480b9040b9202` FOREIGN KEY (`childId`) REFERENCES `children`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `booking_sessions` ADD CONSTRAINT `FK_a1e8d4f2a6ed977820cceeb2a66` FOREIGN KEY (`bookingId`) REFERENCES `bookings`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `bookings` ADD CONSTRAINT `FK_d896776f370f13f949e711ea0cf` FOREIGN KEY (`parentId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `bookings` ADD CONSTRAINT `FK_6ba8478b02ccaccb151a0d861be` FOREIGN KEY (`childminderId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `bookings` ADD CONSTRAINT `FK_ba4c7b538b70d54010064df49de` FOREIGN KEY (`profileId`) REFERENCES `childminder_profiles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `bookings` DROP FOREIGN KEY `FK_ba4c7b538b70d54010064df49de`");
    await queryRunner.query("ALTER TABLE `bookings` DROP FOREIGN KEY `FK_6ba8478b02ccaccb151a0d861be`");
    await queryRunner.query("ALTER TABLE `bookings` DROP FOREIGN KEY `FK_d896776f370f13f949e711ea0cf`");
    await queryRunner.query("ALTER TABLE `booking_sessions` DROP FOREIGN KEY `FK_a1e8d4f2a6ed977820cceeb2a66`");
    await queryRunner.query("ALTER TABLE `booking_children` DROP FOREIGN KEY `FK_b7f2b021f510c8480b9040b9202`");
    await queryRunner.query("ALTER TABLE `booking_children` DROP FOREIGN KEY `FK_a28e2faa65045f5da1f9d56475d`");
    await queryRunner.query("ALTER TABLE `availability_blocks` DROP FOREIGN KEY `FK_547340a1a6a6cb238ada480871c`");
    await queryRunner.query("DROP INDEX `IDX_bookings_parent_start` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_bookings_childminder_status_start` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_bookings_status_created` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_bookings_status_start` ON `bookings`");
    await queryRunner.query("DROP INDEX `IDX_bookings_status_end` ON `bookings`");
    await queryRunner.query("DROP TABLE `bookings`");
    await queryRunner.query("DROP INDEX `IDX_booking_sessions_childminder_start` ON `booking_sessions`");
    await queryRunner.query("DROP INDEX `IDX_booking_sessions_booking` ON `booking_sessions`");
    await queryRunner.query("DROP TABLE `booking_sessions`");
    await queryRunner.query("DROP INDEX `IDX_booking_children_child` ON `booking_children`");
    await queryRunner.query("DROP TABLE `booking_children`");
    await queryRunner.query("DROP INDEX `IDX_availability_blocks_childminder_start` ON `availability_blocks`");
    await queryRunner.query("DROP TABLE `availability_blocks`");
  }
}
