import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { forUpdate } from '@app/database/locking';
import { ChildminderFavorite } from './entities/childminder-favorite.entity';
import { ChildminderProfile } from './entities/childminder-profile.entity';
import { filterClauses, SearchFilters } from './search/search-filters';
import { SearchCandidate } from './search/search-ranking';

type PageWindow = { skip: number; take: number };

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
   * Every listed profile inside the search's bounding box that passes its filters, reading only
   * the columns the ranking needs. The box and the flags are answered by
   * IDX_childminder_profiles_search; the exact distance is computed by the caller.
   */
  async findSearchCandidates(filters: SearchFilters): Promise<SearchCandidate[]> {
    const query = this.profiles
      .createQueryBuilder('profile')
      .select('profile.id', 'id')
      .addSelect('profile.userId', 'userId')
      .addSelect('profile.latitude', 'latitude')
      .addSelect('profile.longitude', 'longitude')
      .addSelect('profile.hourlyRatePence', 'hourlyRatePence')
      .addSelect('profile.ratingAverage', 'ratingAverage')
      .addSelect('profile.ratingCount', 'ratingCount');
    for (const clause of filterClauses(filters)) query.andWhere(clause.sql, clause.params);
    // Raw rows: a wide search area holds thousands of candidates, and building an entity for
    // each (the transformer pass) cost more than the query itself. Numbers are converted here
    // (MySQL returns DECIMAL as a string).
    const rows = await query.getRawMany<Record<keyof SearchCandidate, string | number | null>>();
    return rows.map((row) => ({
      id: String(row.id),
      userId: String(row.userId),
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      hourlyRatePence: row.hourlyRatePence === null ? null : Number(row.hourlyRatePence),
      ratingAverage: row.ratingAverage === null ? null : Number(row.ratingAverage),
      ratingCount: Number(row.ratingCount),
    }));
  }

  async updateRating(profileId: string, average: number | null, count: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(ChildminderProfile).update(profileId, { ratingAverage: average, ratingCount: count });
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
