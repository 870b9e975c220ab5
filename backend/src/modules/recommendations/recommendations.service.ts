import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthContext } from '@app/common/auth/auth-context';
import { FlatJson } from '@app/database/flat-json';
import { toPage } from '@app/common/pagination/page';
import type { GeoLocation } from '@app/modules/geo/geocoder.service';
import { Role } from '@app/common/auth/role';
import { AvailabilityService } from '@app/modules/availability/availability.service';
import { BookingsService } from '@app/modules/bookings/bookings.service';
import { ageGroupOn } from '@app/modules/childminders/age-groups';
import { ChildmindersService, toOrigin } from '@app/modules/childminders/childminders.service';
import { Weekday } from '@app/modules/childminders/childminder-vocabulary';
import { RecommendationCandidate } from '@app/modules/childminders/search/recommendation-pool';
import { parseIsoDate, ukToday } from '@app/modules/children/child-age';
import { ChildrenService } from '@app/modules/children/children.service';
import { MessagingService } from '@app/modules/messaging/messaging.service';
import type { ResponseStats } from '@app/modules/messaging/response-times';
import {
  RecommendationClickDto,
  RecommendationsQuery,
  RecommendedChildmindersQuery,
} from './dto/recommendations.query';
import { RecommendationPageResponse, RecommendationResponse, RecommendationsNeed } from './dto/recommendation.response';
import { CandidateFacts, ChildFacts, featuresOf, medianRate, padVector, ParentFacts } from './engine/features';
import {
  ChoiceSet,
  completeWeights,
  contributions,
  meanVector,
  PRIOR_WEIGHTS,
  probabilityFrom,
  train,
  Weights,
} from './engine/model';
import { reasonsFor } from './engine/reasons';
import { RecommendationImpression } from './entities/recommendation-impression.entity';
import { RecommendationModel } from './entities/recommendation-model.entity';
import { recommendationNotFound } from './recommendation.exception';
import { RecommendationsRepository } from './recommendations.repository';

/** The nearest this many listed childminders are scored: the cost stays flat however dense the area. */
export const POOL_SIZE = 200;
/** What a plan that features a childminder adds to her place in the order (never to her match score). */
export const FEATURED_BOOST = 0.1;
/** "Free on Tuesdays" means free for a working day when the parent has not said their hours. */
export const DEFAULT_CARE_HOURS = { from: '09:00', to: '17:00' } as const;
/** How far back training looks, how long a booking after a recommendation counts as its result. */
export const TRAINING_WINDOW_DAYS = 90;
export const BOOKING_ATTRIBUTION_DAYS = 30;
/** What training may read at most, and how long shown recommendations are kept at all. */
const TRAINING_ROW_LIMIT = 200_000;
export const IMPRESSION_RETENTION_DAYS = 180;
/** A booking says more about a match than a click. */
const CLICK_WEIGHT = 1;
const BOOKING_WEIGHT = 3;
/** Each instance re-reads the model in use at most this often: a new version reaches all of them within it. */
const MODEL_CACHE_MS = 60_000;

interface ModelInUse {
  version: number;
  weights: Weights;
}

/** What the parent asked for in this request (all optional). */
type Asked = Partial<Pick<RecommendationsQuery, 'maxHourlyRate' | 'languages' | 'days' | 'from' | 'to'>>;

const DAY_MS = 24 * 3600_000;

/**
 * Recommendations: scores the childminders near a family with a logistic model learned from
 * which recommendations parents clicked and booked, explains each score in words, and records
 * what was shown so the next model can learn from it. The only reader and writer of its tables.
 */
@Injectable()
export class RecommendationsService {
  private cached?: { model: ModelInUse; until: number };

  constructor(
    private readonly recommendations: RecommendationsRepository,
    private readonly childminders: ChildmindersService,
    private readonly children: ChildrenService,
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly messaging: MessagingService,
  ) {}

  /** `GET /api/recommendations`: the signed-in parent's own. */
  async forParent(auth: AuthContext, query: RecommendationsQuery): Promise<RecommendationPageResponse> {
    const origin = await this.childminders.searchOriginIfKnown(auth, query.postcode);
    // Not an error: the parent has not told us where they live yet, and the dashboard asks them to.
    if (!origin) {
      const { version } = await this.modelInUse();
      return { ...toPage([], 0, query), origin: null, modelVersion: version, needs: RecommendationsNeed.Postcode };
    }
    return this.recommend(auth, origin, query, query);
  }

  /** `GET /api/childminders/recommended`: for anyone, personal when a parent is signed in. */
  async near(auth: AuthContext | null, query: RecommendedChildmindersQuery): Promise<RecommendationPageResponse> {
    return this.recommend(auth, await this.childminders.searchOrigin(auth, query.postcode), query, {});
  }

  /** `POST /api/recommendations/click`: only the parent a recommendation was shown to may record it. */
  async click(auth: AuthContext, dto: RecommendationClickDto): Promise<void> {
    const shown = await this.recommendations.findShownTo(dto.recommendationId, auth.userId);
    if (!shown) throw recommendationNotFound();
    await this.recommendations.markClicked(shown.id, new Date());
  }

  private async recommend(
    auth: AuthContext | null,
    origin: GeoLocation,
    query: RecommendedChildmindersQuery,
    asked: Asked,
  ): Promise<RecommendationPageResponse> {
    const parentAuth = auth?.role === Role.Parent ? auth : null;
    const [pool, parent, model] = await Promise.all([
      this.childminders.recommendationPool(origin, query.radiusMiles, POOL_SIZE),
      this.parentFacts(parentAuth, asked),
      this.modelInUse(),
    ]);
    const [covering, replies] = await Promise.all([
      this.coveringCare(pool, parent, asked),
      this.messaging.responseStatsFor(pool.map((c) => c.userId)),
    ]);
    const localMedian = medianRate(pool.map((c) => c.hourlyRatePence));
    const facts = pool.map((c) => candidateFacts(c, query.radiusMiles, covering, localMedian, replies.get(c.userId)));
    const vectors = facts.map((f) => featuresOf(f, parent));
    const mean = meanVector(vectors);
    const ranked = pool
      .map((candidate, i) => {
        const parts = contributions(model.weights, vectors[i]!, mean);
        const probability = probabilityFrom(parts);
        return { candidate, facts: facts[i]!, vector: vectors[i]!, parts, probability };
      })
      .sort(
        (a, b) =>
          b.probability +
            (b.candidate.featured ? FEATURED_BOOST : 0) -
            (a.probability + (a.candidate.featured ? FEATURED_BOOST : 0)) ||
          a.candidate.distanceMiles - b.candidate.distanceMiles ||
          (a.candidate.result.id < b.candidate.result.id ? -1 : 1),
      );
    const skip = (query.page - 1) * query.pageSize;
    const window = ranked.slice(skip, skip + query.pageSize);

    const setId = randomUUID();
    const shown = window.map((r, i) =>
      Object.assign(new RecommendationImpression(), {
        setId,
        parentId: parentAuth?.userId ?? '',
        profileId: r.candidate.result.id,
        position: skip + i,
        features: r.vector.map((x) => Math.round(x * 1e4) / 1e4),
        matchScore: Math.round(r.probability * 100),
        modelVersion: model.version,
      }),
    );
    // Only a parent's recommendations are recorded: they are what training learns from and what a click names.
    if (parentAuth) await this.recommendations.recordShown(shown);

    const items: RecommendationResponse[] = window.map((r, i) => ({
      ...r.candidate.result,
      recommendationId: parentAuth ? shown[i]!.id : null,
      matchScore: shown[i]!.matchScore,
      reasons: reasonsFor(r.parts, r.facts, parent),
      featured: r.candidate.featured,
    }));
    return {
      items,
      total: ranked.length,
      page: query.page,
      pageSize: query.pageSize,
      origin: toOrigin(origin, query.radiusMiles),
      modelVersion: model.version,
      needs: null,
    };
  }

  /** The parent's children, needs and usual days; for anyone else only what they asked for. */
  private async parentFacts(parent: AuthContext | null, asked: Asked): Promise<ParentFacts> {
    const [children, usualDays] = parent
      ? await Promise.all([
          this.children.careFactsOf(parent.userId),
          asked.days?.length ? Promise.resolve(asked.days) : this.bookings.usualCareDays(parent.userId),
        ])
      : [[], asked.days ?? []];
    const today = ukToday();
    return {
      children: children.flatMap((child): ChildFacts[] => {
        const ageGroup = ageGroupOn(child.dateOfBirth, today);
        const born = parseIsoDate(child.dateOfBirth);
        if (!ageGroup || !born) return [];
        return [{ ageGroup, years: Math.floor(today.diff(born, 'years').years) }];
      }),
      anySpecialNeeds: children.some((child) => child.hasSpecialNeeds),
      maxHourlyRatePence: asked.maxHourlyRate ?? null,
      languages: asked.languages ?? [],
      careDays: usualDays.length > 0 ? usualDays : null,
    };
  }

  /** Which of the pool are free on the parent's days (null when the days are unknown). */
  private async coveringCare(
    pool: readonly RecommendationCandidate[],
    parent: ParentFacts,
    asked: Asked,
  ): Promise<ReadonlySet<string> | null> {
    if (!parent.careDays || pool.length === 0) return null;
    return this.availability.usersCovering(
      pool.map((c) => c.userId),
      {
        days: parent.careDays as Weekday[],
        from: asked.from ?? DEFAULT_CARE_HOURS.from,
        to: asked.to ?? DEFAULT_CARE_HOURS.to,
      },
    );
  }

  /** The latest trained weights, or the prior ones (version 0) before any training. */
  private async modelInUse(): Promise<ModelInUse> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.model;
    const latest = await this.recommendations.latestModel();
    const model = latest
      ? { version: latest.version, weights: completeWeights(latest.weights) }
      : { version: 0, weights: PRIOR_WEIGHTS };
    this.cached = { model, until: Date.now() + MODEL_CACHE_MS };
    return model;
  }

  /** The model in use, for admins and the training job's summary. */
  async currentModel(): Promise<ModelInUse> {
    return this.modelInUse();
  }

  /**
   * Learns new weights from what parents were shown in the last TRAINING_WINDOW_DAYS and what
   * they clicked or asked to book within BOOKING_ATTRIBUTION_DAYS, starting from (and pulled
   * towards) the prior weights; stores them as the next version. Without any choice to learn
   * from, keeps the model in use.
   */
  async trainModel(now = new Date()): Promise<FlatJson> {
    const since = new Date(now.getTime() - TRAINING_WINDOW_DAYS * DAY_MS);
    const [shown, requests] = await Promise.all([
      this.recommendations.shownSince(since, TRAINING_ROW_LIMIT),
      this.bookings.requestsSince(since, TRAINING_ROW_LIMIT),
    ]);
    const sets = choiceSets(shown, requests);
    const pruned = await this.recommendations.pruneShownBefore(
      new Date(now.getTime() - IMPRESSION_RETENTION_DAYS * DAY_MS),
    );
    const previous = await this.recommendations.latestModel();
    if (sets.length === 0) {
      return { trained: false, reason: 'no recommendation was clicked or booked', shown: shown.length, pruned };
    }
    const result = train(sets, PRIOR_WEIGHTS);
    const version = (previous?.version ?? 0) + 1;
    await this.recommendations.saveModel(
      Object.assign(new RecommendationModel(), {
        version,
        weights: result.weights,
        choiceSets: sets.length,
        pairs: result.pairs,
        lossBefore: result.lossBefore,
        lossAfter: result.lossAfter,
      }),
    );
    this.cached = undefined;
    return {
      trained: true,
      version,
      choiceSets: sets.length,
      pairs: result.pairs,
      lossBefore: Number(result.lossBefore.toFixed(4)),
      lossAfter: Number(result.lossAfter.toFixed(4)),
      pruned,
    };
  }
}

function candidateFacts(
  c: RecommendationCandidate,
  radiusMiles: number,
  covering: ReadonlySet<string> | null,
  localMedianRatePence: number | null,
  replies: ResponseStats | undefined,
): CandidateFacts {
  return {
    distanceMiles: c.distanceMiles,
    radiusMiles,
    ratingAverage: c.ratingAverage,
    ratingCount: c.ratingCount,
    hourlyRatePence: c.hourlyRatePence,
    ageGroups: c.ageGroups,
    capacityUnder1: c.capacityUnder1,
    capacityYoung: c.capacityYoung,
    capacityUnder8: c.capacityUnder8,
    languages: c.languages,
    specialNeedsExperience: c.specialNeedsExperience,
    verified: c.verified,
    coversCare: covering ? covering.has(c.userId) : null,
    localMedianRatePence,
    repliesAsked: replies?.asked ?? 0,
    replyRate: replies?.replyRate ?? null,
    medianReplyMinutes: replies?.medianReplyMinutes ?? null,
  };
}

/**
 * Each list a parent was shown, with what they chose from it: a click, or a booking request
 * for one of its childminders within BOOKING_ATTRIBUTION_DAYS (which counts for more). Lists
 * with nothing chosen, or nothing to choose between, teach nothing and are left out.
 */
export function choiceSets(
  shown: readonly RecommendationImpression[],
  requests: readonly { parentId: string; profileId: string; createdAt: Date }[],
): ChoiceSet[] {
  const requested = new Map<string, Date[]>();
  for (const r of requests) {
    const key = `${r.parentId}|${r.profileId}`;
    requested.set(key, [...(requested.get(key) ?? []), r.createdAt]);
  }
  const bookedAfter = (row: RecommendationImpression) =>
    (requested.get(`${row.parentId}|${row.profileId}`) ?? []).some(
      (at) => at >= row.shownAt && at.getTime() - row.shownAt.getTime() <= BOOKING_ATTRIBUTION_DAYS * DAY_MS,
    );
  const bySet = new Map<string, RecommendationImpression[]>();
  for (const row of shown) bySet.set(row.setId, [...(bySet.get(row.setId) ?? []), row]);
  const sets: ChoiceSet[] = [];
  for (const rows of bySet.values()) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => a.position - b.position);
    const chosen = rows.flatMap((row, index) => {
      const weight = bookedAfter(row) ? BOOKING_WEIGHT : row.clickedAt ? CLICK_WEIGHT : 0;
      return weight > 0 ? [{ index, weight }] : [];
    });
    if (chosen.length > 0 && chosen.length < rows.length)
      sets.push({ shown: rows.map((r) => padVector(r.features)), chosen });
  }
  return sets;
}
