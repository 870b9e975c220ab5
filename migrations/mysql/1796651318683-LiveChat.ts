import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveChat1796651318683 implements MigrationInterface {
  name = 'LiveChat1796651318683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `chat_agents` (`agentId` varchar(36) NOT NULL, `lastAssignedAt` datetime(3) NULL, PRIMARY KEY (`agentId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `chat_canned_replies` (`id` varchar(36) NOT NULL, `position` int NOT NULL, `title` varchar(80) NOT NULL, `text` varchar(1000) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `chat_sessions` (`id` varchar(36) NOT NULL, `requesterId` varchar(36) NOT NULL, `agentId` varchar(36) NULL, `state` varchar(20) NOT NULL, `queuedAt` datetime(3) NOT NULL, `closedAt` datetime(3) NULL, `lastMessageAt` datetime(3) NULL, `leftMessage` tinyint NOT NULL DEFAULT 0, `ticketNumber` varchar(40) NULL, `rating` int NULL, `ratingComment` varchar(1000) NULL, `ratedAt` datetime(3) NULL, `requesterReadUpTo` int NOT NULL DEFAULT '0', `agentReadUpTo` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_chat_sessions_requester_created` (`requesterId`, `createdAt`), INDEX `IDX_chat_sessions_agent_state` (`agentId`, `state`), INDEX `IDX_chat_sessions_state_queued` (`state`, `queuedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `chat_messages` (`id` int NOT NULL AUTO_INCREMENT, `sessionId` varchar(36) NOT NULL, `sender` varchar(20) NOT NULL, `senderId` varchar(36) NULL, `text` text NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_chat_messages_session_id` (`sessionId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `chat_session_events` (`id` varchar(36) NOT NULL, `sessionId` varchar(36) NOT NULL, `type` varchar(20) NOT NULL, `actorId` varchar(36) NULL, `fromAgentId` varchar(36) NULL, `toAgentId` varchar(36) NULL, `note` varchar(500) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_chat_session_events_session` (`sessionId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `chat_sessions` ADD CONSTRAINT `FK_a19e87c36e5feeb912c2cda3144` FOREIGN KEY (`requesterId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `chat_messages` ADD CONSTRAINT `FK_a82476a8acdd6cd6936378cb72d` FOREIGN KEY (`sessionId`) REFERENCES `chat_sessions`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `chat_session_events` ADD CONSTRAINT `FK_f3b61cfc768eb74b6dbc9650719` FOREIGN KEY (`sessionId`) REFERENCES `chat_sessions`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `chat_session_events` DROP FOREIGN KEY `FK_f3b61cfc768eb74b6dbc9650719`");
    await queryRunner.query("ALTER TABLE `chat_messages` DROP FOREIGN KEY `FK_a82476a8acdd6cd6936378cb72d`");
    await queryRunner.query("ALTER TABLE `chat_sessions` DROP FOREIGN KEY `FK_a19e87c36e5feeb912c2cda3144`");
    await queryRunner.query("DROP INDEX `IDX_chat_session_events_session` ON `chat_session_events`");
    await queryRunner.query("DROP TABLE `chat_session_events`");
    await queryRunner.query("DROP INDEX `IDX_chat_messages_session_id` ON `chat_messages`");
    await queryRunner.query("DROP TABLE `chat_messages`");
    await queryRunner.query("DROP INDEX `IDX_chat_sessions_state_queued` ON `chat_sessions`");
    await queryRunner.query("DROP INDEX `IDX_chat_sessions_agent_state` ON `chat_sessions`");
    await queryRunner.query("DROP INDEX `IDX_chat_sessions_requester_created` ON `chat_sessions`");
    await queryRunner.query("DROP TABLE `chat_sessions`");
    await queryRunner.query("DROP TABLE `chat_canned_replies`");
    await queryRunner.query("DROP TABLE `chat_agents`");
  }
}
