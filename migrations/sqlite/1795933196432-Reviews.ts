import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reviews1795933196432 implements MigrationInterface {
  name = 'Reviews1795933196432';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"bookingId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"parentId\" varchar(36) NOT NULL, \"rating\" integer NOT NULL, \"text\" text, \"reply\" text, \"repliedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_reviews_profile_created\" ON \"reviews\" (\"profileId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_reviews_booking\" ON \"reviews\" (\"bookingId\") ");
    await queryRunner.query("DROP INDEX \"IDX_reviews_profile_created\"");
    await queryRunner.query("DROP INDEX \"UQ_reviews_booking\"");
    await queryRunner.query("CREATE TABLE \"temporary_reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"bookingId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"parentId\" varchar(36) NOT NULL, \"rating\" integer NOT NULL, \"text\" text, \"reply\" text, \"repliedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_c357057587a1c2afae453515bf6\" FOREIGN KEY (\"bookingId\") REFERENCES \"bookings\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_426d6805968f17a40bf7426e1fa\" FOREIGN KEY (\"profileId\") REFERENCES \"childminder_profiles\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_1d02ebeae17c49e542e7b82e5fc\" FOREIGN KEY (\"parentId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_reviews\"(\"id\", \"bookingId\", \"profileId\", \"parentId\", \"rating\", \"text\", \"reply\", \"repliedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"bookingId\", \"profileId\", \"parentId\", \"rating\", \"text\", \"reply\", \"repliedAt\", \"createdAt\", \"updatedAt\" FROM \"reviews\"");
    await queryRunner.query("DROP TABLE \"reviews\"");
    await queryRunner.query("ALTER TABLE \"temporary_reviews\" RENAME TO \"reviews\"");
    await queryRunner.query("CREATE INDEX \"IDX_reviews_profile_created\" ON \"reviews\" (\"profileId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_reviews_booking\" ON \"reviews\" (\"bookingId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_reviews_booking\"");
    await queryRunner.query("DROP INDEX \"IDX_reviews_profile_created\"");
    await queryRunner.query("ALTER TABLE \"reviews\" RENAME TO \"temporary_reviews\"");
    await queryRunner.query("CREATE TABLE \"reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"bookingId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"parentId\" varchar(36) NOT NULL, \"rating\" integer NOT NULL, \"text\" text, \"reply\" text, \"repliedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"reviews\"(\"id\", \"bookingId\", \"profileId\", \"parentId\", \"rating\", \"text\", \"reply\", \"repliedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"bookingId\", \"profileId\", \"parentId\", \"rating\", \"text\", \"reply\", \"repliedAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_reviews\"");
    await queryRunner.query("DROP TABLE \"temporary_reviews\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_reviews_booking\" ON \"reviews\" (\"bookingId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_reviews_profile_created\" ON \"reviews\" (\"profileId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_reviews_booking\"");
    await queryRunner.query("DROP INDEX \"IDX_reviews_profile_created\"");
    await queryRunner.query("DROP TABLE \"reviews\"");
  }
}
