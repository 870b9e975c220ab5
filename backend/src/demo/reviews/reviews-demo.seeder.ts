import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { Review } from '@app/modules/reviews/entities/review.entity';
import { ReviewsService } from '@app/modules/reviews/reviews.service';

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
  constructor(private readonly reviews: ReviewsService) {}

  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    const parentId = users[Role.Parent];
    if (!parentId) return;
    const completed = await manager
      .getRepository(Booking)
      .find({ where: { parentId, status: BookingStatus.Completed }, order: { startsAt: 'ASC' } });
    for (const [index, booking] of completed.entries()) {
      await manager.getRepository(Review).insert(
        Object.assign(new Review(), {
          bookingId: booking.id,
          profileId: booking.profileId,
          parentId,
          rating: 5,
          text: DEMO_REVIEW_TEXTS[index % DEMO_REVIEW_TEXTS.length],
          reply: index === 0 ? 'Thank you, Priya! Maya is a joy to have.' : null,
          repliedAt: index === 0 ? new Date() : null,
        }),
      );
    }
    for (const profileId of new Set(completed.map((b) => b.profileId))) {
      await this.reviews.refreshRating(profileId, manager);
    }
  }
}
