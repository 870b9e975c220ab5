import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveChat1796651318683 implements MigrationInterface {
  name = 'LiveChat1796651318683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"chat_agents\" (\"agentId\" varchar(36) PRIMARY KEY NOT NULL, \"lastAssignedAt\" datetime(3))");
    await queryRunner.query("CREATE TABLE \"chat_canned_replies\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"position\" integer NOT NULL, \"title\" varchar(80) NOT NULL, \"text\" varchar(1000) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"chat_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"requesterId\" varchar(36) NOT NULL, \"agentId\" varchar(36), \"state\" varchar(20) NOT NULL, \"queuedAt\" datetime(3) NOT NULL, \"closedAt\" datetime(3), \"lastMessageAt\" datetime(3), \"leftMessage\" boolean NOT NULL DEFAULT (0), \"ticketNumber\" varchar(40), \"rating\" integer, \"ratingComment\" varchar(1000), \"ratedAt\" datetime(3), \"requesterReadUpTo\" integer NOT NULL DEFAULT (0), \"agentReadUpTo\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_requester_created\" ON \"chat_sessions\" (\"requesterId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_agent_state\" ON \"chat_sessions\" (\"agentId\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_state_queued\" ON \"chat_sessions\" (\"state\", \"queuedAt\") ");
    await queryRunner.query("CREATE TABLE \"chat_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"sender\" varchar(20) NOT NULL, \"senderId\" varchar(36), \"text\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_chat_messages_session_id\" ON \"chat_messages\" (\"sessionId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"chat_session_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"type\" varchar(20) NOT NULL, \"actorId\" varchar(36), \"fromAgentId\" varchar(36), \"toAgentId\" varchar(36), \"note\" varchar(500), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_chat_session_events_session\" ON \"chat_session_events\" (\"sessionId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_requester_created\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_agent_state\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_state_queued\"");
    await queryRunner.query("CREATE TABLE \"temporary_chat_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"requesterId\" varchar(36) NOT NULL, \"agentId\" varchar(36), \"state\" varchar(20) NOT NULL, \"queuedAt\" datetime(3) NOT NULL, \"closedAt\" datetime(3), \"lastMessageAt\" datetime(3), \"leftMessage\" boolean NOT NULL DEFAULT (0), \"ticketNumber\" varchar(40), \"rating\" integer, \"ratingComment\" varchar(1000), \"ratedAt\" datetime(3), \"requesterReadUpTo\" integer NOT NULL DEFAULT (0), \"agentReadUpTo\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_a19e87c36e5feeb912c2cda3144\" FOREIGN KEY (\"requesterId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_chat_sessions\"(\"id\", \"requesterId\", \"agentId\", \"state\", \"queuedAt\", \"closedAt\", \"lastMessageAt\", \"leftMessage\", \"ticketNumber\", \"rating\", \"ratingComment\", \"ratedAt\", \"requesterReadUpTo\", \"agentReadUpTo\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"requesterId\", \"agentId\", \"state\", \"queuedAt\", \"closedAt\", \"lastMessageAt\", \"leftMessage\", \"ticketNumber\", \"rating\", \"ratingComment\", \"ratedAt\", \"requesterReadUpTo\", \"agentReadUpTo\", \"createdAt\", \"updatedAt\" FROM \"chat_sessions\"");
    await queryRunner.query("DROP TABLE \"chat_sessions\"");
    await queryRunner.query("ALTER TABLE \"temporary_chat_sessions\" RENAME TO \"chat_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_requester_created\" ON \"chat_sessions\" (\"requesterId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_agent_state\" ON \"chat_sessions\" (\"agentId\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_state_queued\" ON \"chat_sessions\" (\"state\", \"queuedAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_chat_messages_session_id\"");
    await queryRunner.query("CREATE TABLE \"temporary_chat_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"sender\" varchar(20) NOT NULL, \"senderId\" varchar(36), \"text\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_a82476a8acdd6cd6936378cb72d\" FOREIGN KEY (\"sessionId\") REFERENCES \"chat_sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_chat_messages\"(\"id\", \"sessionId\", \"sender\", \"senderId\", \"text\", \"createdAt\") SELECT \"id\", \"sessionId\", \"sender\", \"senderId\", \"text\", \"createdAt\" FROM \"chat_messages\"");
    await queryRunner.query("DROP TABLE \"chat_messages\"");
    await queryRunner.query("ALTER TABLE \"temporary_chat_messages\" RENAME TO \"chat_messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_chat_messages_session_id\" ON \"chat_messages\" (\"sessionId\", \"id\") ");
    await queryRunner.query("DROP INDEX \"IDX_chat_session_events_session\"");
    await queryRunner.query("CREATE TABLE \"temporary_chat_session_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"type\" varchar(20) NOT NULL, \"actorId\" varchar(36), \"fromAgentId\" varchar(36), \"toAgentId\" varchar(36), \"note\" varchar(500), \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_f3b61cfc768eb74b6dbc9650719\" FOREIGN KEY (\"sessionId\") REFERENCES \"chat_sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_chat_session_events\"(\"id\", \"sessionId\", \"type\", \"actorId\", \"fromAgentId\", \"toAgentId\", \"note\", \"createdAt\") SELECT \"id\", \"sessionId\", \"type\", \"actorId\", \"fromAgentId\", \"toAgentId\", \"note\", \"createdAt\" FROM \"chat_session_events\"");
    await queryRunner.query("DROP TABLE \"chat_session_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_chat_session_events\" RENAME TO \"chat_session_events\"");
    await queryRunner.query("CREATE INDEX \"IDX_chat_session_events_session\" ON \"chat_session_events\" (\"sessionId\", \"createdAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_chat_session_events_session\"");
    await queryRunner.query("ALTER TABLE \"chat_session_events\" RENAME TO \"temporary_chat_session_events\"");
    await queryRunner.query("CREATE TABLE \"chat_session_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"type\" varchar(20) NOT NULL, \"actorId\" varchar(36), \"fromAgentId\" varchar(36), \"toAgentId\" varchar(36), \"note\" varchar(500), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"chat_session_events\"(\"id\", \"sessionId\", \"type\", \"actorId\", \"fromAgentId\", \"toAgentId\", \"note\", \"createdAt\") SELECT \"id\", \"sessionId\", \"type\", \"actorId\", \"fromAgentId\", \"toAgentId\", \"note\", \"createdAt\" FROM \"temporary_chat_session_events\"");
    await queryRunner.query("DROP TABLE \"temporary_chat_session_events\"");
    await queryRunner.query("CREATE INDEX \"IDX_chat_session_events_session\" ON \"chat_session_events\" (\"sessionId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_chat_messages_session_id\"");
    await queryRunner.query("ALTER TABLE \"chat_messages\" RENAME TO \"temporary_chat_messages\"");
    await queryRunner.query("CREATE TABLE \"chat_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"sender\" varchar(20) NOT NULL, \"senderId\" varchar(36), \"text\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"chat_messages\"(\"id\", \"sessionId\", \"sender\", \"senderId\", \"text\", \"createdAt\") SELECT \"id\", \"sessionId\", \"sender\", \"senderId\", \"text\", \"createdAt\" FROM \"temporary_chat_messages\"");
    await queryRunner.query("DROP TABLE \"temporary_chat_messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_chat_messages_session_id\" ON \"chat_messages\" (\"sessionId\", \"id\") ");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_state_queued\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_agent_state\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_requester_created\"");
    await queryRunner.query("ALTER TABLE \"chat_sessions\" RENAME TO \"temporary_chat_sessions\"");
    await queryRunner.query("CREATE TABLE \"chat_sessions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"requesterId\" varchar(36) NOT NULL, \"agentId\" varchar(36), \"state\" varchar(20) NOT NULL, \"queuedAt\" datetime(3) NOT NULL, \"closedAt\" datetime(3), \"lastMessageAt\" datetime(3), \"leftMessage\" boolean NOT NULL DEFAULT (0), \"ticketNumber\" varchar(40), \"rating\" integer, \"ratingComment\" varchar(1000), \"ratedAt\" datetime(3), \"requesterReadUpTo\" integer NOT NULL DEFAULT (0), \"agentReadUpTo\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"chat_sessions\"(\"id\", \"requesterId\", \"agentId\", \"state\", \"queuedAt\", \"closedAt\", \"lastMessageAt\", \"leftMessage\", \"ticketNumber\", \"rating\", \"ratingComment\", \"ratedAt\", \"requesterReadUpTo\", \"agentReadUpTo\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"requesterId\", \"agentId\", \"state\", \"queuedAt\", \"closedAt\", \"lastMessageAt\", \"leftMessage\", \"ticketNumber\", \"rating\", \"ratingComment\", \"ratedAt\", \"requesterReadUpTo\", \"agentReadUpTo\", \"createdAt\", \"updatedAt\" FROM \"temporary_chat_sessions\"");
    await queryRunner.query("DROP TABLE \"temporary_chat_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_state_queued\" ON \"chat_sessions\" (\"state\", \"queuedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_agent_state\" ON \"chat_sessions\" (\"agentId\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"IDX_chat_sessions_requester_created\" ON \"chat_sessions\" (\"requesterId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_chat_session_events_session\"");
    await queryRunner.query("DROP TABLE \"chat_session_events\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_messages_session_id\"");
    await queryRunner.query("DROP TABLE \"chat_messages\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_state_queued\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_agent_state\"");
    await queryRunner.query("DROP INDEX \"IDX_chat_sessions_requester_created\"");
    await queryRunner.query("DROP TABLE \"chat_sessions\"");
    await queryRunner.query("DROP TABLE \"chat_canned_replies\"");
    await queryRunner.query("DROP TABLE \"chat_agents\"");
  }
}
