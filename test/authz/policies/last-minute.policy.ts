import { Role } from '@app/common/auth/role';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { givenChildminder } from '../../api/bookings/support';
import { RoutePolicy } from '../policy';

/** Last-minute places (marketplace issue): openings, alert settings and auto-accept rules. */
export const lastMinutePolicies: RoutePolicy[] = [
  {
    route: 'GET /api/user/last-minute-schedule',
    access: [Role.Parent, Role.Childminder],
    ownership: {
      why: "no id; a childminder sees only their own openings, a parent only other people's public openings",
      coveredBy: {
        file: 'test/api/last-minute/last-minute.api-spec.ts',
        test: 'publishing alerts the matching parent once; too far, wrong age and alerts off get nothing',
      },
    },
  },
  {
    route: 'POST /api/user/last-minute-schedule',
    access: [Role.Childminder],
    ownership: {
      why: 'creates an opening of the caller',
      coveredBy: {
        file: 'test/api/last-minute/last-minute.api-spec.ts',
        test: 'another childminder cannot delete my opening (404); I can (204)',
      },
    },
  },
  {
    route: 'DELETE /api/user/last-minute-schedule',
    access: [Role.Childminder],
    ownership: [
      {
        name: "childminder B withdraws childminder A's opening",
        askAsOtherUser: async (api) => {
          const minderA = await givenChildminder(api, { name: 'Probe Opening' });
          const created = await api
            .http()
            .post('/api/user/last-minute-schedule')
            .set(minderA.auth)
            .send({
              date: '2099-01-05',
              startTime: '09:00',
              endTime: '12:00',
              places: 1,
              ageGroups: [AgeGroup.Toddler],
            });
          if (created.status !== 201) throw new Error(`Could not publish: ${created.status}`);
          const minderB = await givenChildminder(api, { name: 'Probe Other' });
          return api.http().delete('/api/user/last-minute-schedule').query({ id: created.body.id }).set(minderB.auth);
        },
      },
    ],
  },
  {
    route: 'GET /api/user/last-minute-settings',
    access: [Role.Parent, Role.Childminder],
    ownership: {
      why: "no id; the caller's own settings",
      coveredBy: {
        file: 'test/api/last-minute/last-minute.api-spec.ts',
        test: "a parent cannot choose another parent's child for alerts, nor publish; settings round-trip",
      },
    },
  },
  {
    route: 'PATCH /api/user/last-minute-settings',
    access: [Role.Parent, Role.Childminder],
    ownership: {
      why: "no id in the path; another parent's child in childIds is 404, proven in last-minute.api-spec",
      coveredBy: {
        file: 'test/api/last-minute/last-minute.api-spec.ts',
        test: "a parent cannot choose another parent's child for alerts, nor publish; settings round-trip",
      },
    },
  },
];
