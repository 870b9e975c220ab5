import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { isUniqueViolation } from '@app/database/unique-violation';
import { PageQuery, toPage } from '@app/common/pagination/page';
import { BookingsService } from '@app/modules/bookings/bookings.service';
import { BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import {
  CreateReviewDto,
  ReplyToReviewDto,
  ReviewPageResponse,
  ReviewResponse,
  toReviewResponse,
} from './dto/review.dto';
import { Review } from './entities/review.entity';
import { ReviewErrorCode, ReviewException, reviewNotFound } from './review.exception';
import { ReviewsRepository } from './reviews.repository';

/** Reviews of completed bookings: one per booking, one reply each; the profile's rating follows. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly childminders: ChildmindersService,
    private readonly bookings: BookingsService,
    private readonly users: UsersService,
  ) {}

  /** A listed childminder's reviews, newest first, with the rating they add up to. */
  async list(profileId: string, query: PageQuery): Promise<ReviewPageResponse> {
    const profile = await this.childminders.requireListed(profileId);
    const [rows, total] = await this.reviews.pageForProfile(profile.id, query.skip, query.pageSize);
    const names = await this.firstNames([...new Set(rows.map((r) => r.parentId))]);
    return {
      ...toPage(
        rows.map((r) => toReviewResponse(r, names.get(r.parentId) ?? 'A parent')),
        total,
        query,
      ),
      ratingAverage: profile.ratingAverage,
      ratingCount: profile.ratingCount,
    };
  }

  /**
   * The parent's review of one of their completed bookings with this childminder. Someone
   * else's booking, or one with another childminder, is the same 404 as no booking at all.
   */
  async create(auth: AuthContext, profileId: string, dto: CreateReviewDto): Promise<ReviewResponse> {
    const booking = await this.bookings.findParties(dto.bookingId);
    if (!booking || booking.parentId !== auth.userId || booking.profileId !== profileId) throw reviewNotFound();
    if (booking.status !== BookingStatus.Completed) {
      throw new ReviewException(
        ReviewErrorCode.BookingNotCompleted,
        'You can review a booking once it has been completed.',
        [{ field: 'bookingId', message: 'This booking has not been completed yet' }],
      );
    }
    const review = Object.assign(new Review(), {
      bookingId: booking.id,
      profileId: booking.profileId,
      parentId: auth.userId,
      rating: dto.rating,
      text: dto.text || null,
      reply: null,
      repliedAt: null,
    });
    await this.reviews.transaction(async (manager) => {
      if (await this.reviews.findByBooking(booking.id, manager)) throw alreadyReviewed();
      // The unique index on bookingId settles a race between two submissions of the same review.
      await this.reviews.insert(review, manager).catch((error: unknown) => {
        throw isUniqueViolation(error) ? alreadyReviewed() : error;
      });
      await this.refreshRating(booking.profileId, manager);
    });
    const names = await this.firstNames([auth.userId]);
    return toReviewResponse(await this.reviews.requireByBooking(booking.id), names.get(auth.userId) ?? 'A parent');
  }

  /** Sets the profile's rating to what its reviews add up to (a new review, the demo data). */
  async refreshRating(profileId: string, manager: EntityManager): Promise<void> {
    const { average, count } = await this.reviews.ratingOf(profileId, manager);
    await this.childminders.recordRating(profileId, average, count, manager);
  }

  /** The childminder answers a review of theirs, once. */
  async reply(auth: AuthContext, profileId: string, reviewId: string, dto: ReplyToReviewDto): Promise<ReviewResponse> {
    const profile = await this.childminders.requireListed(profileId).catch(() => null);
    if (!profile || profile.userId !== auth.userId) throw reviewNotFound();
    const review = await this.reviews.findForProfile(profile.id, reviewId);
    if (!review) throw reviewNotFound();
    if (!(await this.reviews.replyOnce(review.id, dto.text, new Date()))) {
      throw new ReviewException(ReviewErrorCode.AlreadyReplied, 'You have already replied to this review.');
    }
    const updated = await this.reviews.requireForProfile(profile.id, reviewId);
    const names = await this.firstNames([updated.parentId]);
    return toReviewResponse(updated, names.get(updated.parentId) ?? 'A parent');
  }

  /** Parents' first names by user id (the users module answers). */
  private async firstNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const users = await this.users.findByIds(userIds);
    return new Map([...users].map(([id, user]) => [id, user.firstName]));
  }
}

const alreadyReviewed = () =>
  new ReviewException(ReviewErrorCode.AlreadyReviewed, 'You have already reviewed this booking.', [
    { field: 'bookingId', message: 'This booking already has your review' },
  ]);
