import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminPeople1796650621529 implements MigrationInterface {
  name = 'AdminPeople1796650621529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"admin_preferences\" (\"userId\" varchar(36) PRIMARY KEY NOT NULL, \"notifications\" text NOT NULL, \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_users_status\" ON \"users\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_users_created_at\" ON \"users\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_job_runs_outcome_started\" ON \"job_runs\" (\"outcome\", \"startedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_subscriptions_canceled_at\" ON \"subscriptions\" (\"canceledAt\") ");
    await queryRunner.query("CREATE TABLE \"temporary_admin_preferences\" (\"userId\" varchar(36) PRIMARY KEY NOT NULL, \"notifications\" text NOT NULL, \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_c84d0cd77a19332301bdeed3509\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_admin_preferences\"(\"userId\", \"notifications\", \"updatedAt\") SELECT \"userId\", \"notifications\", \"updatedAt\" FROM \"admin_preferences\"");
    await queryRunner.query("DROP TABLE \"admin_preferences\"");
    await queryRunner.query("ALTER TABLE \"temporary_admin_preferences\" RENAME TO \"admin_preferences\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"admin_preferences\" RENAME TO \"temporary_admin_preferences\"");
    await queryRunner.query("CREATE TABLE \"admin_preferences\" (\"userId\" varchar(36) PRIMARY KEY NOT NULL, \"notifications\" text NOT NULL, \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"admin_preferences\"(\"userId\", \"notifications\", \"updatedAt\") SELECT \"userId\", \"notifications\", \"updatedAt\" FROM \"temporary_admin_preferences\"");
    await queryRunner.query("DROP TABLE \"temporary_admin_preferences\"");
    await queryRunner.query("DROP INDEX \"IDX_subscriptions_canceled_at\"");
    await queryRunner.query("DROP INDEX \"IDX_job_runs_outcome_started\"");
    await queryRunner.query("DROP INDEX \"IDX_users_created_at\"");
    await queryRunner.query("DROP INDEX \"IDX_users_status\"");
    await queryRunner.query("DROP TABLE \"admin_preferences\"");
  }
}
