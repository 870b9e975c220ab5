import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Review } from './entities/review.entity';
import { failWith } from '@app/common/errors/domain.exception';
import { reviewNotFound } from './review.exception';

/** The reviews table (bookings and users are read through their modules' services). */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findByBooking(bookingId: string, manager?: EntityManager): Promise<Review | null> {
    return (manager ?? this.dataSource.manager).getRepository(Review).findOne({ where: { bookingId } });
  }

  findForProfile(profileId: string, reviewId: string): Promise<Review | null> {
    return this.dataSource.getRepository(Review).findOne({ where: { id: reviewId, profileId } });
  }

  /** A review that must exist (a re-read after a write): a missing row is the coded 404. */
  async requireByBooking(bookingId: string, manager?: EntityManager): Promise<Review> {
    return (await this.findByBooking(bookingId, manager)) ?? failWith(reviewNotFound());
  }

  async requireForProfile(profileId: string, reviewId: string): Promise<Review> {
    return (await this.findForProfile(profileId, reviewId)) ?? failWith(reviewNotFound());
  }

  pageForProfile(profileId: string, skip: number, take: number): Promise<[Review[], number]> {
    return this.dataSource.getRepository(Review).findAndCount({
      where: { profileId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  async insert(review: Review, manager: EntityManager): Promise<void> {
    await manager.getRepository(Review).insert(review);
  }

  /** Writes the reply only if there is none yet: true when this call wrote it. */
  async replyOnce(reviewId: string, text: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Review)
      .createQueryBuilder()
      .update()
      .set({ reply: text, repliedAt: at })
      .where('id = :id AND reply IS NULL', { id: reviewId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The average and count of a profile's reviews, as the transaction sees them. */
  async ratingOf(profileId: string, manager: EntityManager): Promise<{ average: number | null; count: number }> {
    const row = await manager
      .getRepository(Review)
      .createQueryBuilder('review')
      .select('AVG(review.rating)', 'average')
      .addSelect('COUNT(*)', 'count')
      .where('review.profileId = :profileId', { profileId })
      .getRawOne<{ average: string | number | null; count: string | number }>();
    const count = Number(row?.count ?? 0);
    return { average: count > 0 ? Number(row?.average) : null, count };
  }
}
