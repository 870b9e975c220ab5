/**
 * `npm run bench:explain -- --db mariadb|sqlite [--rows 20000]`: the query plans of the search's
 * SQL. Builds a throw-away database of the dialect (migrations), fills childminder_profiles with
 * `rows` listed profiles spread around London and Manchester (foreign keys off: only the search's
 * tables matter), each with weekday coverage rows (availability_coverage) for the search by days
 * and times, analyses it, and prints EXPLAIN of every query a search runs, built by the product's
 * own repositories. Light enough to run on a busy machine (a few seconds).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { AvailabilityCoverageRepository } from '@app/modules/availability/availability-coverage.repository';
import { coverageWeekStarts } from '@app/modules/availability/care-coverage';
import { AvailabilityCoverage } from '@app/modules/availability/entities/availability-coverage.entity';
import { Weekday } from '@app/modules/childminders/childminder-vocabulary';
import { ChildmindersRepository, RankingQuery } from '@app/modules/childminders/childminders.repository';
import { ChildminderFavorite } from '@app/modules/childminders/entities/childminder-favorite.entity';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { SearchSort } from '@app/modules/childminders/search/search-ranking';
import { boundingBox } from '@app/modules/geo/geo-math';
import { scratchDatabase } from './db-scratch';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const DIALECT = arg('db', 'mariadb') === 'sqlite' ? 'sqlite' : 'mysql';
const ROWS = Number(arg('rows', '20000'));
const CENTRES = [
  { latitude: 51.501, longitude: -0.1416 }, // SW1A
  { latitude: 53.4167, longitude: -2.2292 }, // M20
];

async function fill(dataSource: DataSource): Promise<void> {
  const mysql = DIALECT === 'mysql';
  await dataSource.query(mysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const weeks = coverageWeekStarts();
  for (let done = 0; done < ROWS;) {
    const batch = Math.min(500, ROWS - done);
    const values: string[] = [];
    const coverage: string[] = [];
    for (let i = 0; i < batch; i++) {
      const userId = randomUUID();
      // Most childminders open on weekdays, 07:30 or 08:00 to 17:00 or 18:00, a few not every day.
      for (const week of weeks) {
        for (let weekday = 0; weekday < 5; weekday++) {
          if (random() < 0.15) continue;
          coverage.push(
            `('${userId}', '${week}', ${weekday}, ${random() < 0.5 ? 450 : 480}, ${random() < 0.5 ? 1020 : 1080})`,
          );
        }
      }
      const centre = CENTRES[(done + i) % CENTRES.length]!;
      const lat = centre.latitude + (random() - 0.5) * 0.6;
      const lng = centre.longitude + (random() - 0.5) * 0.9;
      const rating = random() < 0.3 ? 'NULL' : (3 + random() * 2).toFixed(2);
      const through = random() < 0.6 ? "'9999-12-31'" : 'NULL';
      values.push(
        `('${randomUUID()}', '${userId}', 'Minder ${done + i}', ${lat}, ${lng}, ${500 + Math.floor(random() * 500)}, ` +
          `${rating}, ${Math.floor(random() * 30)}, '|toddler|', '|English|', '', '[]', 1, 1, 100, 1, ` +
          `'ofsted_registration:9999-12-31', ${through})`,
      );
    }
    await dataSource.query(
      'INSERT INTO childminder_profiles (id, userId, displayName, latitude, longitude, hourlyRatePence, ratingAverage, ' +
        'ratingCount, ageGroups, languages, services, ownChildrenDatesOfBirth, visible, active, completeness, complete, ' +
        `complianceBadges, compliantThrough) VALUES ${values.join(', ')}`,
    );
    await dataSource.query(
      `INSERT INTO availability_coverage (childminderId, weekStart, weekday, openFrom, openTo) VALUES ${coverage.join(', ')}`,
    );
    done += batch;
  }
  await dataSource.query(mysql ? 'ANALYZE TABLE childminder_profiles, availability_coverage' : 'ANALYZE');
}

async function explain(
  dataSource: DataSource,
  title: string,
  builder: SelectQueryBuilder<ObjectLiteral>,
): Promise<void> {
  const [sql, parameters] = builder.getQueryAndParameters();
  const plan: Record<string, unknown>[] = await dataSource.query(
    DIALECT === 'mysql' ? `EXPLAIN ${sql}` : `EXPLAIN QUERY PLAN ${sql}`,
    parameters,
  );
  console.log(`\n### ${title}\n`);
  if (DIALECT === 'mysql') {
    for (const row of plan) {
      console.log(
        `table=${row.table} type=${row.type} key=${row.key} key_len=${row.key_len} rows=${row.rows} Extra=${row.Extra}`,
      );
    }
  } else {
    for (const row of plan) console.log(String(row.detail));
  }
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase(DIALECT, 'cmc_explain');
  const dataSource = new DataSource(dataSourceOptions(scratch.config));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    await fill(dataSource);
    const repository = new ChildmindersRepository(
      dataSource.getRepository(ChildminderProfile),
      dataSource.getRepository(ChildminderFavorite),
    );
    // The repository's query builders (private: the product only runs them), read for their plans.
    const builders = repository as unknown as {
      ranking(query: RankingQuery): SelectQueryBuilder<ObjectLiteral>;
      matching(query: RankingQuery): SelectQueryBuilder<ObjectLiteral>;
    };
    const origin = CENTRES[0]!;
    const coverage = new AvailabilityCoverageRepository(dataSource.getRepository(AvailabilityCoverage));
    const care = coverage.coveringClause(
      { days: [Weekday.Monday, Weekday.Wednesday], from: '09:00', to: '12:00' },
      'profile.userId',
      new Date(),
    );
    const query = (sort: SearchSort, compliantOn?: string, withCare = false): RankingQuery => ({
      origin,
      radiusMiles: 10,
      sort,
      filters: { box: boundingBox(origin, 10), compliantOn, care: withCare ? care : undefined },
    });
    console.log(`${DIALECT}: ${ROWS} listed profiles; search SW1A within 10 miles`);
    await explain(dataSource, 'page of ids, by distance', builders.ranking(query(SearchSort.Distance)).limit(20));
    await explain(dataSource, 'total', builders.matching(query(SearchSort.Distance)).select('COUNT(*)', 'count'));
    await explain(dataSource, 'page of ids, by rating', builders.ranking(query(SearchSort.Rating)).limit(20));
    await explain(
      dataSource,
      'page of ids, verified only',
      builders.ranking(query(SearchSort.Distance, '2026-12-07')).limit(20),
    );
    await explain(
      dataSource,
      'days and times (Monday and Wednesday 09:00-12:00): page of ids',
      builders.ranking(query(SearchSort.Distance, undefined, true)).limit(20),
    );
    await explain(
      dataSource,
      'days and times: total',
      builders.matching(query(SearchSort.Distance, undefined, true)).select('COUNT(*)', 'count'),
    );
    const page = await repository.rankedPage(query(SearchSort.Distance), { skip: 0, take: 20 });
    await explain(
      dataSource,
      "the page's rows",
      dataSource
        .getRepository(ChildminderProfile)
        .createQueryBuilder('profile')
        .where('profile.id IN (:...ids)', { ids: page.map((r) => r.id) }),
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
