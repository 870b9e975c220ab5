import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillAvailabilityCoverage } from '../shared/availability-coverage-backfill';

export class AvailabilityCoverage1796674131028 implements MigrationInterface {
  name = 'AvailabilityCoverage1796674131028';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // New tables: created with their foreign keys at once (no rebuild).
    await queryRunner.query("CREATE TABLE \"availability_coverage\" (\"childminderId\" varchar(36) NOT NULL, \"weekStart\" varchar(10) NOT NULL, \"weekday\" smallint NOT NULL, \"openFrom\" smallint NOT NULL, \"openTo\" smallint NOT NULL, CONSTRAINT \"FK_8ee0e71379d0bc769d1261a0fcc\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"childminderId\", \"weekStart\", \"weekday\", \"openFrom\", \"openTo\"))");
    await queryRunner.query("CREATE INDEX \"IDX_availability_coverage_week\" ON \"availability_coverage\" (\"weekStart\") ");
    await queryRunner.query("CREATE TABLE \"availability_coverage_stamps\" (\"childminderId\" varchar(36) PRIMARY KEY NOT NULL, \"throughWeek\" varchar(10) NOT NULL, CONSTRAINT \"FK_9683057e95360850a3e5e707121\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    // The open time of every childminder's blocks, for the search by days and times.
    await backfillAvailabilityCoverage(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"availability_coverage_stamps\"");
    await queryRunner.query("DROP INDEX \"IDX_availability_coverage_week\"");
    await queryRunner.query("DROP TABLE \"availability_coverage\"");
  }
}
