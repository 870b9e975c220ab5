import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRecommendations1796649814618 implements MigrationInterface {
  name = 'AddRecommendations1796649814618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `recommendation_impressions` (`id` varchar(36) NOT NULL, `setId` varchar(36) NOT NULL, `parentId` varchar(36) NOT NULL, `profileId` varchar(36) NOT NULL, `position` int NOT NULL, `features` text NOT NULL, `matchScore` int NOT NULL, `modelVersion` int NOT NULL, `shownAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `clickedAt` datetime NULL, INDEX `IDX_recommendation_impressions_shown` (`shownAt`), INDEX `IDX_recommendation_impressions_parent_shown` (`parentId`, `shownAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `recommendation_models` (`id` varchar(36) NOT NULL, `version` int NOT NULL, `weights` text NOT NULL, `choiceSets` int NOT NULL, `pairs` int NOT NULL, `lossBefore` double NOT NULL, `lossAfter` double NOT NULL, `trainedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `UQ_recommendation_models_version` (`version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `UQ_recommendation_models_version` ON `recommendation_models`");
    await queryRunner.query("DROP TABLE `recommendation_models`");
    await queryRunner.query("DROP INDEX `IDX_recommendation_impressions_parent_shown` ON `recommendation_impressions`");
    await queryRunner.query("DROP INDEX `IDX_recommendation_impressions_shown` ON `recommendation_impressions`");
    await queryRunner.query("DROP TABLE `recommendation_impressions`");
  }
}
