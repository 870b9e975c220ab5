import { MigrationInterface, QueryRunner } from 'typeorm';

const q = (name: string) => `"${name}"`;

/** Reply rate and time: when a parent first wrote into a conversation and when the childminder first answered. */
export class ReplyTimes1796673753736 implements MigrationInterface {
  name = 'ReplyTimes1796673753736';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "conversations" ADD COLUMN "parentAskedAt" datetime(3)');
    await queryRunner.query('ALTER TABLE "conversations" ADD COLUMN "childminderAnsweredAt" datetime(3)');
    await queryRunner.query(
      'CREATE INDEX "IDX_conversations_childminder_asked" ON "conversations" ("childminderId", "parentAskedAt")',
    );
    // Conversations that already exist: the parent asked if the first message was theirs; her answer is her first message.
    await queryRunner.query(
      `UPDATE ${q('conversations')} SET ${q('parentAskedAt')} = (SELECT MIN(m.${q('createdAt')}) FROM ${q('messages')} m WHERE m.${q('conversationId')} = ${q('conversations')}.${q('id')}) WHERE (SELECT m.${q('senderId')} FROM ${q('messages')} m WHERE m.${q('conversationId')} = ${q('conversations')}.${q('id')} ORDER BY m.${q('createdAt')}, m.${q('id')} LIMIT 1) = ${q('parentId')}`,
    );
    await queryRunner.query(
      `UPDATE ${q('conversations')} SET ${q('childminderAnsweredAt')} = (SELECT MIN(m.${q('createdAt')}) FROM ${q('messages')} m WHERE m.${q('conversationId')} = ${q('conversations')}.${q('id')} AND m.${q('senderId')} = ${q('conversations')}.${q('childminderId')}) WHERE ${q('parentAskedAt')} IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_conversations_childminder_asked"');
    await queryRunner.query('ALTER TABLE "conversations" DROP COLUMN "childminderAnsweredAt"');
    await queryRunner.query('ALTER TABLE "conversations" DROP COLUMN "parentAskedAt"');
  }
}
