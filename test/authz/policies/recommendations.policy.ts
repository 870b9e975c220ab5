import { Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/** Learned recommendations (Google and recommendations issue). */
export const recommendationsPolicies: RoutePolicy[] = [
  { route: 'GET /api/childminders/recommended', access: 'public' },
  {
    route: 'GET /api/recommendations',
    access: [Role.Parent],
    ownership: "n/a: a parent's own recommendations; nothing of another user is named",
  },
  {
    route: 'POST /api/recommendations/click',
    access: [Role.Parent],
    ownership:
      'n/a: a click on a recommendation shown to another parent is 404, proven in recommendations.api-spec ("only the parent a recommendation was shown to can record opening it")',
  },
];
