import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/database/seed/demo-data';
import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import { Review } from '../entities/review.entity';
import { ReviewsRepository } from '../reviews.repository';

const DEMO_REVIEW_TEXTS = [
  'Maya settled in within a week. Lovely garden, home-cooked lunches and daily photos of what they did.',
  'Flexible with our shifts and always calm. Leo talks about the forest walks all the time.',
];

/**
 * The demo parent has reviewed her completed bookings with the demo childminder, who has
 * replied to the first: the profile page, the booking and the childminder's Reviews page show
 * real reviews. The profile's rating is recomputed from them, as a real review would do.
 */
@Injectable()
@DemoData(40)
export class ReviewsDemoSeeder implements DemoDataSeeder {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly childminders: ChildmindersService,
  ) {}

  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    const parentId = users[Role.Parent];
    if (!parentId) return;
    const completed = await manager
      .getRepository(Booking)
      .find({ where: { parentId, status: BookingStatus.Completed }, order: { startsAt: 'ASC' } });
    for (const [index, booking] of completed.entries()) {
      await this.reviews.insert(
        Object.assign(new Review(), {
          bookingId: booking.id,
          profileId: booking.profileId,
          parentId,
          rating: 5,
          text: DEMO_REVIEW_TEXTS[index % DEMO_REVIEW_TEXTS.length],
          reply: index === 0 ? 'Thank you, Priya! Maya is a joy to have.' : null,
          repliedAt: index === 0 ? new Date() : null,
        }),
        manager,
      );
    }
    for (const profileId of new Set(completed.map((b) => b.profileId))) {
      const { average, count } = await this.reviews.ratingOf(profileId, manager);
      await this.childminders.recordRating(profileId, average, count, manager);
    }
  }
}
