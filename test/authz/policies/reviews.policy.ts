import { Role } from '@app/common/auth/role';
import { givenChildminder, givenCompletedBooking, givenPlusParent } from '../../api/bookings/support';
import { RoutePolicy } from '../policy';

/** Reviews of completed bookings (marketplace issue). */
export const reviewsPolicies: RoutePolicy[] = [
  {
    route: 'GET /api/childminders/:id/reviews',
    access: 'public',
    ownership: {
      why: 'the reviews of a listed childminder are public by design',
      coveredBy: {
        file: 'test/api/reviews/reviews.api-spec.ts',
        test: 'anyone may read reviews; an unknown childminder is 404',
      },
    },
  },
  {
    route: 'POST /api/childminders/:id/reviews',
    access: [Role.Parent],
    ownership: [
      {
        name: "parent B reviews parent A's completed booking",
        askAsOtherUser: async (api) => {
          const minder = await givenChildminder(api, { name: 'Probe Reviewed' });
          const bookingId = await givenCompletedBooking(api, minder, await givenPlusParent(api, 'ProbeA'), 3);
          const parentB = await api.given.signedIn(Role.Parent);
          return api
            .http()
            .post(`/api/childminders/${minder.profile.id}/reviews`)
            .set(parentB.auth)
            .send({ bookingId, rating: 1 });
        },
      },
    ],
  },
  {
    route: 'POST /api/childminders/:id/reviews/:reviewId/reply',
    access: [Role.Childminder],
    ownership: {
      why: 'another childminder replying to a review of someone else is 404, proven in reviews.api-spec ("the childminder replies once; another childminder cannot")',
      coveredBy: {
        file: 'test/api/reviews/reviews.api-spec.ts',
        test: 'the childminder replies once; another childminder cannot',
      },
    },
  },
];
