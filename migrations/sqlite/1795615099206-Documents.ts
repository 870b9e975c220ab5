import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795615099206 implements MigrationInterface {
  name = 'Documents1795615099206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"documents\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"name\" varchar(150) NOT NULL, \"description\" text, \"issuedOn\" date, \"expiresOn\" date, \"originalFileName\" varchar(255) NOT NULL, \"contentType\" varchar(100) NOT NULL, \"sizeBytes\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"storageKey\" varchar(100) NOT NULL, \"status\" varchar(20) NOT NULL DEFAULT ('pending'), \"reviewedById\" varchar(36), \"reviewReason\" varchar(1000), \"reviewedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_documents_storage_key\" ON \"documents\" (\"storageKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_expiry\" ON \"documents\" (\"expiresOn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_status_type_created\" ON \"documents\" (\"status\", \"type\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_user_created\" ON \"documents\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"profile_images\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"storageKey\" varchar(100) NOT NULL, \"contentType\" varchar(100) NOT NULL, \"sizeBytes\" integer NOT NULL, \"width\" integer NOT NULL, \"height\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_profile_images_user\" ON \"profile_images\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_profile_images_storage_key\" ON \"profile_images\" (\"storageKey\") ");
    await queryRunner.query("DROP INDEX \"UQ_documents_storage_key\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_expiry\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_status_type_created\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_user_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_documents\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"name\" varchar(150) NOT NULL, \"description\" text, \"issuedOn\" date, \"expiresOn\" date, \"originalFileName\" varchar(255) NOT NULL, \"contentType\" varchar(100) NOT NULL, \"sizeBytes\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"storageKey\" varchar(100) NOT NULL, \"status\" varchar(20) NOT NULL DEFAULT ('pending'), \"reviewedById\" varchar(36), \"reviewReason\" varchar(1000), \"reviewedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_e300b5c2e3fefa9d6f8a3f25975\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_423750cc7e68db2881feaf22c83\" FOREIGN KEY (\"reviewedById\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_documents\"(\"id\", \"userId\", \"type\", \"name\", \"description\", \"issuedOn\", \"expiresOn\", \"originalFileName\", \"contentType\", \"sizeBytes\", \"sha256\", \"storageKey\", \"status\", \"reviewedById\", \"reviewReason\", \"reviewedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"type\", \"name\", \"description\", \"issuedOn\", \"expiresOn\", \"originalFileName\", \"contentType\", \"sizeBytes\", \"sha256\", \"storageKey\", \"status\", \"reviewedById\", \"reviewReason\", \"reviewedAt\", \"createdAt\", \"updatedAt\" FROM \"documents\"");
    await queryRunner.query("DROP TABLE \"documents\"");
    await queryRunner.query("ALTER TABLE \"temporary_documents\" RENAME TO \"documents\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_documents_storage_key\" ON \"documents\" (\"storageKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_expiry\" ON \"documents\" (\"expiresOn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_status_type_created\" ON \"documents\" (\"status\", \"type\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_user_created\" ON \"documents\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"UQ_profile_images_user\"");
    await queryRunner.query("DROP INDEX \"UQ_profile_images_storage_key\"");
    await queryRunner.query("CREATE TABLE \"temporary_profile_images\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"storageKey\" varchar(100) NOT NULL, \"contentType\" varchar(100) NOT NULL, \"sizeBytes\" integer NOT NULL, \"width\" integer NOT NULL, \"height\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_287828b93094411cf16c23c3d5c\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_profile_images\"(\"id\", \"userId\", \"storageKey\", \"contentType\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"createdAt\") SELECT \"id\", \"userId\", \"storageKey\", \"contentType\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"createdAt\" FROM \"profile_images\"");
    await queryRunner.query("DROP TABLE \"profile_images\"");
    await queryRunner.query("ALTER TABLE \"temporary_profile_images\" RENAME TO \"profile_images\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_profile_images_user\" ON \"profile_images\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_profile_images_storage_key\" ON \"profile_images\" (\"storageKey\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_profile_images_storage_key\"");
    await queryRunner.query("DROP INDEX \"UQ_profile_images_user\"");
    await queryRunner.query("ALTER TABLE \"profile_images\" RENAME TO \"temporary_profile_images\"");
    await queryRunner.query("CREATE TABLE \"profile_images\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"storageKey\" varchar(100) NOT NULL, \"contentType\" varchar(100) NOT NULL, \"sizeBytes\" integer NOT NULL, \"width\" integer NOT NULL, \"height\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"profile_images\"(\"id\", \"userId\", \"storageKey\", \"contentType\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"createdAt\") SELECT \"id\", \"userId\", \"storageKey\", \"contentType\", \"sizeBytes\", \"width\", \"height\", \"sha256\", \"createdAt\" FROM \"temporary_profile_images\"");
    await queryRunner.query("DROP TABLE \"temporary_profile_images\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_profile_images_storage_key\" ON \"profile_images\" (\"storageKey\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_profile_images_user\" ON \"profile_images\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"IDX_documents_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_status_type_created\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_expiry\"");
    await queryRunner.query("DROP INDEX \"UQ_documents_storage_key\"");
    await queryRunner.query("ALTER TABLE \"documents\" RENAME TO \"temporary_documents\"");
    await queryRunner.query("CREATE TABLE \"documents\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"type\" varchar(40) NOT NULL, \"name\" varchar(150) NOT NULL, \"description\" text, \"issuedOn\" date, \"expiresOn\" date, \"originalFileName\" varchar(255) NOT NULL, \"contentType\" varchar(100) NOT NULL, \"sizeBytes\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"storageKey\" varchar(100) NOT NULL, \"status\" varchar(20) NOT NULL DEFAULT ('pending'), \"reviewedById\" varchar(36), \"reviewReason\" varchar(1000), \"reviewedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"documents\"(\"id\", \"userId\", \"type\", \"name\", \"description\", \"issuedOn\", \"expiresOn\", \"originalFileName\", \"contentType\", \"sizeBytes\", \"sha256\", \"storageKey\", \"status\", \"reviewedById\", \"reviewReason\", \"reviewedAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"type\", \"name\", \"description\", \"issuedOn\", \"expiresOn\", \"originalFileName\", \"contentType\", \"sizeBytes\", \"sha256\", \"storageKey\", \"status\", \"reviewedById\", \"reviewReason\", \"reviewedAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_documents\"");
    await queryRunner.query("DROP TABLE \"temporary_documents\"");
    await queryRunner.query("CREATE INDEX \"IDX_documents_user_created\" ON \"documents\" (\"userId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_status_type_created\" ON \"documents\" (\"status\", \"type\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_documents_expiry\" ON \"documents\" (\"expiresOn\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_documents_storage_key\" ON \"documents\" (\"storageKey\") ");
    await queryRunner.query("DROP INDEX \"UQ_profile_images_storage_key\"");
    await queryRunner.query("DROP INDEX \"UQ_profile_images_user\"");
    await queryRunner.query("DROP TABLE \"profile_images\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_user_created\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_status_type_created\"");
    await queryRunner.query("DROP INDEX \"IDX_documents_expiry\"");
    await queryRunner.query("DROP INDEX \"UQ_documents_storage_key\"");
    await queryRunner.query("DROP TABLE \"documents\"");
  }
}
