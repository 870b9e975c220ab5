import { MigrationInterface, QueryRunner } from 'typeorm';

export class GoogleSignIn1796660292154 implements MigrationInterface {
  name = 'GoogleSignIn1796660292154';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `google_identities` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `googleSub` varchar(255) NOT NULL, `googleEmail` varchar(254) NOT NULL, `lastSignInAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_google_identities_user` (`userId`), UNIQUE INDEX `UQ_google_identities_sub` (`googleSub`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `google_pending_sign_ins` (`id` varchar(36) NOT NULL, `tokenHash` varchar(64) NOT NULL, `googleSub` varchar(255) NOT NULL, `googleEmail` varchar(254) NOT NULL, `firstName` varchar(100) NOT NULL, `lastName` varchar(100) NOT NULL, `userId` varchar(36) NULL, `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_google_pending_sign_ins_hash` (`tokenHash`), INDEX `IDX_google_pending_sign_ins_expires` (`expiresAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `google_sign_in_states` (`id` varchar(36) NOT NULL, `stateHash` varchar(64) NOT NULL, `nonce` varchar(64) NOT NULL, `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_google_sign_in_states_hash` (`stateHash`), INDEX `IDX_google_sign_in_states_expires` (`expiresAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `google_identities` ADD CONSTRAINT `FK_52ff7417a591b985e7e6b7b6679` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `google_pending_sign_ins` ADD CONSTRAINT `FK_6a3fb3376db87d130fdfae5920d` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `google_pending_sign_ins` DROP FOREIGN KEY `FK_6a3fb3376db87d130fdfae5920d`");
    await queryRunner.query("ALTER TABLE `google_identities` DROP FOREIGN KEY `FK_52ff7417a591b985e7e6b7b6679`");
    await queryRunner.query("DROP INDEX `IDX_google_sign_in_states_expires` ON `google_sign_in_states`");
    await queryRunner.query("DROP INDEX `UQ_google_sign_in_states_hash` ON `google_sign_in_states`");
    await queryRunner.query("DROP TABLE `google_sign_in_states`");
    await queryRunner.query("DROP INDEX `IDX_google_pending_sign_ins_expires` ON `google_pending_sign_ins`");
    await queryRunner.query("DROP INDEX `UQ_google_pending_sign_ins_hash` ON `google_pending_sign_ins`");
    await queryRunner.query("DROP TABLE `google_pending_sign_ins`");
    await queryRunner.query("DROP INDEX `UQ_google_identities_sub` ON `google_identities`");
    await queryRunner.query("DROP INDEX `UQ_google_identities_user` ON `google_identities`");
    await queryRunner.query("DROP TABLE `google_identities`");
  }
}
