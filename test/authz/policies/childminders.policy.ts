import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

const PARENT_ONLY = [Role.Parent] as const;

/** Childminder profiles, search, recommendations and favourites (marketplace issue). */
export const childmindersPolicies: RoutePolicy[] = [
  { route: 'GET /api/childminders', access: 'public' },
  { route: 'POST /api/childminders', access: ADMIN_ROLES },
  { route: 'GET /api/childminders/search', access: 'public' },
  { route: 'GET /api/geo/map-settings', access: 'public' },
  { route: 'GET /api/childminders/favorites', access: PARENT_ONLY },
  {
    route: 'GET /api/childminders/:id',
    access: 'public',
    ownership: {
      why: 'a listed childminder profile is public by design; hidden ones are 404 to everyone',
      coveredBy: {
        file: 'test/api/childminders/search.api-spec.ts',
        test: 'hidden, inactive and incomplete profiles never appear',
      },
    },
  },
  {
    route: 'POST /api/childminders/:id/favorite',
    access: PARENT_ONLY,
    ownership: {
      why: 'the id is a public profile; the favourite is keyed by the caller, so no one can touch another parent’s list (favorites.api-spec proves it)',
      coveredBy: {
        file: 'test/api/childminders/favorites.api-spec.ts',
        test: "parents each keep their own list: adding twice is harmless, removing takes it off, another parent's list is separate",
      },
    },
  },
  {
    route: 'DELETE /api/childminders/:id/favorite',
    access: PARENT_ONLY,
    ownership: {
      why: 'the id is a public profile; only the caller’s own favourite is removed (favorites.api-spec proves it)',
      coveredBy: {
        file: 'test/api/childminders/favorites.api-spec.ts',
        test: "parents each keep their own list: adding twice is harmless, removing takes it off, another parent's list is separate",
      },
    },
  },
  { route: 'GET /api/user/childminder-profile', access: [Role.Childminder] },
  { route: 'PATCH /api/user/childminder-profile', access: [Role.Childminder] },
];
