import { Role } from '@app/common/auth/role';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { givenChildminder } from '../../api/bookings/support';
import { RoutePolicy } from '../policy';

/** Last-minute places (marketplace issue): openings, alert settings and auto-accept rules. */
export const lastMinutePolicies: RoutePolicy[] = [
  {
    route: 'GET /api/user/last-minute-schedule',
    access: [Role.Parent, Role.Childminder],
    ownership: "n/a: no id; a childminder sees only their own openings, a parent only other people's public openings",
  },
  {
    route: 'POST /api/user/last-minute-schedule',
    access: [Role.Childminder],
    ownership: 'n/a: creates an opening of the caller',
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
    ownership: "n/a: no id; the caller's own settings",
  },
  {
    route: 'PATCH /api/user/last-minute-settings',
    access: [Role.Parent, Role.Childminder],
    ownership: "n/a: no id in the path; another parent's child in childIds is 404, proven in last-minute.api-spec",
  },
];
