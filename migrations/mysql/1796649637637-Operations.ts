import { MigrationInterface, QueryRunner } from 'typeorm';

export class Operations1796649637637 implements MigrationInterface {
  name = 'Operations1796649637637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `backup_runs` (`id` varchar(36) NOT NULL, `kind` varchar(10) NOT NULL, `trigger` varchar(10) NOT NULL, `status` varchar(10) NOT NULL, `fileName` varchar(255) NULL, `sizeBytes` bigint NULL, `durationMs` int NULL, `startedById` varchar(36) NULL, `startedByEmail` varchar(254) NULL, `startedAt` datetime(3) NOT NULL, `finishedAt` datetime(3) NULL, `progress` int NOT NULL DEFAULT '0', `phase` varchar(200) NOT NULL DEFAULT '', `error` varchar(1000) NULL, `schemaVersion` varchar(255) NULL, `rowCount` int NULL, `prunedAt` datetime NULL, `sourceRunId` varchar(36) NULL, INDEX `IDX_backup_runs_started` (`startedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `backup_schedule` (`id` varchar(20) NOT NULL, `frequency` varchar(10) NOT NULL, `time` varchar(5) NOT NULL DEFAULT '02:00', `weekday` int NULL, `cron` varchar(100) NULL, `retention` int NOT NULL DEFAULT '7', `lastScheduledFor` datetime NULL, `updatedBy` varchar(36) NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `log_entries` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `severity` varchar(10) NOT NULL, `source` varchar(80) NOT NULL, `message` varchar(2000) NOT NULL, `requestId` varchar(64) NULL, `userId` varchar(36) NULL, `instanceId` varchar(100) NOT NULL, `details` text NULL, INDEX `IDX_log_entries_request` (`requestId`), INDEX `IDX_log_entries_user` (`userId`), INDEX `IDX_log_entries_severity_created` (`severity`, `createdAt`), INDEX `IDX_log_entries_created` (`createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `monitoring_instances` (`id` varchar(100) NOT NULL, `hostname` varchar(255) NOT NULL, `pid` int NOT NULL, `startedAt` datetime NOT NULL, `lastSeenAt` datetime NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `request_stats` (`id` varchar(36) NOT NULL, `instanceId` varchar(100) NOT NULL, `minute` datetime NOT NULL, `method` varchar(10) NOT NULL, `route` varchar(200) NOT NULL, `count` int NOT NULL, `errors` int NOT NULL, `totalMs` int NOT NULL, `b0` int NOT NULL DEFAULT '0', `b1` int NOT NULL DEFAULT '0', `b2` int NOT NULL DEFAULT '0', `b3` int NOT NULL DEFAULT '0', `b4` int NOT NULL DEFAULT '0', `b5` int NOT NULL DEFAULT '0', `b6` int NOT NULL DEFAULT '0', `b7` int NOT NULL DEFAULT '0', `b8` int NOT NULL DEFAULT '0', `b9` int NOT NULL DEFAULT '0', `b10` int NOT NULL DEFAULT '0', `b11` int NOT NULL DEFAULT '0', INDEX `IDX_request_stats_minute` (`minute`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `maintenance_state` (`id` varchar(20) NOT NULL, `enabled` tinyint NOT NULL DEFAULT 0, `message` varchar(500) NOT NULL DEFAULT '', `expectedEndAt` datetime NULL, `updatedBy` varchar(36) NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `maintenance_state`");
    await queryRunner.query("DROP INDEX `IDX_request_stats_minute` ON `request_stats`");
    await queryRunner.query("DROP TABLE `request_stats`");
    await queryRunner.query("DROP TABLE `monitoring_instances`");
    await queryRunner.query("DROP INDEX `IDX_log_entries_created` ON `log_entries`");
    await queryRunner.query("DROP INDEX `IDX_log_entries_severity_created` ON `log_entries`");
    await queryRunner.query("DROP INDEX `IDX_log_entries_user` ON `log_entries`");
    await queryRunner.query("DROP INDEX `IDX_log_entries_request` ON `log_entries`");
    await queryRunner.query("DROP TABLE `log_entries`");
    await queryRunner.query("DROP TABLE `backup_schedule`");
    await queryRunner.query("DROP INDEX `IDX_backup_runs_started` ON `backup_runs`");
    await queryRunner.query("DROP TABLE `backup_runs`");
  }
}
