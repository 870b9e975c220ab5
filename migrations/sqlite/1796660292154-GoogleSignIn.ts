import { MigrationInterface, QueryRunner } from 'typeorm';

export class GoogleSignIn1796660292154 implements MigrationInterface {
  name = 'GoogleSignIn1796660292154';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"google_identities\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"googleSub\" varchar(255) NOT NULL, \"googleEmail\" varchar(254) NOT NULL, \"lastSignInAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_identities_user\" ON \"google_identities\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_identities_sub\" ON \"google_identities\" (\"googleSub\") ");
    await queryRunner.query("CREATE TABLE \"google_pending_sign_ins\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"googleSub\" varchar(255) NOT NULL, \"googleEmail\" varchar(254) NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"userId\" varchar(36), \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_pending_sign_ins_hash\" ON \"google_pending_sign_ins\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_google_pending_sign_ins_expires\" ON \"google_pending_sign_ins\" (\"expiresAt\") ");
    await queryRunner.query("CREATE TABLE \"google_sign_in_states\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"stateHash\" varchar(64) NOT NULL, \"nonce\" varchar(64) NOT NULL, \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_sign_in_states_hash\" ON \"google_sign_in_states\" (\"stateHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_google_sign_in_states_expires\" ON \"google_sign_in_states\" (\"expiresAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_google_identities_user\"");
    await queryRunner.query("DROP INDEX \"UQ_google_identities_sub\"");
    await queryRunner.query("CREATE TABLE \"temporary_google_identities\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"googleSub\" varchar(255) NOT NULL, \"googleEmail\" varchar(254) NOT NULL, \"lastSignInAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_52ff7417a591b985e7e6b7b6679\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_google_identities\"(\"id\", \"userId\", \"googleSub\", \"googleEmail\", \"lastSignInAt\", \"createdAt\") SELECT \"id\", \"userId\", \"googleSub\", \"googleEmail\", \"lastSignInAt\", \"createdAt\" FROM \"google_identities\"");
    await queryRunner.query("DROP TABLE \"google_identities\"");
    await queryRunner.query("ALTER TABLE \"temporary_google_identities\" RENAME TO \"google_identities\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_identities_user\" ON \"google_identities\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_identities_sub\" ON \"google_identities\" (\"googleSub\") ");
    await queryRunner.query("DROP INDEX \"UQ_google_pending_sign_ins_hash\"");
    await queryRunner.query("DROP INDEX \"IDX_google_pending_sign_ins_expires\"");
    await queryRunner.query("CREATE TABLE \"temporary_google_pending_sign_ins\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"googleSub\" varchar(255) NOT NULL, \"googleEmail\" varchar(254) NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"userId\" varchar(36), \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_6a3fb3376db87d130fdfae5920d\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_google_pending_sign_ins\"(\"id\", \"tokenHash\", \"googleSub\", \"googleEmail\", \"firstName\", \"lastName\", \"userId\", \"expiresAt\", \"usedAt\", \"createdAt\") SELECT \"id\", \"tokenHash\", \"googleSub\", \"googleEmail\", \"firstName\", \"lastName\", \"userId\", \"expiresAt\", \"usedAt\", \"createdAt\" FROM \"google_pending_sign_ins\"");
    await queryRunner.query("DROP TABLE \"google_pending_sign_ins\"");
    await queryRunner.query("ALTER TABLE \"temporary_google_pending_sign_ins\" RENAME TO \"google_pending_sign_ins\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_pending_sign_ins_hash\" ON \"google_pending_sign_ins\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_google_pending_sign_ins_expires\" ON \"google_pending_sign_ins\" (\"expiresAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_google_pending_sign_ins_expires\"");
    await queryRunner.query("DROP INDEX \"UQ_google_pending_sign_ins_hash\"");
    await queryRunner.query("ALTER TABLE \"google_pending_sign_ins\" RENAME TO \"temporary_google_pending_sign_ins\"");
    await queryRunner.query("CREATE TABLE \"google_pending_sign_ins\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"googleSub\" varchar(255) NOT NULL, \"googleEmail\" varchar(254) NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"userId\" varchar(36), \"expiresAt\" datetime NOT NULL, \"usedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"google_pending_sign_ins\"(\"id\", \"tokenHash\", \"googleSub\", \"googleEmail\", \"firstName\", \"lastName\", \"userId\", \"expiresAt\", \"usedAt\", \"createdAt\") SELECT \"id\", \"tokenHash\", \"googleSub\", \"googleEmail\", \"firstName\", \"lastName\", \"userId\", \"expiresAt\", \"usedAt\", \"createdAt\" FROM \"temporary_google_pending_sign_ins\"");
    await queryRunner.query("DROP TABLE \"temporary_google_pending_sign_ins\"");
    await queryRunner.query("CREATE INDEX \"IDX_google_pending_sign_ins_expires\" ON \"google_pending_sign_ins\" (\"expiresAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_pending_sign_ins_hash\" ON \"google_pending_sign_ins\" (\"tokenHash\") ");
    await queryRunner.query("DROP INDEX \"UQ_google_identities_sub\"");
    await queryRunner.query("DROP INDEX \"UQ_google_identities_user\"");
    await queryRunner.query("ALTER TABLE \"google_identities\" RENAME TO \"temporary_google_identities\"");
    await queryRunner.query("CREATE TABLE \"google_identities\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"googleSub\" varchar(255) NOT NULL, \"googleEmail\" varchar(254) NOT NULL, \"lastSignInAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"google_identities\"(\"id\", \"userId\", \"googleSub\", \"googleEmail\", \"lastSignInAt\", \"createdAt\") SELECT \"id\", \"userId\", \"googleSub\", \"googleEmail\", \"lastSignInAt\", \"createdAt\" FROM \"temporary_google_identities\"");
    await queryRunner.query("DROP TABLE \"temporary_google_identities\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_identities_sub\" ON \"google_identities\" (\"googleSub\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_google_identities_user\" ON \"google_identities\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"IDX_google_sign_in_states_expires\"");
    await queryRunner.query("DROP INDEX \"UQ_google_sign_in_states_hash\"");
    await queryRunner.query("DROP TABLE \"google_sign_in_states\"");
    await queryRunner.query("DROP INDEX \"IDX_google_pending_sign_ins_expires\"");
    await queryRunner.query("DROP INDEX \"UQ_google_pending_sign_ins_hash\"");
    await queryRunner.query("DROP TABLE \"google_pending_sign_ins\"");
    await queryRunner.query("DROP INDEX \"UQ_google_identities_sub\"");
    await queryRunner.query("DROP INDEX \"UQ_google_identities_user\"");
    await queryRunner.query("DROP TABLE \"google_identities\"");
  }
}
