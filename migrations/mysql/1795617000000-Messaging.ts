import { MigrationInterface, QueryRunner } from 'typeorm';

export class Messaging1795617000000 implements MigrationInterface {
  name = 'Messaging1795617000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `conversations` (`id` varchar(36) NOT NULL, `parentId` varchar(36) NOT NULL, `childminderId` varchar(36) NOT NULL, `lastMessageAt` datetime(3) NULL, `parentLastReadAt` datetime(3) NULL, `childminderLastReadAt` datetime(3) NULL, `blockedById` varchar(36) NULL, `blockedAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_conversations_last` (`lastMessageAt`), INDEX `IDX_conversations_childminder_last` (`childminderId`, `lastMessageAt`), INDEX `IDX_conversations_parent_last` (`parentId`, `lastMessageAt`), UNIQUE INDEX `UQ_conversations_pair` (`parentId`, `childminderId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `messages` (`id` varchar(36) NOT NULL, `conversationId` varchar(36) NOT NULL, `senderId` varchar(36) NOT NULL, `text` text NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_messages_conversation_created` (`conversationId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notifications` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `type` varchar(50) NOT NULL, `title` varchar(200) NOT NULL, `body` varchar(1000) NOT NULL, `link` varchar(500) NULL, `readAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_notifications_user_read` (`userId`, `readAt`), INDEX `IDX_notifications_user_created` (`userId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `realtime_events` (`id` int NOT NULL AUTO_INCREMENT, `userId` varchar(36) NOT NULL, `type` varchar(50) NOT NULL, `payload` text NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_realtime_events_created` (`createdAt`), INDEX `IDX_realtime_events_user_id` (`userId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `realtime_tickets` (`id` varchar(36) NOT NULL, `tokenHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `sessionId` varchar(36) NOT NULL, `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, UNIQUE INDEX `UQ_realtime_tickets_hash` (`tokenHash`), INDEX `IDX_realtime_tickets_expires` (`expiresAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `conversations` ADD CONSTRAINT `FK_b5d5608f3b659e1256db04ad08f` FOREIGN KEY (`parentId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `conversations` ADD CONSTRAINT `FK_975b1937cbb1e36f8a2516a186d` FOREIGN KEY (`childminderId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `messages` ADD CONSTRAINT `FK_e5663ce0c730b2de83445e2fd19` FOREIGN KEY (`conversationId`) REFERENCES `conversations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    // Hand-written: the admin search's FULLTEXT index (the entity marks it synchronize: false).
    await queryRunner.query("ALTER TABLE `messages` ADD FULLTEXT INDEX `IDX_messages_text_fulltext` (`text`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_messages_text_fulltext` ON `messages`");
    await queryRunner.query("ALTER TABLE `messages` DROP FOREIGN KEY `FK_e5663ce0c730b2de83445e2fd19`");
    await queryRunner.query("ALTER TABLE `conversations` DROP FOREIGN KEY `FK_975b1937cbb1e36f8a2516a186d`");
    await queryRunner.query("ALTER TABLE `conversations` DROP FOREIGN KEY `FK_b5d5608f3b659e1256db04ad08f`");
    await queryRunner.query("DROP INDEX `IDX_realtime_tickets_expires` ON `realtime_tickets`");
    await queryRunner.query("DROP INDEX `UQ_realtime_tickets_hash` ON `realtime_tickets`");
    await queryRunner.query("DROP TABLE `realtime_tickets`");
    await queryRunner.query("DROP INDEX `IDX_realtime_events_user_id` ON `realtime_events`");
    await queryRunner.query("DROP INDEX `IDX_realtime_events_created` ON `realtime_events`");
    await queryRunner.query("DROP TABLE `realtime_events`");
    await queryRunner.query("DROP INDEX `IDX_notifications_user_created` ON `notifications`");
    await queryRunner.query("DROP INDEX `IDX_notifications_user_read` ON `notifications`");
    await queryRunner.query("DROP TABLE `notifications`");
    await queryRunner.query("DROP INDEX `IDX_messages_conversation_created` ON `messages`");
    await queryRunner.query("DROP TABLE `messages`");
    await queryRunner.query("DROP INDEX `UQ_conversations_pair` ON `conversations`");
    await queryRunner.query("DROP INDEX `IDX_conversations_parent_last` ON `conversations`");
    await queryRunner.query("DROP INDEX `IDX_conversations_childminder_last` ON `conversations`");
    await queryRunner.query("DROP INDEX `IDX_conversations_last` ON `conversations`");
    await queryRunner.query("DROP TABLE `conversations`");
  }
}
