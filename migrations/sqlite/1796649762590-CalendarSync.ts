import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarSync1796649762590 implements MigrationInterface {
  name = 'CalendarSync1796649762590';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"calendar_connections\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"status\" varchar(20) NOT NULL, \"googleEmail\" varchar(254), \"calendarId\" varchar(255), \"calendarName\" varchar(255), \"accessTokenSealed\" text NOT NULL, \"refreshTokenSealed\" text NOT NULL, \"accessTokenExpiresAt\" datetime, \"lastSyncAt\" datetime, \"lastSyncResult\" text, \"lastError\" varchar(500), \"nextPushAt\" datetime NOT NULL, \"failedAttempts\" integer NOT NULL DEFAULT (0), \"lastPullAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_connections_user\" ON \"calendar_connections\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_calendar_connections_due\" ON \"calendar_connections\" (\"status\", \"nextPushAt\") ");
    await queryRunner.query("CREATE TABLE \"calendar_event_links\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"entryKey\" varchar(100) NOT NULL, \"calendarId\" varchar(255) NOT NULL, \"googleEventId\" varchar(255) NOT NULL, \"contentHash\" varchar(64) NOT NULL, \"endsAt\" datetime NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_event_links_user_key\" ON \"calendar_event_links\" (\"userId\", \"entryKey\") ");
    await queryRunner.query("CREATE TABLE \"calendar_feeds\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"tokenSealed\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_feeds_user\" ON \"calendar_feeds\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_feeds_token\" ON \"calendar_feeds\" (\"tokenHash\") ");
    await queryRunner.query("CREATE TABLE \"calendar_oauth_states\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"stateHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_oauth_states_hash\" ON \"calendar_oauth_states\" (\"stateHash\") ");
    await queryRunner.query("DROP INDEX \"IDX_availability_blocks_childminder_start\"");
    await queryRunner.query("CREATE TABLE \"temporary_availability_blocks\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"type\" varchar(20) NOT NULL, \"title\" varchar(100) NOT NULL, \"description\" text, \"startsAt\" datetime NOT NULL, \"endsAt\" datetime NOT NULL, \"recurrence\" varchar(500), \"exceptionDates\" text NOT NULL, \"lastEndsAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"source\" varchar(20) NOT NULL DEFAULT ('own'), CONSTRAINT \"FK_547340a1a6a6cb238ada480871c\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_availability_blocks\"(\"id\", \"childminderId\", \"type\", \"title\", \"description\", \"startsAt\", \"endsAt\", \"recurrence\", \"exceptionDates\", \"lastEndsAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"childminderId\", \"type\", \"title\", \"description\", \"startsAt\", \"endsAt\", \"recurrence\", \"exceptionDates\", \"lastEndsAt\", \"createdAt\", \"updatedAt\" FROM \"availability_blocks\"");
    await queryRunner.query("DROP TABLE \"availability_blocks\"");
    await queryRunner.query("ALTER TABLE \"temporary_availability_blocks\" RENAME TO \"availability_blocks\"");
    await queryRunner.query("CREATE INDEX \"IDX_availability_blocks_childminder_start\" ON \"availability_blocks\" (\"childminderId\", \"startsAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_connections_user\"");
    await queryRunner.query("DROP INDEX \"IDX_calendar_connections_due\"");
    await queryRunner.query("CREATE TABLE \"temporary_calendar_connections\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"status\" varchar(20) NOT NULL, \"googleEmail\" varchar(254), \"calendarId\" varchar(255), \"calendarName\" varchar(255), \"accessTokenSealed\" text NOT NULL, \"refreshTokenSealed\" text NOT NULL, \"accessTokenExpiresAt\" datetime, \"lastSyncAt\" datetime, \"lastSyncResult\" text, \"lastError\" varchar(500), \"nextPushAt\" datetime NOT NULL, \"failedAttempts\" integer NOT NULL DEFAULT (0), \"lastPullAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_cd1622c543fece00b3e1212b581\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_calendar_connections\"(\"id\", \"userId\", \"role\", \"status\", \"googleEmail\", \"calendarId\", \"calendarName\", \"accessTokenSealed\", \"refreshTokenSealed\", \"accessTokenExpiresAt\", \"lastSyncAt\", \"lastSyncResult\", \"lastError\", \"nextPushAt\", \"failedAttempts\", \"lastPullAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"role\", \"status\", \"googleEmail\", \"calendarId\", \"calendarName\", \"accessTokenSealed\", \"refreshTokenSealed\", \"accessTokenExpiresAt\", \"lastSyncAt\", \"lastSyncResult\", \"lastError\", \"nextPushAt\", \"failedAttempts\", \"lastPullAt\", \"createdAt\", \"updatedAt\" FROM \"calendar_connections\"");
    await queryRunner.query("DROP TABLE \"calendar_connections\"");
    await queryRunner.query("ALTER TABLE \"temporary_calendar_connections\" RENAME TO \"calendar_connections\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_connections_user\" ON \"calendar_connections\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_calendar_connections_due\" ON \"calendar_connections\" (\"status\", \"nextPushAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_event_links_user_key\"");
    await queryRunner.query("CREATE TABLE \"temporary_calendar_event_links\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"entryKey\" varchar(100) NOT NULL, \"calendarId\" varchar(255) NOT NULL, \"googleEventId\" varchar(255) NOT NULL, \"contentHash\" varchar(64) NOT NULL, \"endsAt\" datetime NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_348144df15504593221931804ad\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_calendar_event_links\"(\"id\", \"userId\", \"entryKey\", \"calendarId\", \"googleEventId\", \"contentHash\", \"endsAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"entryKey\", \"calendarId\", \"googleEventId\", \"contentHash\", \"endsAt\", \"createdAt\", \"updatedAt\" FROM \"calendar_event_links\"");
    await queryRunner.query("DROP TABLE \"calendar_event_links\"");
    await queryRunner.query("ALTER TABLE \"temporary_calendar_event_links\" RENAME TO \"calendar_event_links\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_event_links_user_key\" ON \"calendar_event_links\" (\"userId\", \"entryKey\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_feeds_user\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_feeds_token\"");
    await queryRunner.query("CREATE TABLE \"temporary_calendar_feeds\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"tokenSealed\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_cf31466b7789c6df501598bed0f\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_calendar_feeds\"(\"id\", \"userId\", \"role\", \"tokenHash\", \"tokenSealed\", \"createdAt\") SELECT \"id\", \"userId\", \"role\", \"tokenHash\", \"tokenSealed\", \"createdAt\" FROM \"calendar_feeds\"");
    await queryRunner.query("DROP TABLE \"calendar_feeds\"");
    await queryRunner.query("ALTER TABLE \"temporary_calendar_feeds\" RENAME TO \"calendar_feeds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_feeds_user\" ON \"calendar_feeds\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_feeds_token\" ON \"calendar_feeds\" (\"tokenHash\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_oauth_states_hash\"");
    await queryRunner.query("CREATE TABLE \"temporary_calendar_oauth_states\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"stateHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_8330855cc0322f0f57c9aa3af21\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_calendar_oauth_states\"(\"id\", \"stateHash\", \"userId\", \"role\", \"expiresAt\", \"usedAt\", \"createdAt\") SELECT \"id\", \"stateHash\", \"userId\", \"role\", \"expiresAt\", \"usedAt\", \"createdAt\" FROM \"calendar_oauth_states\"");
    await queryRunner.query("DROP TABLE \"calendar_oauth_states\"");
    await queryRunner.query("ALTER TABLE \"temporary_calendar_oauth_states\" RENAME TO \"calendar_oauth_states\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_oauth_states_hash\" ON \"calendar_oauth_states\" (\"stateHash\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_calendar_oauth_states_hash\"");
    await queryRunner.query("ALTER TABLE \"calendar_oauth_states\" RENAME TO \"temporary_calendar_oauth_states\"");
    await queryRunner.query("CREATE TABLE \"calendar_oauth_states\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"stateHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"calendar_oauth_states\"(\"id\", \"stateHash\", \"userId\", \"role\", \"expiresAt\", \"usedAt\", \"createdAt\") SELECT \"id\", \"stateHash\", \"userId\", \"role\", \"expiresAt\", \"usedAt\", \"createdAt\" FROM \"temporary_calendar_oauth_states\"");
    await queryRunner.query("DROP TABLE \"temporary_calendar_oauth_states\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_oauth_states_hash\" ON \"calendar_oauth_states\" (\"stateHash\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_feeds_token\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_feeds_user\"");
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" RENAME TO \"temporary_calendar_feeds\"");
    await queryRunner.query("CREATE TABLE \"calendar_feeds\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"tokenSealed\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"calendar_feeds\"(\"id\", \"userId\", \"role\", \"tokenHash\", \"tokenSealed\", \"createdAt\") SELECT \"id\", \"userId\", \"role\", \"tokenHash\", \"tokenSealed\", \"createdAt\" FROM \"temporary_calendar_feeds\"");
    await queryRunner.query("DROP TABLE \"temporary_calendar_feeds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_feeds_token\" ON \"calendar_feeds\" (\"tokenHash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_feeds_user\" ON \"calendar_feeds\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_event_links_user_key\"");
    await queryRunner.query("ALTER TABLE \"calendar_event_links\" RENAME TO \"temporary_calendar_event_links\"");
    await queryRunner.query("CREATE TABLE \"calendar_event_links\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"entryKey\" varchar(100) NOT NULL, \"calendarId\" varchar(255) NOT NULL, \"googleEventId\" varchar(255) NOT NULL, \"contentHash\" varchar(64) NOT NULL, \"endsAt\" datetime NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"calendar_event_links\"(\"id\", \"userId\", \"entryKey\", \"calendarId\", \"googleEventId\", \"contentHash\", \"endsAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"entryKey\", \"calendarId\", \"googleEventId\", \"contentHash\", \"endsAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_calendar_event_links\"");
    await queryRunner.query("DROP TABLE \"temporary_calendar_event_links\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_event_links_user_key\" ON \"calendar_event_links\" (\"userId\", \"entryKey\") ");
    await queryRunner.query("DROP INDEX \"IDX_calendar_connections_due\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_connections_user\"");
    await queryRunner.query("ALTER TABLE \"calendar_connections\" RENAME TO \"temporary_calendar_connections\"");
    await queryRunner.query("CREATE TABLE \"calendar_connections\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"role\" varchar(20) NOT NULL, \"status\" varchar(20) NOT NULL, \"googleEmail\" varchar(254), \"calendarId\" varchar(255), \"calendarName\" varchar(255), \"accessTokenSealed\" text NOT NULL, \"refreshTokenSealed\" text NOT NULL, \"accessTokenExpiresAt\" datetime, \"lastSyncAt\" datetime, \"lastSyncResult\" text, \"lastError\" varchar(500), \"nextPushAt\" datetime NOT NULL, \"failedAttempts\" integer NOT NULL DEFAULT (0), \"lastPullAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"calendar_connections\"(\"id\", \"userId\", \"role\", \"status\", \"googleEmail\", \"calendarId\", \"calendarName\", \"accessTokenSealed\", \"refreshTokenSealed\", \"accessTokenExpiresAt\", \"lastSyncAt\", \"lastSyncResult\", \"lastError\", \"nextPushAt\", \"failedAttempts\", \"lastPullAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"role\", \"status\", \"googleEmail\", \"calendarId\", \"calendarName\", \"accessTokenSealed\", \"refreshTokenSealed\", \"accessTokenExpiresAt\", \"lastSyncAt\", \"lastSyncResult\", \"lastError\", \"nextPushAt\", \"failedAttempts\", \"lastPullAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_calendar_connections\"");
    await queryRunner.query("DROP TABLE \"temporary_calendar_connections\"");
    await queryRunner.query("CREATE INDEX \"IDX_calendar_connections_due\" ON \"calendar_connections\" (\"status\", \"nextPushAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_calendar_connections_user\" ON \"calendar_connections\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"IDX_availability_blocks_childminder_start\"");
    await queryRunner.query("ALTER TABLE \"availability_blocks\" RENAME TO \"temporary_availability_blocks\"");
    await queryRunner.query("CREATE TABLE \"availability_blocks\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"type\" varchar(20) NOT NULL, \"title\" varchar(100) NOT NULL, \"description\" text, \"startsAt\" datetime NOT NULL, \"endsAt\" datetime NOT NULL, \"recurrence\" varchar(500), \"exceptionDates\" text NOT NULL, \"lastEndsAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_547340a1a6a6cb238ada480871c\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"availability_blocks\"(\"id\", \"childminderId\", \"type\", \"title\", \"description\", \"startsAt\", \"endsAt\", \"recurrence\", \"exceptionDates\", \"lastEndsAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"childminderId\", \"type\", \"title\", \"description\", \"startsAt\", \"endsAt\", \"recurrence\", \"exceptionDates\", \"lastEndsAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_availability_blocks\"");
    await queryRunner.query("DROP TABLE \"temporary_availability_blocks\"");
    await queryRunner.query("CREATE INDEX \"IDX_availability_blocks_childminder_start\" ON \"availability_blocks\" (\"childminderId\", \"startsAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_calendar_oauth_states_hash\"");
    await queryRunner.query("DROP TABLE \"calendar_oauth_states\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_feeds_token\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_feeds_user\"");
    await queryRunner.query("DROP TABLE \"calendar_feeds\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_event_links_user_key\"");
    await queryRunner.query("DROP TABLE \"calendar_event_links\"");
    await queryRunner.query("DROP INDEX \"IDX_calendar_connections_due\"");
    await queryRunner.query("DROP INDEX \"UQ_calendar_connections_user\"");
    await queryRunner.query("DROP TABLE \"calendar_connections\"");
  }
}
