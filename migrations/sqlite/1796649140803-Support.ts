import { MigrationInterface, QueryRunner } from 'typeorm';

export class Support1796649140803 implements MigrationInterface {
  name = 'Support1796649140803';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"support_tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"number\" integer NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" text NOT NULL, \"category\" varchar(20) NOT NULL, \"priority\" varchar(10) NOT NULL, \"status\" varchar(10) NOT NULL, \"source\" varchar(10) NOT NULL, \"requesterId\" varchar(36), \"requesterRole\" varchar(20), \"requesterName\" varchar(200) NOT NULL, \"requesterEmail\" varchar(254) NOT NULL, \"assigneeId\" varchar(36), \"tags\" varchar(400) NOT NULL DEFAULT (''), \"firstResponseAt\" datetime(3), \"resolvedAt\" datetime(3), \"closedAt\" datetime(3), \"lastActivityAt\" datetime(3) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_resolved\" ON \"support_tickets\" (\"resolvedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_created\" ON \"support_tickets\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_assignee_status\" ON \"support_tickets\" (\"assigneeId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_status_activity\" ON \"support_tickets\" (\"status\", \"lastActivityAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_requester_activity\" ON \"support_tickets\" (\"requesterId\", \"lastActivityAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_support_tickets_number\" ON \"support_tickets\" (\"number\") ");
    await queryRunner.query("CREATE TABLE \"support_ticket_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticketId\" varchar(36) NOT NULL, \"actorId\" varchar(36), \"actorName\" varchar(200) NOT NULL, \"type\" varchar(20) NOT NULL, \"fromValue\" varchar(400), \"toValue\" varchar(400), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_support_ticket_events_ticket_created\" ON \"support_ticket_events\" (\"ticketId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"support_ticket_replies\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticketId\" varchar(36) NOT NULL, \"authorId\" varchar(36), \"authorName\" varchar(200) NOT NULL, \"side\" varchar(10) NOT NULL, \"internal\" boolean NOT NULL DEFAULT (0), \"body\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_support_ticket_replies_ticket_created\" ON \"support_ticket_replies\" (\"ticketId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_resolved\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_created\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_assignee_status\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_status_activity\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_requester_activity\"");
    await queryRunner.query("DROP INDEX \"UQ_support_tickets_number\"");
    await queryRunner.query("CREATE TABLE \"temporary_support_tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"number\" integer NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" text NOT NULL, \"category\" varchar(20) NOT NULL, \"priority\" varchar(10) NOT NULL, \"status\" varchar(10) NOT NULL, \"source\" varchar(10) NOT NULL, \"requesterId\" varchar(36), \"requesterRole\" varchar(20), \"requesterName\" varchar(200) NOT NULL, \"requesterEmail\" varchar(254) NOT NULL, \"assigneeId\" varchar(36), \"tags\" varchar(400) NOT NULL DEFAULT (''), \"firstResponseAt\" datetime(3), \"resolvedAt\" datetime(3), \"closedAt\" datetime(3), \"lastActivityAt\" datetime(3) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_b5a4d6e32a32c86583de6354aa0\" FOREIGN KEY (\"requesterId\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_2f1a2d477de650a8abb9af37d52\" FOREIGN KEY (\"assigneeId\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_support_tickets\"(\"id\", \"number\", \"subject\", \"body\", \"category\", \"priority\", \"status\", \"source\", \"requesterId\", \"requesterRole\", \"requesterName\", \"requesterEmail\", \"assigneeId\", \"tags\", \"firstResponseAt\", \"resolvedAt\", \"closedAt\", \"lastActivityAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"number\", \"subject\", \"body\", \"category\", \"priority\", \"status\", \"source\", \"requesterId\", \"requesterRole\", \"requesterName\", \"requesterEmail\", \"assigneeId\", \"tags\", \"firstResponseAt\", \"resolvedAt\", \"closedAt\", \"lastActivityAt\", \"createdAt\", \"updatedAt\" FROM \"support_tickets\"");
    await queryRunner.query("DROP TABLE \"support_tickets\"");
    await queryRunner.query("ALTER TABLE \"temporary_support_tickets\" RENAME TO \"support_tickets\"");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_resolved\" ON \"support_tickets\" (\"resolvedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_created\" ON \"support_tickets\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_assignee_status\" ON \"support_tickets\" (\"assigneeId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_status_activity\" ON \"support_tickets\" (\"status\", \"lastActivityAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_requester_activity\" ON \"support_tickets\" (\"requesterId\", \"lastActivityAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_support_tickets_number\" ON \"support_tickets\" (\"number\") ");
    await queryRunner.query("DROP INDEX \"IDX_support_ticket_events_ticket_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_support_ticket_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticketId\" varchar(36) NOT NULL, \"actorId\" varchar(36), \"actorName\" varchar(200) NOT NULL, \"type\" varchar(20) NOT NULL, \"fromValue\" varchar(400), \"toValue\" varchar(400), \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_2d910795e7c54d7c2a6c239428c\" FOREIGN KEY (\"ticketId\") REFERENCES \"support_tickets\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_support_ticket_events\"(\"id\", \"ticketId\", \"actorId\", \"actorName\", \"type\", \"fromValue\", \"toValue\", \"createdAt\") SELECT \"id\", \"ticketId\", \"actorId\", \"actorName\", \"type\", \"fromValue\", \"toValue\", \"createdAt\" FROM \"support_ticket_events\"");
    await queryRunner.query("DROP TABLE \"support_ticket_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_support_ticket_events\" RENAME TO \"support_ticket_events\"");
    await queryRunner.query("CREATE INDEX \"IDX_support_ticket_events_ticket_created\" ON \"support_ticket_events\" (\"ticketId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_support_ticket_replies_ticket_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_support_ticket_replies\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticketId\" varchar(36) NOT NULL, \"authorId\" varchar(36), \"authorName\" varchar(200) NOT NULL, \"side\" varchar(10) NOT NULL, \"internal\" boolean NOT NULL DEFAULT (0), \"body\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_aa00ee053c9ed4ea354f68962c8\" FOREIGN KEY (\"ticketId\") REFERENCES \"support_tickets\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_support_ticket_replies\"(\"id\", \"ticketId\", \"authorId\", \"authorName\", \"side\", \"internal\", \"body\", \"createdAt\") SELECT \"id\", \"ticketId\", \"authorId\", \"authorName\", \"side\", \"internal\", \"body\", \"createdAt\" FROM \"support_ticket_replies\"");
    await queryRunner.query("DROP TABLE \"support_ticket_replies\"");
    await queryRunner.query("ALTER TABLE \"temporary_support_ticket_replies\" RENAME TO \"support_ticket_replies\"");
    await queryRunner.query("CREATE INDEX \"IDX_support_ticket_replies_ticket_created\" ON \"support_ticket_replies\" (\"ticketId\", \"createdAt\") ");
    // Hand-written: the admin search's FTS5 indexes over support_tickets (subject, body) and
    // support_ticket_replies.body, external-content tables kept in step by triggers. A later
    // migration that rebuilds either table (SQLite's way to alter one) must recreate these
    // triggers and run the 'rebuild' command again.
    await queryRunner.query("CREATE VIRTUAL TABLE \"support_tickets_fts\" USING fts5(\"subject\", \"body\", content='support_tickets', tokenize='unicode61 remove_diacritics 2')");
    await queryRunner.query("CREATE TRIGGER \"support_tickets_fts_insert\" AFTER INSERT ON \"support_tickets\" BEGIN INSERT INTO \"support_tickets_fts\"(rowid, \"subject\", \"body\") VALUES (new.rowid, new.\"subject\", new.\"body\"); END");
    await queryRunner.query("CREATE TRIGGER \"support_tickets_fts_delete\" AFTER DELETE ON \"support_tickets\" BEGIN INSERT INTO \"support_tickets_fts\"(\"support_tickets_fts\", rowid, \"subject\", \"body\") VALUES ('delete', old.rowid, old.\"subject\", old.\"body\"); END");
    await queryRunner.query("CREATE TRIGGER \"support_tickets_fts_update\" AFTER UPDATE OF \"subject\", \"body\" ON \"support_tickets\" BEGIN INSERT INTO \"support_tickets_fts\"(\"support_tickets_fts\", rowid, \"subject\", \"body\") VALUES ('delete', old.rowid, old.\"subject\", old.\"body\"); INSERT INTO \"support_tickets_fts\"(rowid, \"subject\", \"body\") VALUES (new.rowid, new.\"subject\", new.\"body\"); END");
    await queryRunner.query("INSERT INTO \"support_tickets_fts\"(\"support_tickets_fts\") VALUES ('rebuild')");
    await queryRunner.query("CREATE VIRTUAL TABLE \"support_ticket_replies_fts\" USING fts5(\"body\", content='support_ticket_replies', tokenize='unicode61 remove_diacritics 2')");
    await queryRunner.query("CREATE TRIGGER \"support_ticket_replies_fts_insert\" AFTER INSERT ON \"support_ticket_replies\" BEGIN INSERT INTO \"support_ticket_replies_fts\"(rowid, \"body\") VALUES (new.rowid, new.\"body\"); END");
    await queryRunner.query("CREATE TRIGGER \"support_ticket_replies_fts_delete\" AFTER DELETE ON \"support_ticket_replies\" BEGIN INSERT INTO \"support_ticket_replies_fts\"(\"support_ticket_replies_fts\", rowid, \"body\") VALUES ('delete', old.rowid, old.\"body\"); END");
    await queryRunner.query("CREATE TRIGGER \"support_ticket_replies_fts_update\" AFTER UPDATE OF \"body\" ON \"support_ticket_replies\" BEGIN INSERT INTO \"support_ticket_replies_fts\"(\"support_ticket_replies_fts\", rowid, \"body\") VALUES ('delete', old.rowid, old.\"body\"); INSERT INTO \"support_ticket_replies_fts\"(rowid, \"body\") VALUES (new.rowid, new.\"body\"); END");
    await queryRunner.query("INSERT INTO \"support_ticket_replies_fts\"(\"support_ticket_replies_fts\") VALUES ('rebuild')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TRIGGER IF EXISTS \"support_ticket_replies_fts_update\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"support_ticket_replies_fts_delete\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"support_ticket_replies_fts_insert\"");
    await queryRunner.query("DROP TABLE IF EXISTS \"support_ticket_replies_fts\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"support_tickets_fts_update\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"support_tickets_fts_delete\"");
    await queryRunner.query("DROP TRIGGER IF EXISTS \"support_tickets_fts_insert\"");
    await queryRunner.query("DROP TABLE IF EXISTS \"support_tickets_fts\"");
    await queryRunner.query("DROP INDEX \"IDX_support_ticket_replies_ticket_created\"");
    await queryRunner.query("ALTER TABLE \"support_ticket_replies\" RENAME TO \"temporary_support_ticket_replies\"");
    await queryRunner.query("CREATE TABLE \"support_ticket_replies\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticketId\" varchar(36) NOT NULL, \"authorId\" varchar(36), \"authorName\" varchar(200) NOT NULL, \"side\" varchar(10) NOT NULL, \"internal\" boolean NOT NULL DEFAULT (0), \"body\" text NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"support_ticket_replies\"(\"id\", \"ticketId\", \"authorId\", \"authorName\", \"side\", \"internal\", \"body\", \"createdAt\") SELECT \"id\", \"ticketId\", \"authorId\", \"authorName\", \"side\", \"internal\", \"body\", \"createdAt\" FROM \"temporary_support_ticket_replies\"");
    await queryRunner.query("DROP TABLE \"temporary_support_ticket_replies\"");
    await queryRunner.query("CREATE INDEX \"IDX_support_ticket_replies_ticket_created\" ON \"support_ticket_replies\" (\"ticketId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_support_ticket_events_ticket_created\"");
    await queryRunner.query("ALTER TABLE \"support_ticket_events\" RENAME TO \"temporary_support_ticket_events\"");
    await queryRunner.query("CREATE TABLE \"support_ticket_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ticketId\" varchar(36) NOT NULL, \"actorId\" varchar(36), \"actorName\" varchar(200) NOT NULL, \"type\" varchar(20) NOT NULL, \"fromValue\" varchar(400), \"toValue\" varchar(400), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"support_ticket_events\"(\"id\", \"ticketId\", \"actorId\", \"actorName\", \"type\", \"fromValue\", \"toValue\", \"createdAt\") SELECT \"id\", \"ticketId\", \"actorId\", \"actorName\", \"type\", \"fromValue\", \"toValue\", \"createdAt\" FROM \"temporary_support_ticket_events\"");
    await queryRunner.query("DROP TABLE \"temporary_support_ticket_events\"");
    await queryRunner.query("CREATE INDEX \"IDX_support_ticket_events_ticket_created\" ON \"support_ticket_events\" (\"ticketId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_support_tickets_number\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_requester_activity\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_status_activity\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_assignee_status\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_created\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_resolved\"");
    await queryRunner.query("ALTER TABLE \"support_tickets\" RENAME TO \"temporary_support_tickets\"");
    await queryRunner.query("CREATE TABLE \"support_tickets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"number\" integer NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" text NOT NULL, \"category\" varchar(20) NOT NULL, \"priority\" varchar(10) NOT NULL, \"status\" varchar(10) NOT NULL, \"source\" varchar(10) NOT NULL, \"requesterId\" varchar(36), \"requesterRole\" varchar(20), \"requesterName\" varchar(200) NOT NULL, \"requesterEmail\" varchar(254) NOT NULL, \"assigneeId\" varchar(36), \"tags\" varchar(400) NOT NULL DEFAULT (''), \"firstResponseAt\" datetime(3), \"resolvedAt\" datetime(3), \"closedAt\" datetime(3), \"lastActivityAt\" datetime(3) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"support_tickets\"(\"id\", \"number\", \"subject\", \"body\", \"category\", \"priority\", \"status\", \"source\", \"requesterId\", \"requesterRole\", \"requesterName\", \"requesterEmail\", \"assigneeId\", \"tags\", \"firstResponseAt\", \"resolvedAt\", \"closedAt\", \"lastActivityAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"number\", \"subject\", \"body\", \"category\", \"priority\", \"status\", \"source\", \"requesterId\", \"requesterRole\", \"requesterName\", \"requesterEmail\", \"assigneeId\", \"tags\", \"firstResponseAt\", \"resolvedAt\", \"closedAt\", \"lastActivityAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_support_tickets\"");
    await queryRunner.query("DROP TABLE \"temporary_support_tickets\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_support_tickets_number\" ON \"support_tickets\" (\"number\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_requester_activity\" ON \"support_tickets\" (\"requesterId\", \"lastActivityAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_status_activity\" ON \"support_tickets\" (\"status\", \"lastActivityAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_assignee_status\" ON \"support_tickets\" (\"assigneeId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_created\" ON \"support_tickets\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_support_tickets_resolved\" ON \"support_tickets\" (\"resolvedAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_support_ticket_replies_ticket_created\"");
    await queryRunner.query("DROP TABLE \"support_ticket_replies\"");
    await queryRunner.query("DROP INDEX \"IDX_support_ticket_events_ticket_created\"");
    await queryRunner.query("DROP TABLE \"support_ticket_events\"");
    await queryRunner.query("DROP INDEX \"UQ_support_tickets_number\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_requester_activity\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_status_activity\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_assignee_status\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_created\"");
    await queryRunner.query("DROP INDEX \"IDX_support_tickets_resolved\"");
    await queryRunner.query("DROP TABLE \"support_tickets\"");
  }
}
