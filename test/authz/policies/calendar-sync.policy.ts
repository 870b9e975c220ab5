import { Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

const USERS = [Role.Parent, Role.Childminder] as const;

/** Google Calendar sync and ICS feeds (issue 13): each route acts on the caller's own connection or feed. */
export const calendarSyncPolicies: RoutePolicy[] = [
  { route: 'GET /api/calendar-sync/auth', access: USERS },
  { route: 'GET /api/calendar-sync/callback', access: 'public' },
  { route: 'GET /api/calendar-sync/status', access: USERS },
  { route: 'POST /api/calendar-sync/sync', access: USERS },
  { route: 'GET /api/calendar-sync/calendars', access: USERS },
  { route: 'PUT /api/calendar-sync/calendar', access: USERS },
  { route: 'DELETE /api/calendar-sync', access: USERS },
  { route: 'GET /api/calendar-sync/feed', access: USERS },
  { route: 'POST /api/calendar-sync/feed/regenerate', access: USERS },
  {
    route: 'GET /api/calendar-feeds/:token',
    access: 'public',
    ownership: {
      why: 'the random secret in the address is the credential; any other value is 404',
      coveredBy: {
        file: 'test/api/calendar-sync/ics-feed.api-spec.ts',
        test: 'a parent’s feed holds her bookings only; a wrong or regenerated secret is 404',
      },
    },
  },
];
