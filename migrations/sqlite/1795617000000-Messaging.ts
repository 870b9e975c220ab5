import { MigrationInterface, QueryRunner } from 'typeorm';

export class Messaging1795617000000 implements MigrationInterface {
  name = 'Messaging1795617000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"conversations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"lastMessageAt\" datetime(3), \"parentLastReadAt\" datetime(3), \"childminderLastReadAt\" datetime(3), \"blockedById\" varchar(36), \"blockedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_last\" ON \"conversations\" (\"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_childminder_last\" ON \"conversations\" (\"childminderId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_parent_last\" ON \"conversations\" (\"parentId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_conversations_pair\" ON \"conversations\" (\"parentId\", \"childminderId\") ");
    await queryRunner.query("CREATE TABLE \"messages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"conversationId\" varchar(36) NOT NULL, \"senderId\" varchar(36) NOT NULL, \"text\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_messages_conversation_created\" ON \"messages\" (\"conversationId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(50) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" varchar(1000) NOT NULL, \"link\" varchar(500), \"readAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_read\" ON \"notifications\" (\"userId\", \"readAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_user_created\" ON \"notifications\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"realtime_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(50) NOT NULL, \"payload\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_realtime_events_created\" ON \"realtime_events\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_realtime_events_user_id\" ON \"realtime_events\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"realtime_tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_realtime_tickets_hash\" ON \"realtime_tickets\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_realtime_tickets_expires\" ON \"realtime_tickets\" (\"expiresAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_conversations_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_childminder_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_parent_last\"");
    await queryRunner.query("DROP INDEX \"UQ_conversations_pair\"");
    await queryRunner.query("CREATE TABLE \"temporary_conversations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"lastMessageAt\" datetime(3), \"parentLastReadAt\" datetime(3), \"childminderLastReadAt\" datetime(3), \"blockedById\" varchar(36), \"blockedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_b5d5608f3b659e1256db04ad08f\" FOREIGN KEY (\"parentId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_975b1937cbb1e36f8a2516a186d\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_conversations\"(\"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\") SELECT \"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\" FROM \"conversations\"");
    await queryRunner.query("DROP TABLE \"conversations\"");
    await queryRunner.query("ALTER TABLE \"temporary_conversations\" RENAME TO \"conversations\"");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_last\" ON \"conversations\" (\"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_childminder_last\" ON \"conversations\" (\"childminderId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_parent_last\" ON \"conversations\" (\"parentId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_conversations_pair\" ON \"conversations\" (\"parentId\", \"childminderId\") ");
    await queryRunner.query("DROP INDEX \"IDX_messages_conversation_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_messages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"conversationId\" varchar(36) NOT NULL, \"senderId\" varchar(36) NOT NULL, \"text\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_e5663ce0c730b2de83445e2fd19\" FOREIGN KEY (\"conversationId\") REFERENCES \"conversations\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_messages\"(\"id\", \"conversationId\", \"senderId\", \"text\", \"createdAt\") SELECT \"id\", \"conversationId\", \"senderId\", \"text\", \"createdAt\" FROM \"messages\"");
    await queryRunner.query("DROP TABLE \"messages\"");
    await queryRunner.query("ALTER TABLE \"temporary_messages\" RENAME TO \"messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_messages_conversation_created\" ON \"messages\" (\"conversationId\", \"createdAt\") ");
    // Hand-written: the admin search's FTS5 index over messages.text, an external-content table
    // kept in step by triggers. A later migration that rebuilds `messages` (SQLite's way to alter
    // a table) must recreate these triggers and run the 'rebuild' command again.
    await queryRunner.query("CREATE VIRTUAL TABLE \"messages_fts\" USING fts5(\"text\", content='messages', tokenize='unicode61 remove_diacritics 2')");
    await queryRunner.query("CREATE TRIGGER \"messages_fts_insert\" AFTER INSERT ON \"messages\" BEGIN INSERT INTO \"messages_fts\"(rowid, \"text\") VALUES (new.rowid, new.\"text\"); END");
    await queryRunner.query("CREATE TRIGGER \"messages_fts_delete\" AFTER DELETE ON \"messages\" BEGIN INSERT INTO \"messages_fts\"(\"messages_fts\", rowid, \"text\") VALUES ('delete', old.rowid, old.\"text\"); END");
    await queryRunner.query("CREATE TRIGGER \"messages_fts_update\" AFTER UPDATE OF \"text\" ON \"messages\" BEGIN INSERT INTO \"messages_fts\"(\"messages_fts\", rowid, \"text\") VALUES ('delete', old.rowid, old.\"text\"); INSERT INTO \"messages_fts\"(rowid, \"text\") VALUES (new.rowid, new.\"text\"); END");
    await queryRunner.query("INSERT INTO \"messages_fts\"(\"messages_fts\") VALUES ('rebuild')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TRIGGER IF EXISTS \"messages_fts_update\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"messages_fts_delete\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"messages_fts_insert\"");
    await queryRunner.query("DROP TABLE IF EXISTS \"messages_fts\"");
    await queryRunner.query("DROP INDEX \"IDX_messages_conversation_created\"");
    await queryRunner.query("ALTER TABLE \"messages\" RENAME TO \"temporary_messages\"");
    await queryRunner.query("CREATE TABLE \"messages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"conversationId\" varchar(36) NOT NULL, \"senderId\" varchar(36) NOT NULL, \"text\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"messages\"(\"id\", \"conversationId\", \"senderId\", \"text\", \"createdAt\") SELECT \"id\", \"conversationId\", \"senderId\", \"text\", \"createdAt\" FROM \"temporary_messages\"");
    await queryRunner.query("DROP TABLE \"temporary_messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_messages_conversation_created\" ON \"messages\" (\"conversationId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_conversations_pair\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_parent_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_childminder_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_last\"");
    await queryRunner.query("ALTER TABLE \"conversations\" RENAME TO \"temporary_conversations\"");
    await queryRunner.query("CREATE TABLE \"conversations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"lastMessageAt\" datetime(3), \"parentLastReadAt\" datetime(3), \"childminderLastReadAt\" datetime(3), \"blockedById\" varchar(36), \"blockedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"conversations\"(\"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\") SELECT \"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\" FROM \"temporary_conversations\"");
    await queryRunner.query("DROP TABLE \"temporary_conversations\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_conversations_pair\" ON \"conversations\" (\"parentId\", \"childminderId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_parent_last\" ON \"conversations\" (\"parentId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_childminder_last\" ON \"conversations\" (\"childminderId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_last\" ON \"conversations\" (\"lastMessageAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_realtime_tickets_expires\"");
    await queryRunner.query("DROP INDEX \"UQ_realtime_tickets_hash\"");
    await queryRunner.query("DROP TABLE \"realtime_tickets\"");
    await queryRunner.query("DROP INDEX \"IDX_realtime_events_user_id\"");
    await queryRunner.query("DROP INDEX \"IDX_realtime_events_created\"");
    await queryRunner.query("DROP TABLE \"realtime_events\"");
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_notifications_user_read\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"IDX_messages_conversation_created\"");
    await queryRunner.query("DROP TABLE \"messages\"");
    await queryRunner.query("DROP INDEX \"UQ_conversations_pair\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_parent_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_childminder_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_last\"");
    await queryRunner.query("DROP TABLE \"conversations\"");
  }
}
