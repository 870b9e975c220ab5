import { Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/** Learned recommendations (Google and recommendations issue). */
export const recommendationsPolicies: RoutePolicy[] = [
  { route: 'GET /api/childminders/recommended', access: 'public' },
  {
    route: 'GET /api/recommendations',
    access: [Role.Parent],
    ownership: {
      why: "a parent's own recommendations; nothing of another user is named",
      coveredBy: {
        file: 'test/api/recommendations/recommendations.api-spec.ts',
        test: 'anyone may see recommendations for a postcode; only a signed-in parent gets ids to click',
      },
    },
  },
  {
    route: 'POST /api/recommendations/click',
    access: [Role.Parent],
    ownership: {
      why: 'a click on a recommendation shown to another parent is 404, proven in recommendations.api-spec ("only the parent a recommendation was shown to can record opening it")',
      coveredBy: {
        file: 'test/api/recommendations/recommendations.api-spec.ts',
        test: 'only the parent a recommendation was shown to can record opening it',
      },
    },
  },
];
