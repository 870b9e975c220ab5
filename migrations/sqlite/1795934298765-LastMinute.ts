import { MigrationInterface, QueryRunner } from 'typeorm';

export class LastMinute1795934298765 implements MigrationInterface {
  name = 'LastMinute1795934298765';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"last_minute_openings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"startsAt\" datetime NOT NULL, \"endsAt\" datetime NOT NULL, \"places\" integer NOT NULL, \"ageGroups\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_openings_ends\" ON \"last_minute_openings\" (\"endsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_openings_minder_ends\" ON \"last_minute_openings\" (\"childminderId\", \"endsAt\") ");
    await queryRunner.query("CREATE TABLE \"last_minute_settings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"alertsEnabled\" boolean NOT NULL DEFAULT (0), \"radiusMiles\" integer NOT NULL DEFAULT (5), \"childIds\" text NOT NULL, \"emailAlerts\" boolean NOT NULL DEFAULT (1), \"inAppAlerts\" boolean NOT NULL DEFAULT (1), \"autoAcceptReturningFamilies\" boolean NOT NULL DEFAULT (0), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_settings_alerts\" ON \"last_minute_settings\" (\"alertsEnabled\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_last_minute_settings_user\" ON \"last_minute_settings\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_openings_ends\"");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_openings_minder_ends\"");
    await queryRunner.query("CREATE TABLE \"temporary_last_minute_openings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"startsAt\" datetime NOT NULL, \"endsAt\" datetime NOT NULL, \"places\" integer NOT NULL, \"ageGroups\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_04b3d494c210db930b94cb13f8d\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_b81a37056e713d73649486f72ce\" FOREIGN KEY (\"profileId\") REFERENCES \"childminder_profiles\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_last_minute_openings\"(\"id\", \"childminderId\", \"profileId\", \"startsAt\", \"endsAt\", \"places\", \"ageGroups\", \"createdAt\") SELECT \"id\", \"childminderId\", \"profileId\", \"startsAt\", \"endsAt\", \"places\", \"ageGroups\", \"createdAt\" FROM \"last_minute_openings\"");
    await queryRunner.query("DROP TABLE \"last_minute_openings\"");
    await queryRunner.query("ALTER TABLE \"temporary_last_minute_openings\" RENAME TO \"last_minute_openings\"");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_openings_ends\" ON \"last_minute_openings\" (\"endsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_openings_minder_ends\" ON \"last_minute_openings\" (\"childminderId\", \"endsAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_settings_alerts\"");
    await queryRunner.query("DROP INDEX \"UQ_last_minute_settings_user\"");
    await queryRunner.query("CREATE TABLE \"temporary_last_minute_settings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"alertsEnabled\" boolean NOT NULL DEFAULT (0), \"radiusMiles\" integer NOT NULL DEFAULT (5), \"childIds\" text NOT NULL, \"emailAlerts\" boolean NOT NULL DEFAULT (1), \"inAppAlerts\" boolean NOT NULL DEFAULT (1), \"autoAcceptReturningFamilies\" boolean NOT NULL DEFAULT (0), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_461c08f17cb5ad379d4906eff34\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_last_minute_settings\"(\"id\", \"userId\", \"alertsEnabled\", \"radiusMiles\", \"childIds\", \"emailAlerts\", \"inAppAlerts\", \"autoAcceptReturningFamilies\", \"updatedAt\") SELECT \"id\", \"userId\", \"alertsEnabled\", \"radiusMiles\", \"childIds\", \"emailAlerts\", \"inAppAlerts\", \"autoAcceptReturningFamilies\", \"updatedAt\" FROM \"last_minute_settings\"");
    await queryRunner.query("DROP TABLE \"last_minute_settings\"");
    await queryRunner.query("ALTER TABLE \"temporary_last_minute_settings\" RENAME TO \"last_minute_settings\"");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_settings_alerts\" ON \"last_minute_settings\" (\"alertsEnabled\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_last_minute_settings_user\" ON \"last_minute_settings\" (\"userId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_last_minute_settings_user\"");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_settings_alerts\"");
    await queryRunner.query("ALTER TABLE \"last_minute_settings\" RENAME TO \"temporary_last_minute_settings\"");
    await queryRunner.query("CREATE TABLE \"last_minute_settings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"alertsEnabled\" boolean NOT NULL DEFAULT (0), \"radiusMiles\" integer NOT NULL DEFAULT (5), \"childIds\" text NOT NULL, \"emailAlerts\" boolean NOT NULL DEFAULT (1), \"inAppAlerts\" boolean NOT NULL DEFAULT (1), \"autoAcceptReturningFamilies\" boolean NOT NULL DEFAULT (0), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"last_minute_settings\"(\"id\", \"userId\", \"alertsEnabled\", \"radiusMiles\", \"childIds\", \"emailAlerts\", \"inAppAlerts\", \"autoAcceptReturningFamilies\", \"updatedAt\") SELECT \"id\", \"userId\", \"alertsEnabled\", \"radiusMiles\", \"childIds\", \"emailAlerts\", \"inAppAlerts\", \"autoAcceptReturningFamilies\", \"updatedAt\" FROM \"temporary_last_minute_settings\"");
    await queryRunner.query("DROP TABLE \"temporary_last_minute_settings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_last_minute_settings_user\" ON \"last_minute_settings\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_settings_alerts\" ON \"last_minute_settings\" (\"alertsEnabled\") ");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_openings_minder_ends\"");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_openings_ends\"");
    await queryRunner.query("ALTER TABLE \"last_minute_openings\" RENAME TO \"temporary_last_minute_openings\"");
    await queryRunner.query("CREATE TABLE \"last_minute_openings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"startsAt\" datetime NOT NULL, \"endsAt\" datetime NOT NULL, \"places\" integer NOT NULL, \"ageGroups\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"last_minute_openings\"(\"id\", \"childminderId\", \"profileId\", \"startsAt\", \"endsAt\", \"places\", \"ageGroups\", \"createdAt\") SELECT \"id\", \"childminderId\", \"profileId\", \"startsAt\", \"endsAt\", \"places\", \"ageGroups\", \"createdAt\" FROM \"temporary_last_minute_openings\"");
    await queryRunner.query("DROP TABLE \"temporary_last_minute_openings\"");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_openings_minder_ends\" ON \"last_minute_openings\" (\"childminderId\", \"endsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_last_minute_openings_ends\" ON \"last_minute_openings\" (\"endsAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_last_minute_settings_user\"");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_settings_alerts\"");
    await queryRunner.query("DROP TABLE \"last_minute_settings\"");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_openings_minder_ends\"");
    await queryRunner.query("DROP INDEX \"IDX_last_minute_openings_ends\"");
    await queryRunner.query("DROP TABLE \"last_minute_openings\"");
  }
}
