import { MigrationInterface, QueryRunner } from 'typeorm';

export class Childminders1795616930684 implements MigrationInterface {
  name = 'Childminders1795616930684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `childminder_profiles` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `displayName` varchar(100) NOT NULL, `bio` text NULL, `photoUrl` varchar(500) NULL, `town` varchar(100) NULL, `postcode` varchar(10) NULL, `postcodeDistrict` varchar(4) NULL, `latitude` double NULL, `longitude` double NULL, `hourlyRatePence` int NULL, `ageGroups` varchar(100) NOT NULL DEFAULT '', `languages` varchar(400) NOT NULL DEFAULT '', `services` varchar(200) NOT NULL DEFAULT '', `specialNeedsExperience` tinyint NOT NULL DEFAULT 0, `specialNeedsDetails` text NULL, `openingHours` text NULL, `ofstedUrn` varchar(10) NULL, `ofstedRegisteredOn` date NULL, `inspection` text NULL, `capacityUnder8` int NOT NULL DEFAULT '6', `capacityYoung` int NOT NULL DEFAULT '3', `capacityUnder1` int NOT NULL DEFAULT '1', `ownChildrenDatesOfBirth` text NOT NULL, `visible` tinyint NOT NULL DEFAULT 1, `active` tinyint NOT NULL DEFAULT 1, `completeness` int NOT NULL DEFAULT '0', `complete` tinyint NOT NULL DEFAULT 0, `ratingAverage` decimal(3,2) NULL, `ratingCount` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_childminder_profiles_user` (`userId`), INDEX `IDX_childminder_profiles_lat_lng` (`latitude`, `longitude`), INDEX `IDX_childminder_profiles_search` (`visible`, `active`, `complete`, `latitude`, `longitude`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `childminder_favorites` (`id` varchar(36) NOT NULL, `parentId` varchar(36) NOT NULL, `profileId` varchar(36) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_childminder_favorites_profile` (`profileId`), INDEX `IDX_childminder_favorites_parent_created` (`parentId`, `createdAt`), UNIQUE INDEX `UQ_childminder_favorites_parent_profile` (`parentId`, `profileId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `childminder_profiles` ADD CONSTRAINT `FK_fd0bf87ae8c078be65f7ea3d2d0` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `childminder_favorites` ADD CONSTRAINT `FK_68a963d81cc202547f92c86d093` FOREIGN KEY (`parentId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `childminder_favorites` ADD CONSTRAINT `FK_84dee1276671d41d544040ab941` FOREIGN KEY (`profileId`) REFERENCES `childminder_profiles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `childminder_favorites` DROP FOREIGN KEY `FK_84dee1276671d41d544040ab941`");
    await queryRunner.query("ALTER TABLE `childminder_favorites` DROP FOREIGN KEY `FK_68a963d81cc202547f92c86d093`");
    await queryRunner.query("ALTER TABLE `childminder_profiles` DROP FOREIGN KEY `FK_fd0bf87ae8c078be65f7ea3d2d0`");
    await queryRunner.query("DROP INDEX `UQ_childminder_favorites_parent_profile` ON `childminder_favorites`");
    await queryRunner.query("DROP INDEX `IDX_childminder_favorites_parent_created` ON `childminder_favorites`");
    await queryRunner.query("DROP INDEX `IDX_childminder_favorites_profile` ON `childminder_favorites`");
    await queryRunner.query("DROP TABLE `childminder_favorites`");
    await queryRunner.query("DROP INDEX `IDX_childminder_profiles_search` ON `childminder_profiles`");
    await queryRunner.query("DROP INDEX `IDX_childminder_profiles_lat_lng` ON `childminder_profiles`");
    await queryRunner.query("DROP INDEX `UQ_childminder_profiles_user` ON `childminder_profiles`");
    await queryRunner.query("DROP TABLE `childminder_profiles`");
  }
}
