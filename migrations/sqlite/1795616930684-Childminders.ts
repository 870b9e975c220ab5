import { MigrationInterface, QueryRunner } from 'typeorm';

export class Childminders1795616930684 implements MigrationInterface {
  name = 'Childminders1795616930684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"childminder_profiles\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"displayName\" varchar(100) NOT NULL, \"bio\" text, \"photoUrl\" varchar(500), \"town\" varchar(100), \"postcode\" varchar(10), \"postcodeDistrict\" varchar(4), \"latitude\" double, \"longitude\" double, \"hourlyRatePence\" integer, \"ageGroups\" varchar(100) NOT NULL DEFAULT (''), \"languages\" varchar(400) NOT NULL DEFAULT (''), \"services\" varchar(200) NOT NULL DEFAULT (''), \"specialNeedsExperience\" boolean NOT NULL DEFAULT (0), \"specialNeedsDetails\" text, \"openingHours\" text, \"ofstedUrn\" varchar(10), \"ofstedRegisteredOn\" date, \"inspection\" text, \"capacityUnder8\" integer NOT NULL DEFAULT (6), \"capacityYoung\" integer NOT NULL DEFAULT (3), \"capacityUnder1\" integer NOT NULL DEFAULT (1), \"ownChildrenDatesOfBirth\" text NOT NULL, \"visible\" boolean NOT NULL DEFAULT (1), \"active\" boolean NOT NULL DEFAULT (1), \"completeness\" integer NOT NULL DEFAULT (0), \"complete\" boolean NOT NULL DEFAULT (0), \"ratingAverage\" decimal(3,2), \"ratingCount\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_childminder_profiles_user\" ON \"childminder_profiles\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_profiles_lat_lng\" ON \"childminder_profiles\" (\"latitude\", \"longitude\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_profiles_search\" ON \"childminder_profiles\" (\"visible\", \"active\", \"complete\", \"latitude\", \"longitude\") ");
    await queryRunner.query("CREATE TABLE \"childminder_favorites\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_favorites_profile\" ON \"childminder_favorites\" (\"profileId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_favorites_parent_created\" ON \"childminder_favorites\" (\"parentId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_childminder_favorites_parent_profile\" ON \"childminder_favorites\" (\"parentId\", \"profileId\") ");
    await queryRunner.query("DROP INDEX \"UQ_childminder_profiles_user\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_lat_lng\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_search\"");
    await queryRunner.query("CREATE TABLE \"temporary_childminder_profiles\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"displayName\" varchar(100) NOT NULL, \"bio\" text, \"photoUrl\" varchar(500), \"town\" varchar(100), \"postcode\" varchar(10), \"postcodeDistrict\" varchar(4), \"latitude\" double, \"longitude\" double, \"hourlyRatePence\" integer, \"ageGroups\" varchar(100) NOT NULL DEFAULT (''), \"languages\" varchar(400) NOT NULL DEFAULT (''), \"services\" varchar(200) NOT NULL DEFAULT (''), \"specialNeedsExperience\" boolean NOT NULL DEFAULT (0), \"specialNeedsDetails\" text, \"openingHours\" text, \"ofstedUrn\" varchar(10), \"ofstedRegisteredOn\" date, \"inspection\" text, \"capacityUnder8\" integer NOT NULL DEFAULT (6), \"capacityYoung\" integer NOT NULL DEFAULT (3), \"capacityUnder1\" integer NOT NULL DEFAULT (1), \"ownChildrenDatesOfBirth\" text NOT NULL, \"visible\" boolean NOT NULL DEFAULT (1), \"active\" boolean NOT NULL DEFAULT (1), \"completeness\" integer NOT NULL DEFAULT (0), \"complete\" boolean NOT NULL DEFAULT (0), \"ratingAverage\" decimal(3,2), \"ratingCount\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_fd0bf87ae8c078be65f7ea3d2d0\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_childminder_profiles\"(\"id\", \"userId\", \"displayName\", \"bio\", \"photoUrl\", \"town\", \"postcode\", \"postcodeDistrict\", \"latitude\", \"longitude\", \"hourlyRatePence\", \"ageGroups\", \"languages\", \"services\", \"specialNeedsExperience\", \"specialNeedsDetails\", \"openingHours\", \"ofstedUrn\", \"ofstedRegisteredOn\", \"inspection\", \"capacityUnder8\", \"capacityYoung\", \"capacityUnder1\", \"ownChildrenDatesOfBirth\", \"visible\", \"active\", \"completeness\", \"complete\", \"ratingAverage\", \"ratingCount\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"displayName\", \"bio\", \"photoUrl\", \"town\", \"postcode\", \"postcodeDistrict\", \"latitude\", \"longitude\", \"hourlyRatePence\", \"ageGroups\", \"languages\", \"services\", \"specialNeedsExperience\", \"specialNeedsDetails\", \"openingHours\", \"ofstedUrn\", \"ofstedRegisteredOn\", \"inspection\", \"capacityUnder8\", \"capacityYoung\", \"capacityUnder1\", \"ownChildrenDatesOfBirth\", \"visible\", \"active\", \"completeness\", \"complete\", \"ratingAverage\", \"ratingCount\", \"createdAt\", \"updatedAt\" FROM \"childminder_profiles\"");
    await queryRunner.query("DROP TABLE \"childminder_profiles\"");
    await queryRunner.query("ALTER TABLE \"temporary_childminder_profiles\" RENAME TO \"childminder_profiles\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_childminder_profiles_user\" ON \"childminder_profiles\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_profiles_lat_lng\" ON \"childminder_profiles\" (\"latitude\", \"longitude\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_profiles_search\" ON \"childminder_profiles\" (\"visible\", \"active\", \"complete\", \"latitude\", \"longitude\") ");
    await queryRunner.query("DROP INDEX \"IDX_childminder_favorites_profile\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_favorites_parent_created\"");
    await queryRunner.query("DROP INDEX \"UQ_childminder_favorites_parent_profile\"");
    await queryRunner.query("CREATE TABLE \"temporary_childminder_favorites\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_68a963d81cc202547f92c86d093\" FOREIGN KEY (\"parentId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_84dee1276671d41d544040ab941\" FOREIGN KEY (\"profileId\") REFERENCES \"childminder_profiles\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_childminder_favorites\"(\"id\", \"parentId\", \"profileId\", \"createdAt\") SELECT \"id\", \"parentId\", \"profileId\", \"createdAt\" FROM \"childminder_favorites\"");
    await queryRunner.query("DROP TABLE \"childminder_favorites\"");
    await queryRunner.query("ALTER TABLE \"temporary_childminder_favorites\" RENAME TO \"childminder_favorites\"");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_favorites_profile\" ON \"childminder_favorites\" (\"profileId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_favorites_parent_created\" ON \"childminder_favorites\" (\"parentId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_childminder_favorites_parent_profile\" ON \"childminder_favorites\" (\"parentId\", \"profileId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_childminder_favorites_parent_profile\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_favorites_parent_created\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_favorites_profile\"");
    await queryRunner.query("ALTER TABLE \"childminder_favorites\" RENAME TO \"temporary_childminder_favorites\"");
    await queryRunner.query("CREATE TABLE \"childminder_favorites\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"parentId\" varchar(36) NOT NULL, \"profileId\" varchar(36) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"childminder_favorites\"(\"id\", \"parentId\", \"profileId\", \"createdAt\") SELECT \"id\", \"parentId\", \"profileId\", \"createdAt\" FROM \"temporary_childminder_favorites\"");
    await queryRunner.query("DROP TABLE \"temporary_childminder_favorites\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_childminder_favorites_parent_profile\" ON \"childminder_favorites\" (\"parentId\", \"profileId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_favorites_parent_created\" ON \"childminder_favorites\" (\"parentId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_favorites_profile\" ON \"childminder_favorites\" (\"profileId\") ");
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_search\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_lat_lng\"");
    await queryRunner.query("DROP INDEX \"UQ_childminder_profiles_user\"");
    await queryRunner.query("ALTER TABLE \"childminder_profiles\" RENAME TO \"temporary_childminder_profiles\"");
    await queryRunner.query("CREATE TABLE \"childminder_profiles\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"userId\" varchar(36) NOT NULL, \"displayName\" varchar(100) NOT NULL, \"bio\" text, \"photoUrl\" varchar(500), \"town\" varchar(100), \"postcode\" varchar(10), \"postcodeDistrict\" varchar(4), \"latitude\" double, \"longitude\" double, \"hourlyRatePence\" integer, \"ageGroups\" varchar(100) NOT NULL DEFAULT (''), \"languages\" varchar(400) NOT NULL DEFAULT (''), \"services\" varchar(200) NOT NULL DEFAULT (''), \"specialNeedsExperience\" boolean NOT NULL DEFAULT (0), \"specialNeedsDetails\" text, \"openingHours\" text, \"ofstedUrn\" varchar(10), \"ofstedRegisteredOn\" date, \"inspection\" text, \"capacityUnder8\" integer NOT NULL DEFAULT (6), \"capacityYoung\" integer NOT NULL DEFAULT (3), \"capacityUnder1\" integer NOT NULL DEFAULT (1), \"ownChildrenDatesOfBirth\" text NOT NULL, \"visible\" boolean NOT NULL DEFAULT (1), \"active\" boolean NOT NULL DEFAULT (1), \"completeness\" integer NOT NULL DEFAULT (0), \"complete\" boolean NOT NULL DEFAULT (0), \"ratingAverage\" decimal(3,2), \"ratingCount\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"childminder_profiles\"(\"id\", \"userId\", \"displayName\", \"bio\", \"photoUrl\", \"town\", \"postcode\", \"postcodeDistrict\", \"latitude\", \"longitude\", \"hourlyRatePence\", \"ageGroups\", \"languages\", \"services\", \"specialNeedsExperience\", \"specialNeedsDetails\", \"openingHours\", \"ofstedUrn\", \"ofstedRegisteredOn\", \"inspection\", \"capacityUnder8\", \"capacityYoung\", \"capacityUnder1\", \"ownChildrenDatesOfBirth\", \"visible\", \"active\", \"completeness\", \"complete\", \"ratingAverage\", \"ratingCount\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"userId\", \"displayName\", \"bio\", \"photoUrl\", \"town\", \"postcode\", \"postcodeDistrict\", \"latitude\", \"longitude\", \"hourlyRatePence\", \"ageGroups\", \"languages\", \"services\", \"specialNeedsExperience\", \"specialNeedsDetails\", \"openingHours\", \"ofstedUrn\", \"ofstedRegisteredOn\", \"inspection\", \"capacityUnder8\", \"capacityYoung\", \"capacityUnder1\", \"ownChildrenDatesOfBirth\", \"visible\", \"active\", \"completeness\", \"complete\", \"ratingAverage\", \"ratingCount\", \"createdAt\", \"updatedAt\" FROM \"temporary_childminder_profiles\"");
    await queryRunner.query("DROP TABLE \"temporary_childminder_profiles\"");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_profiles_search\" ON \"childminder_profiles\" (\"visible\", \"active\", \"complete\", \"latitude\", \"longitude\") ");
    await queryRunner.query("CREATE INDEX \"IDX_childminder_profiles_lat_lng\" ON \"childminder_profiles\" (\"latitude\", \"longitude\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_childminder_profiles_user\" ON \"childminder_profiles\" (\"userId\") ");
    await queryRunner.query("DROP INDEX \"UQ_childminder_favorites_parent_profile\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_favorites_parent_created\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_favorites_profile\"");
    await queryRunner.query("DROP TABLE \"childminder_favorites\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_search\"");
    await queryRunner.query("DROP INDEX \"IDX_childminder_profiles_lat_lng\"");
    await queryRunner.query("DROP INDEX \"UQ_childminder_profiles_user\"");
    await queryRunner.query("DROP TABLE \"childminder_profiles\"");
  }
}
