import { MigrationInterface, QueryRunner } from 'typeorm';

export class Operations1796649637637 implements MigrationInterface {
  name = 'Operations1796649637637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"backup_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(10) NOT NULL, \"trigger\" varchar(10) NOT NULL, \"status\" varchar(10) NOT NULL, \"fileName\" varchar(255), \"sizeBytes\" bigint, \"durationMs\" integer, \"startedById\" varchar(36), \"startedByEmail\" varchar(254), \"startedAt\" datetime(3) NOT NULL, \"finishedAt\" datetime(3), \"progress\" integer NOT NULL DEFAULT (0), \"phase\" varchar(200) NOT NULL DEFAULT (''), \"error\" varchar(1000), \"schemaVersion\" varchar(255), \"rowCount\" integer, \"prunedAt\" datetime, \"sourceRunId\" varchar(36))");
    await queryRunner.query("CREATE INDEX \"IDX_backup_runs_started\" ON \"backup_runs\" (\"startedAt\") ");
    await queryRunner.query("CREATE TABLE \"backup_schedule\" (\"id\" varchar(20) PRIMARY KEY NOT NULL, \"frequency\" varchar(10) NOT NULL, \"time\" varchar(5) NOT NULL DEFAULT ('02:00'), \"weekday\" integer, \"cron\" varchar(100), \"retention\" integer NOT NULL DEFAULT (7), \"lastScheduledFor\" datetime, \"updatedBy\" varchar(36), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"log_entries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"severity\" varchar(10) NOT NULL, \"source\" varchar(80) NOT NULL, \"message\" varchar(2000) NOT NULL, \"requestId\" varchar(64), \"userId\" varchar(36), \"instanceId\" varchar(100) NOT NULL, \"details\" text)");
    await queryRunner.query("CREATE INDEX \"IDX_log_entries_request\" ON \"log_entries\" (\"requestId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_log_entries_user\" ON \"log_entries\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_log_entries_severity_created\" ON \"log_entries\" (\"severity\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_log_entries_created\" ON \"log_entries\" (\"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"monitoring_instances\" (\"id\" varchar(100) PRIMARY KEY NOT NULL, \"hostname\" varchar(255) NOT NULL, \"pid\" integer NOT NULL, \"startedAt\" datetime NOT NULL, \"lastSeenAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"request_stats\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"instanceId\" varchar(100) NOT NULL, \"minute\" datetime NOT NULL, \"method\" varchar(10) NOT NULL, \"route\" varchar(200) NOT NULL, \"count\" integer NOT NULL, \"errors\" integer NOT NULL, \"totalMs\" integer NOT NULL, \"b0\" integer NOT NULL DEFAULT (0), \"b1\" integer NOT NULL DEFAULT (0), \"b2\" integer NOT NULL DEFAULT (0), \"b3\" integer NOT NULL DEFAULT (0), \"b4\" integer NOT NULL DEFAULT (0), \"b5\" integer NOT NULL DEFAULT (0), \"b6\" integer NOT NULL DEFAULT (0), \"b7\" integer NOT NULL DEFAULT (0), \"b8\" integer NOT NULL DEFAULT (0), \"b9\" integer NOT NULL DEFAULT (0), \"b10\" integer NOT NULL DEFAULT (0), \"b11\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_request_stats_minute\" ON \"request_stats\" (\"minute\") ");
    await queryRunner.query("CREATE TABLE \"maintenance_state\" (\"id\" varchar(20) PRIMARY KEY NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (0), \"message\" varchar(500) NOT NULL DEFAULT (''), \"expectedEndAt\" datetime, \"updatedBy\" varchar(36), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"maintenance_state\"");
    await queryRunner.query("DROP INDEX \"IDX_request_stats_minute\"");
    await queryRunner.query("DROP TABLE \"request_stats\"");
    await queryRunner.query("DROP TABLE \"monitoring_instances\"");
    await queryRunner.query("DROP INDEX \"IDX_log_entries_created\"");
    await queryRunner.query("DROP INDEX \"IDX_log_entries_severity_created\"");
    await queryRunner.query("DROP INDEX \"IDX_log_entries_user\"");
    await queryRunner.query("DROP INDEX \"IDX_log_entries_request\"");
    await queryRunner.query("DROP TABLE \"log_entries\"");
    await queryRunner.query("DROP TABLE \"backup_schedule\"");
    await queryRunner.query("DROP INDEX \"IDX_backup_runs_started\"");
    await queryRunner.query("DROP TABLE \"backup_runs\"");
  }
}
