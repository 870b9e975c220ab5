import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { ErrorDetail } from '@app/common/errors/domain.exception';
import { ukToday } from '@app/modules/children/child-age';
import { ComplianceService } from '@app/modules/compliance/compliance.service';
import { DocumentType } from '@app/modules/documents/entities/document.entity';
import { EntitlementsService } from '@app/modules/subscriptions/entitlements/entitlements.service';
import { boundingBox, distanceMiles, GeoPoint } from '@app/modules/geo/geo-math';
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
import { ChildmindersRepository, RankingQuery } from './childminders.repository';
import { badgesOn, encodeBadges } from './compliance-badges';
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
import { ReplyTimesPort } from './reply-times.port';
import { CareAvailabilityPort } from './search/care-availability.port';
import { RecommendationCandidate } from './search/recommendation-pool';
import { roundMiles, SearchSort } from './search/search-ranking';
import { failWith } from '@app/common/errors/domain.exception';

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
    private readonly careAvailability: CareAvailabilityPort,
    private readonly replyTimes: ReplyTimesPort,
  ) {
    // Compliance tells this module each childminder's new standing; the profiles keep it. In the
    // constructor, not onModuleInit: other modules' init hooks (the demo data) may publish first.
    this.compliance.onStandingChange((standings, manager) => this.childminders.recordCompliance(standings, manager));
    // ...and counts statuses from it for the admin dashboard (compliance cannot depend on this module).
    this.compliance.readStoredStatusesWith({
      countByStatus: (userIds, today) => this.childminders.complianceStatusCounts(userIds, today),
      userIdsWithStatus: (userIds, today, status) =>
        this.childminders.userIdsWithComplianceStatus(userIds, today, status),
      userIdsWithProfile: (userIds) => this.childminders.userIdsWithProfile(userIds),
    });
  }

  // --- public -------------------------------------------------------------------------------

  /** A listed profile (visible, active, complete), or the same 404 as for an id that does not exist. */
  async requireListed(id: string): Promise<ChildminderProfile> {
    const profile = await this.childminders.findListedById(id);
    if (!profile) throw childminderNotFound();
    return profile;
  }

  async list(query: PageQuery): Promise<Page<ChildminderSummaryResponse>> {
    const [profiles, total] = await this.childminders.pageListed({ skip: query.skip, take: query.pageSize });
    return toPage(
      profiles.map((p) => toChildminderSummary(p, badgesOf(p))),
      total,
      query,
    );
  }

  async get(id: string): Promise<ChildminderResponse> {
    const profile = await this.requireListed(id);
    const usualReplyMinutes = await this.replyTimes.usualReplyMinutes(profile.userId);
    return { ...toChildminderResponse(profile, badgesOf(profile)), usualReplyMinutes };
  }

  /**
   * Geocodes the postcode (a 400 naming `postcode` if unknown); the database then filters (the
   * radius's bounding box from the index, the exact radius, the filters, compliance from the
   * stored standing, days and times from the availability module's coverage table), orders
   * (search-ranking.ts) and pages, and only the page's rows are read.
   */
  async search(query: SearchChildmindersQuery): Promise<SearchPage> {
    const origin = this.geocoder.locate(query.postcode);
    const today = ukTodayIso();
    const ranking: RankingQuery = {
      origin,
      radiusMiles: query.radiusMiles,
      sort: query.sort,
      filters: {
        box: boundingBox(origin, query.radiusMiles),
        maxHourlyRatePence: query.maxHourlyRate,
        services: query.services,
        languages: query.languages,
        fundedHours: query.fundedHours,
        specialNeeds: query.specialNeeds,
        minRating: query.minRating,
        ageGroups: query.ageOfChildren ? ageGroupsOf(query.ageOfChildren) : undefined,
        compliantOn: (await this.compliance.searchRequiresCompliance(query.verifiedOnly ?? false)) ? today : undefined,
        care:
          query.days && query.from && query.to
            ? this.careAvailability.coveringClause(
                { days: query.days, from: query.from, to: query.to },
                'profile.userId',
              )
            : undefined,
      },
    };
    const [page, total] = await Promise.all([
      this.childminders.rankedPage(ranking, { skip: query.skip, take: query.pageSize }),
      this.childminders.countRanked(ranking),
    ]);
    const profiles = await this.childminders.findByIdsInOrder(page.map((r) => r.id));
    const items = profiles.map((p) => toSearchResult(p, origin, today));
    return { ...toPage(items, total, query), origin: toOrigin(origin, query.radiusMiles) };
  }

  /**
   * Where distances are measured from: the postcode given, or else the signed-in user's own.
   * Recommendations start here.
   */
  async searchOrigin(auth: AuthContext | null, postcode: string | undefined): Promise<GeoLocation> {
    const origin = await this.searchOriginIfKnown(auth, postcode);
    if (!origin) {
      const message = 'Enter a postcode to see childminders near it';
      throw new ChildminderException(ChildminderErrorCode.PostcodeRequired, message, [{ field: 'postcode', message }]);
    }
    return origin;
  }

  /** The postcode given, else the signed-in user's own; null when there is neither. */
  async searchOriginIfKnown(auth: AuthContext | null, postcode: string | undefined): Promise<GeoLocation | null> {
    const chosen = postcode ?? (auth ? (await this.users.requireUser(auth.userId)).postcode : null);
    return chosen ? this.geocoder.locate(chosen) : null;
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
    const today = ukTodayIso();
    const nearest = await this.childminders.rankedPage(
      {
        origin,
        radiusMiles,
        sort: SearchSort.Distance,
        filters: {
          box: boundingBox(origin, radiusMiles),
          compliantOn: (await this.compliance.searchRequiresCompliance(false)) ? today : undefined,
        },
      },
      { skip: 0, take: limit },
    );
    const profiles = await this.childminders.findByIdsInOrder(nearest.map((r) => r.id));
    const featured = await this.entitlements.usersWith(
      profiles.map((p) => p.userId),
      Role.Childminder,
      'recommendations.featured',
    );
    return profiles.map((p) => ({
      result: toSearchResult(p, origin, today),
      userId: p.userId,
      distanceMiles: distanceMiles(origin, { latitude: p.latitude!, longitude: p.longitude! }),
      ratingAverage: p.ratingAverage,
      ratingCount: p.ratingCount,
      hourlyRatePence: p.hourlyRatePence,
      ageGroups: p.ageGroups,
      capacityUnder1: p.capacityUnder1,
      capacityYoung: p.capacityYoung,
      capacityUnder8: p.capacityUnder8,
      languages: p.languages.map((l) => l.toLowerCase()),
      specialNeedsExperience: p.specialNeedsExperience,
      verified: p.compliantThrough !== null && p.compliantThrough >= today,
      featured: featured.has(p.userId),
    }));
  }

  /**
   * The reviews module keeps the profile's rating columns (search sorts and filters on them) in
   * step with its reviews, inside its own transaction.
   */
  // --- For bookings and last-minute: the profiles table stays this module's to read and lock. ---

  findById(id: string, manager?: EntityManager): Promise<ChildminderProfile | null> {
    return this.childminders.findById(id, manager);
  }

  findByUserId(userId: string, manager?: EntityManager): Promise<ChildminderProfile | null> {
    return this.childminders.findByUserId(userId, manager);
  }

  /**
   * The one lock path for a profile row (see ChildmindersRepository.lockById): the profile,
   * locked for the rest of `manager`'s transaction; null when there is none.
   */
  lockById(id: string, manager: EntityManager): Promise<ChildminderProfile | null> {
    return this.childminders.lockById(id, manager);
  }

  /** The childminder's own profile, locked the same way as by `lockById`; null when she has none. */
  lockByUserId(userId: string, manager: EntityManager): Promise<ChildminderProfile | null> {
    return this.childminders.lockByUserId(userId, manager);
  }

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
    return toPage(
      favorites.map((f) => ({
        ...toChildminderSummary(f.profile!, badgesOf(f.profile!)),
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
    return toOwnProfileResponse(profile, badgesOf(profile));
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
        await this.startWithStanding(profile, manager);
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
      await this.startWithStanding(profile, manager);
      if (active !== undefined) profile.active = active;
      this.applyChanges(profile, changes);
      return this.childminders.insert(profile, manager);
    });
    return this.ownResponse(created.id);
  }

  /** A new profile starts with its childminder's compliance standing (documents may come first). */
  private async startWithStanding(profile: ChildminderProfile, manager: EntityManager): Promise<void> {
    const [standing] = await this.compliance.standingsOf([profile.userId], manager);
    if (!standing) return;
    profile.complianceBadges = encodeBadges(standing.badges);
    profile.compliantThrough = standing.compliantThrough;
    profile.expiringFrom = standing.expiringFrom;
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
    const profile = (await this.childminders.findById(profileId)) ?? failWith(childminderNotFound());
    return toOwnProfileResponse(profile, badgesOf(profile));
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
    complianceBadges: '',
    compliantThrough: null,
    expiringFrom: null,
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

const ukTodayIso = () => ukToday().toISODate()!;

/** The badges a profile shows today (UK), from its stored standing. */
const badgesOf = (p: ChildminderProfile, today: string = ukTodayIso()): DocumentType[] =>
  badgesOn(p.complianceBadges, today);

/** A listed profile as a search result, with its exact distance from `origin` rounded for show. */
const toSearchResult = (p: ChildminderProfile, origin: GeoPoint, today: string): ChildminderSearchResult => ({
  ...toChildminderSummary(p, badgesOf(p, today)),
  distanceMiles: roundMiles(distanceMiles(origin, { latitude: p.latitude!, longitude: p.longitude! })),
  district: { latitude: p.latitude!, longitude: p.longitude! },
});

/** The public description of where a search or recommendation measured from. */
export const toOrigin = (origin: GeoLocation, radiusMiles: number): SearchOriginResponse => ({
  outcode: origin.outcode,
  town: origin.town,
  precision: origin.precision,
  radiusMiles,
  latitude: origin.latitude,
  longitude: origin.longitude,
});
