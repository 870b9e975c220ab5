import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillAvailabilityCoverage } from '../shared/availability-coverage-backfill';

export class AvailabilityCoverage1796674131028 implements MigrationInterface {
  name = 'AvailabilityCoverage1796674131028';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `availability_coverage` (`childminderId` varchar(36) NOT NULL, `weekStart` varchar(10) NOT NULL, `weekday` smallint NOT NULL, `openFrom` smallint NOT NULL, `openTo` smallint NOT NULL, INDEX `IDX_availability_coverage_week` (`weekStart`), PRIMARY KEY (`childminderId`, `weekStart`, `weekday`, `openFrom`, `openTo`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `availability_coverage_stamps` (`childminderId` varchar(36) NOT NULL, `throughWeek` varchar(10) NOT NULL, PRIMARY KEY (`childminderId`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `availability_coverage` ADD CONSTRAINT `FK_8ee0e71379d0bc769d1261a0fcc` FOREIGN KEY (`childminderId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `availability_coverage_stamps` ADD CONSTRAINT `FK_9683057e95360850a3e5e707121` FOREIGN KEY (`childminderId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    // The open time of every childminder's blocks, for the search by days and times.
    await backfillAvailabilityCoverage(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `availability_coverage_stamps` DROP FOREIGN KEY `FK_9683057e95360850a3e5e707121`");
    await queryRunner.query("ALTER TABLE `availability_coverage` DROP FOREIGN KEY `FK_8ee0e71379d0bc769d1261a0fcc`");
    await queryRunner.query("DROP TABLE `availability_coverage_stamps`");
    await queryRunner.query("DROP INDEX `IDX_availability_coverage_week` ON `availability_coverage`");
    await queryRunner.query("DROP TABLE `availability_coverage`");
  }
}
