import { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageDigests1795927193774 implements MigrationInterface {
  name = 'MessageDigests1795927193774';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_conversations_pair\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_parent_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_childminder_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_last\"");
    await queryRunner.query("CREATE TABLE \"temporary_conversations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"lastMessageAt\" datetime(3), \"parentLastReadAt\" datetime(3), \"childminderLastReadAt\" datetime(3), \"blockedById\" varchar(36), \"blockedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"parentDigestedUpTo\" datetime(3), \"childminderDigestedUpTo\" datetime(3), CONSTRAINT \"FK_975b1937cbb1e36f8a2516a186d\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_b5d5608f3b659e1256db04ad08f\" FOREIGN KEY (\"parentId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_conversations\"(\"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\") SELECT \"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\" FROM \"conversations\"");
    await queryRunner.query("DROP TABLE \"conversations\"");
    await queryRunner.query("ALTER TABLE \"temporary_conversations\" RENAME TO \"conversations\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_conversations_pair\" ON \"conversations\" (\"parentId\", \"childminderId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_parent_last\" ON \"conversations\" (\"parentId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_childminder_last\" ON \"conversations\" (\"childminderId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_last\" ON \"conversations\" (\"lastMessageAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_conversations_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_childminder_last\"");
    await queryRunner.query("DROP INDEX \"IDX_conversations_parent_last\"");
    await queryRunner.query("DROP INDEX \"UQ_conversations_pair\"");
    await queryRunner.query("ALTER TABLE \"conversations\" RENAME TO \"temporary_conversations\"");
    await queryRunner.query("CREATE TABLE \"conversations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"childminderId\" varchar(36) NOT NULL, \"lastMessageAt\" datetime(3), \"parentLastReadAt\" datetime(3), \"childminderLastReadAt\" datetime(3), \"blockedById\" varchar(36), \"blockedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL, CONSTRAINT \"FK_975b1937cbb1e36f8a2516a186d\" FOREIGN KEY (\"childminderId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_b5d5608f3b659e1256db04ad08f\" FOREIGN KEY (\"parentId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"conversations\"(\"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\") SELECT \"id\", \"parentId\", \"childminderId\", \"lastMessageAt\", \"parentLastReadAt\", \"childminderLastReadAt\", \"blockedById\", \"blockedAt\", \"createdAt\" FROM \"temporary_conversations\"");
    await queryRunner.query("DROP TABLE \"temporary_conversations\"");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_last\" ON \"conversations\" (\"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_childminder_last\" ON \"conversations\" (\"childminderId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_conversations_parent_last\" ON \"conversations\" (\"parentId\", \"lastMessageAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_conversations_pair\" ON \"conversations\" (\"parentId\", \"childminderId\") ");
  }
}
