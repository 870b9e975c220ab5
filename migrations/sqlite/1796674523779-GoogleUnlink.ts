import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the owner of a Google-linked account knows its password (unlinking is refused until
 * they do). Existing links count as known: their owners can always set one with a reset link.
 */
export class GoogleUnlink1796674523779 implements MigrationInterface {
  name = 'GoogleUnlink1796674523779';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "google_identities" ADD COLUMN "passwordChosen" boolean NOT NULL DEFAULT (1)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "google_identities" DROP COLUMN "passwordChosen"');
  }
}
