import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRecommendations1796649814618 implements MigrationInterface {
  name = 'AddRecommendations1796649814618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"recommendation_impressions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"setId\" varchar(36) NOT NULL, \"parentId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"position\" integer NOT NULL, \"features\" text NOT NULL, \"matchScore\" integer NOT NULL, \"modelVersion\" integer NOT NULL, \"shownAt\" datetime NOT NULL DEFAULT (datetime('now')), \"clickedAt\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_recommendation_impressions_shown\" ON \"recommendation_impressions\" (\"shownAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_recommendation_impressions_parent_shown\" ON \"recommendation_impressions\" (\"parentId\", \"shownAt\") ");
    await queryRunner.query("CREATE TABLE \"recommendation_models\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"version\" integer NOT NULL, \"weights\" text NOT NULL, \"choiceSets\" integer NOT NULL, \"pairs\" integer NOT NULL, \"lossBefore\" double NOT NULL, \"lossAfter\" double NOT NULL, \"trainedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_recommendation_models_version\" ON \"recommendation_models\" (\"version\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_recommendation_models_version\"");
    await queryRunner.query("DROP TABLE \"recommendation_models\"");
    await queryRunner.query("DROP INDEX \"IDX_recommendation_impressions_parent_shown\"");
    await queryRunner.query("DROP INDEX \"IDX_recommendation_impressions_shown\"");
    await queryRunner.query("DROP TABLE \"recommendation_impressions\"");
  }
}
