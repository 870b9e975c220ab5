import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { forUpdate } from '@app/database/locking';
import type { ComplianceStanding } from '@app/modules/compliance/compliance-status';
import type { GeoPoint } from '@app/modules/geo/geo-math';
import { encodeBadges } from './compliance-badges';
import { ChildminderFavorite } from './entities/childminder-favorite.entity';
import { ChildminderProfile } from './entities/childminder-profile.entity';
import { filterClauses, SearchFilters } from './search/search-filters';
import { CLOSENESS_ALIAS, CLOSENESS_SQL, closenessParams, SearchSort, SQL_ORDERS } from './search/search-ranking';

type PageWindow = { skip: number; take: number };

/** A search as the database answers it. */
export interface RankingQuery {
  filters: SearchFilters;
  origin: GeoPoint;
  radiusMiles: number;
  sort: SearchSort;
}

/** A row of the ranking: the profile and its childminder (availability and compliance are per user). */
export interface RankedRow {
  id: string;
  userId: string;
}

const toRankedRows = (rows: { id: unknown; userId: unknown }[]): RankedRow[] =>
  rows.map((row) => ({ id: String(row.id), userId: String(row.userId) }));

/** The childminder_profiles and childminder_favorites tables, by the questions the product asks. */
@Injectable()
export class ChildmindersRepository {
  constructor(
    @InjectRepository(ChildminderProfile) private readonly profiles: Repository<ChildminderProfile>,
    @InjectRepository(ChildminderFavorite) private readonly favorites: Repository<ChildminderFavorite>,
  ) {}

  private repo(manager?: EntityManager): Repository<ChildminderProfile> {
    return manager ? manager.getRepository(ChildminderProfile) : this.profiles;
  }

  findById(id: string, manager?: EntityManager): Promise<ChildminderProfile | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  findByUserId(userId: string, manager?: EntityManager): Promise<ChildminderProfile | null> {
    return this.repo(manager).findOne({ where: { userId } });
  }

  /**
   * The profile, locked for the rest of `manager`'s transaction (`SELECT ... FOR UPDATE`).
   * Bookings take this lock before reading anything else, so that capacity checks and the
   * writes they allow are serialised per childminder. Call it first in the transaction: on
   * MariaDB the snapshot of later reads then starts after the previous holder committed.
   */
  lockById(id: string, manager: EntityManager): Promise<ChildminderProfile | null> {
    return manager.getRepository(ChildminderProfile).findOne({ where: { id }, ...forUpdate(manager) });
  }

  /**
   * The same row lock as `lockById`, found by the childminder's user id (publishing last-minute
   * openings against the plan's limit). Like it, call it first in the transaction.
   */
  lockByUserId(userId: string, manager: EntityManager): Promise<ChildminderProfile | null> {
    return manager.getRepository(ChildminderProfile).findOne({ where: { userId }, ...forUpdate(manager) });
  }

  /** Every profile with this Ofsted URN, locked for `manager`'s transaction (the register feed's writes). */
  lockByOfstedUrn(ofstedUrn: string, manager: EntityManager): Promise<ChildminderProfile[]> {
    return manager
      .getRepository(ChildminderProfile)
      .find({ where: { ofstedUrn }, order: { createdAt: 'ASC' }, ...forUpdate(manager) });
  }

  /** A profile the public may see: visible, active and complete. */
  findListedById(id: string): Promise<ChildminderProfile | null> {
    return this.profiles
      .createQueryBuilder('profile')
      .where('profile.id = :id', { id })
      .andWhere('profile.visible = 1 AND profile.active = 1 AND profile.complete = 1')
      .getOne();
  }

  /** The public list: listed profiles, best rated first, then by name. */
  pageListed(page: PageWindow): Promise<[ChildminderProfile[], number]> {
    return (
      this.profiles
        .createQueryBuilder('profile')
        .where('profile.visible = 1 AND profile.active = 1 AND profile.complete = 1')
        // NULL ratings last on both dialects, without NULLS LAST (MySQL lacks it).
        .orderBy('CASE WHEN profile.ratingAverage IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('profile.ratingAverage', 'DESC')
        .addOrderBy('profile.displayName', 'ASC')
        .addOrderBy('profile.id', 'ASC')
        .skip(page.skip)
        .take(page.take)
        .getManyAndCount()
    );
  }

  /**
   * One page of the search's ranking (listed, in the box and the radius, passing the filters,
   * ordered as search-ranking.ts says): ids only, from IDX_childminder_profiles_search, which
   * holds every column the query reads.
   */
  async rankedPage(query: RankingQuery, window: PageWindow): Promise<RankedRow[]> {
    return toRankedRows(await this.ranking(query).offset(window.skip).limit(window.take).getRawMany());
  }

  /** How many rows the ranking holds (the search's `total`). */
  async countRanked(query: RankingQuery): Promise<number> {
    const row = await this.matching(query).select('COUNT(*)', 'count').getRawOne<{ count: string | number }>();
    return Number(row?.count ?? 0);
  }

  private matching(query: RankingQuery): SelectQueryBuilder<ChildminderProfile> {
    const builder = this.profiles.createQueryBuilder('profile');
    for (const clause of filterClauses(query.filters)) builder.andWhere(clause.sql, clause.params);
    return builder.andWhere(`${CLOSENESS_SQL} <= :maxCloseness`, closenessParams(query.origin, query.radiusMiles));
  }

  private ranking(query: RankingQuery): SelectQueryBuilder<ChildminderProfile> {
    const builder = this.matching(query)
      .select('profile.id', 'id')
      .addSelect('profile.userId', 'userId')
      .addSelect(CLOSENESS_SQL, CLOSENESS_ALIAS);
    for (const [expression, direction] of SQL_ORDERS[query.sort]) builder.addOrderBy(expression, direction);
    return builder;
  }

  async updateRating(profileId: string, average: number | null, count: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(ChildminderProfile).update(profileId, { ratingAverage: average, ratingCount: count });
  }

  /** Writes the compliance module's standings onto their childminders' profiles (if they have one). */
  async recordCompliance(standings: readonly ComplianceStanding[], manager?: EntityManager): Promise<void> {
    const repo = this.repo(manager);
    for (const standing of standings) {
      await repo
        .createQueryBuilder()
        .update()
        .set({
          complianceBadges: encodeBadges(standing.badges),
          compliantThrough: standing.compliantThrough,
          expiringFrom: standing.expiringFrom,
          // Not a change the childminder made: her profile's "last updated" stays as it was.
          updatedAt: () => 'updatedAt',
        })
        .where('userId = :userId', { userId: standing.userId })
        .callListeners(false)
        .execute();
    }
  }

  /**
   * How many of these users' profiles stand at each compliance status on the UK day `today`, from
   * the stored standing (compliance-status.ts `statusOnDay`, in SQL), and how many profiles matched.
   */
  async complianceStatusCounts(
    userIds: readonly string[],
    today: string,
  ): Promise<{ counts: Record<string, number>; profiled: number }> {
    const counts: Record<string, number> = {};
    let profiled = 0;
    if (userIds.length === 0) return { counts, profiled };
    const rows = await this.profiles
      .createQueryBuilder('p')
      .select(complianceStatusSql('p'), 'status')
      .addSelect('COUNT(*)', 'count')
      .where('p.userId IN (:...userIds)', { userIds: [...userIds] })
      .setParameter('today', today)
      .groupBy('status')
      .getRawMany<{ status: string; count: string | number }>();
    for (const row of rows) {
      counts[row.status] = Number(row.count);
      profiled += Number(row.count);
    }
    return { counts, profiled };
  }

  /** Which of these users' profiles stand at `status` on the UK day `today` (filtered in SQL). */
  async userIdsWithComplianceStatus(userIds: readonly string[], today: string, status: string): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.profiles
      .createQueryBuilder('p')
      .select('p.userId', 'userId')
      .where('p.userId IN (:...userIds)', { userIds: [...userIds] })
      .andWhere(`${complianceStatusSql('p')} = :status`, { today, status })
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }

  /** Which of these users have a profile. */
  async userIdsWithProfile(userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.profiles
      .createQueryBuilder('p')
      .select('p.userId', 'userId')
      .where('p.userId IN (:...userIds)', { userIds: [...userIds] })
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }

  /** Full rows for one page of ranked ids, in the order given. */
  async findByIdsInOrder(ids: readonly string[]): Promise<ChildminderProfile[]> {
    if (ids.length === 0) return [];
    const rows = await this.profiles.find({ where: { id: In([...ids]) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is ChildminderProfile => !!row);
  }

  async insert(profile: ChildminderProfile, manager?: EntityManager): Promise<ChildminderProfile> {
    await this.repo(manager).insert(profile);
    return profile;
  }

  async insertMany(profiles: ChildminderProfile[], manager: EntityManager): Promise<void> {
    await manager.getRepository(ChildminderProfile).insert(profiles);
  }

  async save(profile: ChildminderProfile, manager?: EntityManager): Promise<ChildminderProfile> {
    return this.repo(manager).save(profile);
  }

  // --- favourites -----------------------------------------------------------------------------

  findFavorite(parentId: string, profileId: string): Promise<ChildminderFavorite | null> {
    return this.favorites.findOne({ where: { parentId, profileId } });
  }

  /**
   * Adds the favourite unless it is there already. Two racing requests may both try: the
   * unique index lets one in, and the loser's duplicate-key error is the same outcome.
   */
  async addFavorite(parentId: string, profileId: string): Promise<void> {
    if (await this.findFavorite(parentId, profileId)) return;
    try {
      await this.favorites.insert(Object.assign(new ChildminderFavorite(), { parentId, profileId }));
    } catch (error) {
      if (await this.findFavorite(parentId, profileId)) return;
      throw error;
    }
  }

  async removeFavorite(parentId: string, profileId: string): Promise<void> {
    await this.favorites.delete({ parentId, profileId });
  }

  /** A parent's favourites that are still listed, newest first, with their profiles. */
  pageFavorites(parentId: string, page: PageWindow): Promise<[ChildminderFavorite[], number]> {
    return this.favorites
      .createQueryBuilder('favorite')
      .innerJoinAndSelect('favorite.profile', 'profile')
      .where('favorite.parentId = :parentId', { parentId })
      .andWhere('profile.visible = 1 AND profile.active = 1 AND profile.complete = 1')
      .orderBy('favorite.createdAt', 'DESC')
      .addOrderBy('favorite.id', 'ASC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
  }
}

/**
 * The compliance status of profile `alias` on the day in parameter `:today`, from its stored
 * standing: the SQL of compliance-status.ts `statusOnDay` (dates compare as YYYY-MM-DD text).
 */
export const complianceStatusSql = (alias: string) =>
  `CASE WHEN ${alias}.compliantThrough IS NULL OR ${alias}.compliantThrough < :today THEN 'non_compliant' ` +
  `WHEN ${alias}.expiringFrom IS NOT NULL AND ${alias}.expiringFrom <= :today THEN 'expiring' ELSE 'compliant' END`;
