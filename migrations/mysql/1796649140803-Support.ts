import { MigrationInterface, QueryRunner } from 'typeorm';

export class Support1796649140803 implements MigrationInterface {
  name = 'Support1796649140803';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `support_tickets` (`id` varchar(36) NOT NULL, `number` int NOT NULL, `subject` varchar(200) NOT NULL, `body` text NOT NULL, `category` varchar(20) NOT NULL, `priority` varchar(10) NOT NULL, `status` varchar(10) NOT NULL, `source` varchar(10) NOT NULL, `requesterId` varchar(36) NULL, `requesterRole` varchar(20) NULL, `requesterName` varchar(200) NOT NULL, `requesterEmail` varchar(254) NOT NULL, `assigneeId` varchar(36) NULL, `tags` varchar(400) NOT NULL DEFAULT '', `firstResponseAt` datetime(3) NULL, `resolvedAt` datetime(3) NULL, `closedAt` datetime(3) NULL, `lastActivityAt` datetime(3) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_support_tickets_resolved` (`resolvedAt`), INDEX `IDX_support_tickets_created` (`createdAt`), INDEX `IDX_support_tickets_assignee_status` (`assigneeId`, `status`), INDEX `IDX_support_tickets_status_activity` (`status`, `lastActivityAt`), INDEX `IDX_support_tickets_requester_activity` (`requesterId`, `lastActivityAt`), UNIQUE INDEX `UQ_support_tickets_number` (`number`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `support_ticket_events` (`id` varchar(36) NOT NULL, `ticketId` varchar(36) NOT NULL, `actorId` varchar(36) NULL, `actorName` varchar(200) NOT NULL, `type` varchar(20) NOT NULL, `fromValue` varchar(400) NULL, `toValue` varchar(400) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_support_ticket_events_ticket_created` (`ticketId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `support_ticket_replies` (`id` varchar(36) NOT NULL, `ticketId` varchar(36) NOT NULL, `authorId` varchar(36) NULL, `authorName` varchar(200) NOT NULL, `side` varchar(10) NOT NULL, `internal` tinyint NOT NULL DEFAULT 0, `body` text NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_support_ticket_replies_ticket_created` (`ticketId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `support_tickets` ADD CONSTRAINT `FK_b5a4d6e32a32c86583de6354aa0` FOREIGN KEY (`requesterId`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `support_tickets` ADD CONSTRAINT `FK_2f1a2d477de650a8abb9af37d52` FOREIGN KEY (`assigneeId`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `support_ticket_events` ADD CONSTRAINT `FK_2d910795e7c54d7c2a6c239428c` FOREIGN KEY (`ticketId`) REFERENCES `support_tickets`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `support_ticket_replies` ADD CONSTRAINT `FK_aa00ee053c9ed4ea354f68962c8` FOREIGN KEY (`ticketId`) REFERENCES `support_tickets`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    // Hand-written: the admin search's FULLTEXT indexes (the entities mark them synchronize: false).
    await queryRunner.query("ALTER TABLE `support_tickets` ADD FULLTEXT INDEX `IDX_support_tickets_text_fulltext` (`subject`, `body`)");
    await queryRunner.query("ALTER TABLE `support_ticket_replies` ADD FULLTEXT INDEX `IDX_support_ticket_replies_body_fulltext` (`body`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_support_ticket_replies_body_fulltext` ON `support_ticket_replies`");
    await queryRunner.query("DROP INDEX `IDX_support_tickets_text_fulltext` ON `support_tickets`");
    await queryRunner.query("ALTER TABLE `support_ticket_replies` DROP FOREIGN KEY `FK_aa00ee053c9ed4ea354f68962c8`");
    await queryRunner.query("ALTER TABLE `support_ticket_events` DROP FOREIGN KEY `FK_2d910795e7c54d7c2a6c239428c`");
    await queryRunner.query("ALTER TABLE `support_tickets` DROP FOREIGN KEY `FK_2f1a2d477de650a8abb9af37d52`");
    await queryRunner.query("ALTER TABLE `support_tickets` DROP FOREIGN KEY `FK_b5a4d6e32a32c86583de6354aa0`");
    await queryRunner.query("DROP INDEX `IDX_support_ticket_replies_ticket_created` ON `support_ticket_replies`");
    await queryRunner.query("DROP TABLE `support_ticket_replies`");
    await queryRunner.query("DROP INDEX `IDX_support_ticket_events_ticket_created` ON `support_ticket_events`");
    await queryRunner.query("DROP TABLE `support_ticket_events`");
    await queryRunner.query("DROP INDEX `UQ_support_tickets_number` ON `support_tickets`");
    await queryRunner.query("DROP INDEX `IDX_support_tickets_requester_activity` ON `support_tickets`");
    await queryRunner.query("DROP INDEX `IDX_support_tickets_status_activity` ON `support_tickets`");
    await queryRunner.query("DROP INDEX `IDX_support_tickets_assignee_status` ON `support_tickets`");
    await queryRunner.query("DROP INDEX `IDX_support_tickets_created` ON `support_tickets`");
    await queryRunner.query("DROP INDEX `IDX_support_tickets_resolved` ON `support_tickets`");
    await queryRunner.query("DROP TABLE `support_tickets`");
  }
}
