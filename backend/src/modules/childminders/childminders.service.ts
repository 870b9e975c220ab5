import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { ErrorDetail } from '@app/common/errors/domain.exception';
import { ComplianceService } from '@app/modules/compliance/compliance.service';
import { DocumentType } from '@app/modules/documents/entities/document.entity';
import { EntitlementsService } from '@app/modules/subscriptions/entitlements/entitlements.service';
import { boundingBox } from '@app/modules/geo/geo-math';
import { GeocoderService, GeoLocation } from '@app/modules/geo/geocoder.service';
import { UsersService } from '@app/modules/users/users.service';
import { ageGroupsOf } from './age-groups';
import {
  ChildminderErrorCode,
  ChildminderException,
  childminderNotFound,
  invalidProfile,
} from './childminder.exception';
import {
  EYFS_DEFAULT_CAPACITY,
  Inspection,
  OfstedRegistrationStatus,
  OpeningHours,
  WEEKDAYS,
} from './childminder-vocabulary';
import { ChildmindersRepository } from './childminders.repository';
import {
  ChildminderResponse,
  ChildminderSearchResult,
  ChildminderSummaryResponse,
  FavoriteResponse,
  FavoriteStatusResponse,
  OwnChildminderProfileResponse,
  SearchOriginResponse,
  toChildminderResponse,
  toChildminderSummary,
  toOwnProfileResponse,
} from './dto/childminder.response';
import { CreateChildminderProfileDto } from './dto/create-childminder-profile.dto';
import { SearchChildmindersQuery } from './dto/search-childminders.query';
import { UpdateChildminderProfileDto } from './dto/update-childminder-profile.dto';
import { ChildminderProfile } from './entities/childminder-profile.entity';
import { profileCompleteness } from './profile-completeness';
import { CareAvailabilityPort, CareNeed } from './search/care-availability.port';
import { RecommendationCandidate } from './search/recommendation-pool';
import { SearchFilters } from './search/search-filters';
import { RankedCandidate, rankSearchResults, roundMiles, SearchCandidate, SearchSort } from './search/search-ranking';

export type SearchPage = Page<ChildminderSearchResult> & { origin: SearchOriginResponse };

/** Childminder profiles, search and favourites: the only writer of their tables. */
@Injectable()
export class ChildmindersService {
  constructor(
    private readonly childminders: ChildmindersRepository,
    private readonly geocoder: GeocoderService,
    private readonly users: UsersService,
    private readonly compliance: ComplianceService,
    private readonly entitlements: EntitlementsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  // --- public -------------------------------------------------------------------------------

  /** A listed profile (visible, active, complete), or the same 404 as for an id that does not exist. */
  async requireListed(id: string): Promise<ChildminderProfile> {
    const profile = await this.childminders.findListedById(id);
    if (!profile) throw childminderNotFound();
    return profile;
  }

  async list(query: PageQuery): Promise<Page<ChildminderSummaryResponse>> {
    const [profiles, total] = await this.childminders.pageListed({ skip: query.skip, take: query.pageSize });
    const badges = await this.badgesOf(profiles);
    return toPage(
      profiles.map((p) => toChildminderSummary(p, badges(p))),
      total,
      query,
    );
  }

  async get(id: string): Promise<ChildminderResponse> {
    const profile = await this.requireListed(id);
    return toChildminderResponse(profile, (await this.badgesOf([profile]))(profile));
  }

  /**
   * Geocodes the postcode (a 400 naming `postcode` if unknown), narrows rows in SQL with the
   * radius's bounding box and the filters, then keeps and orders them by exact distance in code.
   * Days and times are matched last, on the few rows left, and before paging so that `total`
   * and every page count only childminders who match.
   */
  async search(query: SearchChildmindersQuery): Promise<SearchPage> {
    const origin = this.geocoder.locate(query.postcode);
    const filters: SearchFilters = {
      box: boundingBox(origin, query.radiusMiles),
      maxHourlyRatePence: query.maxHourlyRate,
      services: query.services,
      languages: query.languages,
      fundedHours: query.fundedHours,
      specialNeeds: query.specialNeeds,
      minRating: query.minRating,
      ageGroups: query.ageOfChildren ? ageGroupsOf(query.ageOfChildren) : undefined,
    };
    const candidates = await this.onlySearchable(
      await this.childminders.findSearchCandidates(filters),
      query.verifiedOnly ?? false,
    );
    let ranked = rankSearchResults(candidates, origin, query.radiusMiles, query.sort);
    if (query.days && query.from && query.to) {
      ranked = await this.onlyGivingCare(ranked, candidates, { days: query.days, from: query.from, to: query.to });
    }
    return { ...(await this.page(ranked, query)), origin: toOrigin(origin, query.radiusMiles) };
  }

  /**
   * Keeps the ranked candidates whose availability covers the care needed, in their order. The
   * availability module answers for all of them at once (it depends on this module, so it is
   * reached through its port).
   */
  private async onlyGivingCare(
    ranked: RankedCandidate[],
    candidates: readonly SearchCandidate[],
    need: CareNeed,
  ): Promise<RankedCandidate[]> {
    if (ranked.length === 0) return ranked;
    const userOf = new Map(candidates.map((c) => [c.id, c.userId]));
    const covering = await this.moduleRef.get(CareAvailabilityPort, { strict: false }).usersCovering(
      ranked.map((r) => userOf.get(r.id)!),
      need,
    );
    return ranked.filter((r) => covering.has(userOf.get(r.id)!));
  }

  /**
   * Where distances are measured from: the postcode given, or else the signed-in user's own.
   * Recommendations start here.
   */
  async searchOrigin(auth: AuthContext | null, postcode: string | undefined): Promise<GeoLocation> {
    const chosen = postcode ?? (auth ? (await this.users.requireUser(auth.userId)).postcode : null);
    if (!chosen) {
      const message = 'Enter a postcode to see childminders near it';
      throw new ChildminderException(ChildminderErrorCode.PostcodeRequired, message, [{ field: 'postcode', message }]);
    }
    return this.geocoder.locate(chosen);
  }

  /**
   * The nearest `limit` listed childminders within `radiusMiles` of `origin` that search may
   * show, nearest first, with what a recommender judges a match on. The limit keeps a
   * recommendation's cost flat however dense the area.
   */
  async recommendationPool(
    origin: GeoLocation,
    radiusMiles: number,
    limit: number,
  ): Promise<RecommendationCandidate[]> {
    const candidates = await this.onlySearchable(
      await this.childminders.findSearchCandidates({ box: boundingBox(origin, radiusMiles) }),
      false,
    );
    const nearest = rankSearchResults(candidates, origin, radiusMiles, SearchSort.Distance).slice(0, limit);
    const miles = new Map(nearest.map((r) => [r.id, r.distanceMiles]));
    const profiles = await this.childminders.findByIdsInOrder(nearest.map((r) => r.id));
    const userIds = profiles.map((p) => p.userId);
    const [badges, verified, featured] = await Promise.all([
      this.badgesOf(profiles),
      this.compliance.searchableUserIds(userIds, true),
      this.entitlements.usersWith(userIds, Role.Childminder, 'recommendations.featured'),
    ]);
    return profiles.map((p) => ({
      result: {
        ...toChildminderSummary(p, badges(p)),
        distanceMiles: roundMiles(miles.get(p.id)!),
        district: { latitude: p.latitude!, longitude: p.longitude! },
      },
      userId: p.userId,
      distanceMiles: miles.get(p.id)!,
      ratingAverage: p.ratingAverage,
      ratingCount: p.ratingCount,
      hourlyRatePence: p.hourlyRatePence,
      ageGroups: p.ageGroups,
      capacityUnder1: p.capacityUnder1,
      capacityYoung: p.capacityYoung,
      capacityUnder8: p.capacityUnder8,
      languages: p.languages.map((l) => l.toLowerCase()),
      specialNeedsExperience: p.specialNeedsExperience,
      verified: verified?.has(p.userId) ?? false,
      featured: featured.has(p.userId),
    }));
  }

  private async page(ranked: RankedCandidate[], query: PageQuery): Promise<Page<ChildminderSearchResult>> {
    const window = ranked.slice(query.skip, query.skip + query.pageSize);
    const miles = new Map(window.map((r) => [r.id, r.distanceMiles]));
    const profiles = await this.childminders.findByIdsInOrder(window.map((r) => r.id));
    const badges = await this.badgesOf(profiles);
    const items = profiles.map((p) => ({
      ...toChildminderSummary(p, badges(p)),
      distanceMiles: roundMiles(miles.get(p.id)!),
      district: { latitude: p.latitude!, longitude: p.longitude! },
    }));
    return toPage(items, ranked.length, query);
  }

  /**
   * Drops candidates that compliance says search may not show (verified-only searches, or the
   * platform hiding non-compliant childminders): after the indexed narrowing, before ranking, so
   * totals and pages stay right.
   */
  private async onlySearchable(candidates: SearchCandidate[], verifiedOnly: boolean): Promise<SearchCandidate[]> {
    const allowed = await this.compliance.searchableUserIds(
      candidates.map((c) => c.userId),
      verifiedOnly,
    );
    return allowed ? candidates.filter((c) => allowed.has(c.userId)) : candidates;
  }

  /** Badges for a set of profiles, fetched in one go; the returned lookup never fails. */
  private async badgesOf(profiles: readonly ChildminderProfile[]): Promise<(p: ChildminderProfile) => DocumentType[]> {
    const byUser = await this.compliance.badgesFor(profiles.map((p) => p.userId));
    return (p) => byUser.get(p.userId) ?? [];
  }

  /**
   * The reviews module keeps the profile's rating columns (search sorts and filters on them) in
   * step with its reviews, inside its own transaction.
   */
  async recordRating(profileId: string, average: number | null, count: number, manager: EntityManager): Promise<void> {
    await this.childminders.updateRating(
      profileId,
      average === null ? null : Math.round(average * 100) / 100,
      count,
      manager,
    );
  }

  // --- favourites (parents) -------------------------------------------------------------------

  async addFavorite(auth: AuthContext, id: string): Promise<FavoriteStatusResponse> {
    const profile = await this.requireListed(id);
    await this.childminders.addFavorite(auth.userId, profile.id);
    return { childminderId: profile.id, favorite: true };
  }

  /** Removing a favourite that is not there is not an error; an unknown childminder is. */
  async removeFavorite(auth: AuthContext, id: string): Promise<void> {
    const profile = await this.childminders.findById(id);
    if (!profile) throw childminderNotFound();
    await this.childminders.removeFavorite(auth.userId, profile.id);
  }

  async listFavorites(auth: AuthContext, query: PageQuery): Promise<Page<FavoriteResponse>> {
    const [favorites, total] = await this.childminders.pageFavorites(auth.userId, {
      skip: query.skip,
      take: query.pageSize,
    });
    const badges = await this.badgesOf(favorites.map((f) => f.profile!));
    return toPage(
      favorites.map((f) => ({
        ...toChildminderSummary(f.profile!, badges(f.profile!)),
        favoritedAt: f.createdAt.toISOString(),
      })),
      total,
      query,
    );
  }

  // --- the owner's profile ----------------------------------------------------------------------

  /** The signed-in childminder's own profile; a 404 with its own code until they start one. */
  async requireOwnProfile(auth: AuthContext): Promise<ChildminderProfile> {
    const profile = await this.childminders.findByUserId(auth.userId);
    if (!profile) {
      throw new ChildminderException(
        ChildminderErrorCode.OwnProfileMissing,
        'You have not started your childminder profile yet',
      );
    }
    return profile;
  }

  async getOwn(auth: AuthContext): Promise<OwnChildminderProfileResponse> {
    const profile = await this.requireOwnProfile(auth);
    return toOwnProfileResponse(profile, (await this.badgesOf([profile]))(profile));
  }

  /**
   * Changes the caller's profile, starting it on first save (named after the account, at the
   * account's postcode unless the change gives one). Completeness is recomputed on every write.
   */
  async updateOwn(auth: AuthContext, dto: UpdateChildminderProfileDto): Promise<OwnChildminderProfileResponse> {
    const saved = await this.dataSource.transaction(async (manager) => {
      let profile = await this.childminders.findByUserId(auth.userId, manager);
      if (!profile) {
        const user = await this.users.requireUser(auth.userId);
        profile = newProfile(user.id, user.displayName);
        if (dto.postcode === undefined && user.postcode) {
          profile.town = this.applyPostcode(profile, user.postcode).town;
        }
      }
      this.applyChanges(profile, dto);
      return this.childminders.save(profile, manager);
    });
    return this.ownResponse(saved.id);
  }

  // --- admins -------------------------------------------------------------------------------

  async create(dto: CreateChildminderProfileDto): Promise<OwnChildminderProfileResponse> {
    const user = await this.users.requireUser(dto.userId).catch(() => null);
    if (!user || user.role !== Role.Childminder) {
      const message = 'userId must be the id of a childminder account';
      throw new ChildminderException(ChildminderErrorCode.NotAChildminder, message, [{ field: 'userId', message }]);
    }
    const created = await this.dataSource.transaction(async (manager: EntityManager) => {
      if (await this.childminders.findByUserId(user.id, manager)) {
        throw new ChildminderException(ChildminderErrorCode.ProfileExists, 'This childminder already has a profile');
      }
      const { userId: _userId, active, ...changes } = dto;
      const profile = newProfile(user.id, dto.displayName);
      if (active !== undefined) profile.active = active;
      this.applyChanges(profile, changes);
      return this.childminders.insert(profile, manager);
    });
    return this.ownResponse(created.id);
  }

  // --- Ofsted's register (the `ofsted` webhook integration) ----------------------------------

  /**
   * Applies what Ofsted's register reported about one URN to every profile that gives it, in the
   * caller's transaction. A report older than the last one applied changes nothing (the feed may
   * deliver out of order). Returns each profile changed with its registration status before.
   */
  async applyOfstedRegisterEntry(entry: OfstedRegisterEntry, manager: EntityManager): Promise<OfstedRegisterChange[]> {
    const profiles = await this.childminders.lockByOfstedUrn(entry.urn, manager);
    const changes: OfstedRegisterChange[] = [];
    for (const profile of profiles) {
      if (profile.ofstedRegisterCheckedAt && profile.ofstedRegisterCheckedAt > entry.reportedAt) continue;
      const previousStatus = profile.ofstedRegistrationStatus;
      profile.ofstedRegistrationStatus = entry.registrationStatus;
      profile.ofstedRegisterCheckedAt = entry.reportedAt;
      if (entry.registeredOn) profile.ofstedRegisteredOn = entry.registeredOn;
      if (entry.inspection) profile.inspection = toInspection(entry.inspection);
      const completeness = profileCompleteness(profile);
      profile.completeness = completeness.percent;
      profile.complete = completeness.complete;
      await this.childminders.save(profile, manager);
      changes.push({ profileId: profile.id, userId: profile.userId, displayName: profile.displayName, previousStatus });
    }
    return changes;
  }

  private async ownResponse(profileId: string): Promise<OwnChildminderProfileResponse> {
    const profile = (await this.childminders.findById(profileId))!;
    return toOwnProfileResponse(profile, (await this.badgesOf([profile]))(profile));
  }

  // --- writing ------------------------------------------------------------------------------

  private applyPostcode(profile: ChildminderProfile, postcode: string): GeoLocation {
    const location = this.geocoder.locate(postcode);
    Object.assign(profile, {
      postcode,
      postcodeDistrict: location.outcode,
      latitude: location.latitude,
      longitude: location.longitude,
    });
    return location;
  }

  /** Applies a validated change, checks the rules across fields, and recomputes completeness. */
  private applyChanges(profile: ChildminderProfile, dto: UpdateChildminderProfileDto): void {
    const problems: ErrorDetail[] = [];
    if (dto.postcode !== undefined) {
      const location = this.applyPostcode(profile, dto.postcode);
      if (dto.town === undefined) profile.town = location.town ?? profile.town;
    }
    const simple = [
      'displayName',
      'bio',
      'photoUrl',
      'town',
      'hourlyRatePence',
      'ageGroups',
      'languages',
      'services',
      'specialNeedsExperience',
      'specialNeedsDetails',
      'ofstedUrn',
      'ofstedRegisteredOn',
      'ownChildrenDatesOfBirth',
      'visible',
    ] as const;
    for (const key of simple) {
      if (dto[key] !== undefined) (profile as unknown as Record<string, unknown>)[key] = dto[key];
    }
    if (dto.openingHours !== undefined) {
      profile.openingHours = dto.openingHours === null ? null : toOpeningHours(dto.openingHours, problems);
    }
    if (dto.inspection !== undefined)
      profile.inspection = dto.inspection === null ? null : toInspection(dto.inspection);
    if (dto.capacity) {
      const { under8, young, under1 } = dto.capacity;
      if (young > under8)
        problems.push({ field: 'capacity.young', message: 'capacity.young cannot be more than capacity.under8' });
      if (under1 > young)
        problems.push({ field: 'capacity.under1', message: 'capacity.under1 cannot be more than capacity.young' });
      Object.assign(profile, { capacityUnder8: under8, capacityYoung: young, capacityUnder1: under1 });
    }
    if (problems.length) throw invalidProfile(problems);
    const completeness = profileCompleteness(profile);
    profile.completeness = completeness.percent;
    profile.complete = completeness.complete;
  }
}

/** One register entry as the `ofsted` integration reports it (validated by its module). */
export interface OfstedRegisterEntry {
  urn: string;
  registrationStatus: OfstedRegistrationStatus;
  /** When the register said so: older reports than the last applied are ignored. */
  reportedAt: Date;
  registeredOn?: string | null;
  inspection?: NonNullable<UpdateChildminderProfileDto['inspection']> | null;
}

export interface OfstedRegisterChange {
  profileId: string;
  userId: string;
  displayName: string;
  previousStatus: OfstedRegistrationStatus | null;
}

function newProfile(userId: string, displayName: string): ChildminderProfile {
  return Object.assign(new ChildminderProfile(), {
    userId,
    displayName,
    bio: null,
    photoUrl: null,
    town: null,
    postcode: null,
    postcodeDistrict: null,
    latitude: null,
    longitude: null,
    hourlyRatePence: null,
    ageGroups: [],
    languages: [],
    services: [],
    specialNeedsExperience: false,
    specialNeedsDetails: null,
    openingHours: null,
    ofstedUrn: null,
    ofstedRegisteredOn: null,
    ofstedRegistrationStatus: null,
    ofstedRegisterCheckedAt: null,
    inspection: null,
    capacityUnder8: EYFS_DEFAULT_CAPACITY.under8,
    capacityYoung: EYFS_DEFAULT_CAPACITY.young,
    capacityUnder1: EYFS_DEFAULT_CAPACITY.under1,
    ownChildrenDatesOfBirth: [],
    visible: true,
    active: true,
    completeness: 0,
    complete: false,
    ratingAverage: null,
    ratingCount: 0,
  });
}

/** Only the days given, each closing after it opens. */
function toOpeningHours(dto: OpeningHours, problems: ErrorDetail[]): OpeningHours {
  const hours: OpeningHours = {};
  for (const day of WEEKDAYS) {
    const value = dto[day];
    if (!value) continue;
    if (value.close <= value.open) {
      problems.push({ field: `openingHours.${day}`, message: `openingHours.${day} must close after it opens` });
    }
    hours[day] = { open: value.open, close: value.close };
  }
  return hours;
}

/** A plain object of exactly the framework's fields (the DTO may carry the other framework's as undefined). */
function toInspection(dto: NonNullable<UpdateChildminderProfileDto['inspection']>): Inspection {
  if (dto.framework === 'legacy') {
    return { framework: 'legacy', inspectedOn: dto.inspectedOn, overallGrade: dto.overallGrade! };
  }
  return {
    framework: 'report_card',
    inspectedOn: dto.inspectedOn,
    safeguardingMet: dto.safeguardingMet!,
    grades: { ...dto.grades! },
  };
}

/** The public description of where a search or recommendation measured from. */
export const toOrigin = (origin: GeoLocation, radiusMiles: number): SearchOriginResponse => ({
  outcode: origin.outcode,
  town: origin.town,
  precision: origin.precision,
  radiusMiles,
  latitude: origin.latitude,
  longitude: origin.longitude,
});
