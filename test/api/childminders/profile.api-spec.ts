import { randomUUID } from 'node:crypto';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { startTestApp, TestApp } from '../../support/test-app';
import { A_BIO, CHILDMINDERS, completeProfileBody, OWN_PROFILE, Role } from './support';

jest.setTimeout(60_000);

const fieldsOf = (body: { details?: { field: string }[] }) =>
  [...new Set((body.details ?? []).map((d) => d.field))].sort();

describe('A childminder keeps their profile; admins create profiles', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const rowOf = (userId: string) => api.dataSource.getRepository(ChildminderProfile).findOne({ where: { userId } });

  it('a childminder starts a profile, sees what is missing, completes it and appears publicly without the postcode', async () => {
    const minder = await api.given.signedIn(Role.Childminder, {
      firstName: 'Claire',
      lastName: 'Hughes',
      postcode: 'M20 2LS',
    });
    const before = await api.http().get(OWN_PROFILE).set(minder.auth);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('CHILDMINDER_PROFILE_NOT_STARTED');

    const started = await api.http().patch(OWN_PROFILE).set(minder.auth).send({ bio: A_BIO, hourlyRatePence: 650 });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      displayName: 'Claire Hughes',
      // The account's postcode places a new profile.
      postcode: 'M20 2LS',
      postcodeDistrict: 'M20',
      town: 'Manchester',
      hourlyRatePence: 650,
      capacity: { under8: 6, young: 3, under1: 1 },
      visible: true,
      active: true,
      listed: false,
      completeness: { complete: false },
    });
    expect(
      started.body.completeness.missing
        .filter((m: { required: boolean }) => m.required)
        .map((m: { key: string }) => m.key)
        .sort(),
    ).toEqual(['ageGroups', 'languages', 'ofstedUrn', 'openingHours']);
    expect((await api.http().get(`${CHILDMINDERS}/${started.body.id}`)).status).toBe(404);

    const completed = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send({
        postcode: 'sk4 1aa',
        town: 'Heaton Moor',
        ageGroups: ['toddler', 'preschool'],
        languages: ['english', ' british  sign language '],
        services: ['school_pick_up', 'funded_hours_30'],
        openingHours: { monday: { open: '08:00', close: '17:30' }, friday: null },
        ofstedUrn: 'ey123456',
        ofstedRegisteredOn: '2019-09-02',
        inspection: { framework: 'legacy', inspectedOn: '2023-05-10', overallGrade: 'good' },
        capacity: { under8: 5, young: 3, under1: 0 },
        ownChildrenDatesOfBirth: ['2021-04-01'],
      });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      postcode: 'SK4 1AA',
      postcodeDistrict: 'SK4',
      town: 'Heaton Moor',
      languages: ['English', 'British Sign Language'],
      ofstedUrn: 'EY123456',
      capacity: { under8: 5, young: 3, under1: 0 },
      ownChildrenDatesOfBirth: ['2021-04-01'],
      listed: true,
      completeness: { complete: true },
      openingHours: { monday: { open: '08:00', close: '17:30' }, tuesday: null, friday: null },
      inspection: { framework: 'legacy', inspectedOn: '2023-05-10', overallGrade: 'good' },
    });
    expect(completed.body.completeness.percent).toBeGreaterThan(80);

    const publicView = await api.http().get(`${CHILDMINDERS}/${completed.body.id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body).toMatchObject({ postcodeDistrict: 'SK4', town: 'Heaton Moor' });
    expect(JSON.stringify(publicView.body)).not.toContain('SK4 1AA');
    expect(publicView.body).not.toHaveProperty('ownChildrenDatesOfBirth');

    const row = await rowOf(minder.user.id);
    expect(row).toMatchObject({ postcode: 'SK4 1AA', complete: true, capacityUnder1: 0 });
    expect(row!.latitude).toBeCloseTo(53.419, 2);

    // A report card replaces the legacy grade; hiding takes the profile out of public view.
    const reportCard = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send({
        visible: false,
        inspection: {
          framework: 'report_card',
          inspectedOn: '2026-02-03',
          safeguardingMet: true,
          grades: {
            inclusion: 'strong_standard',
            curriculumAndTeaching: 'expected_standard',
            achievement: 'strong_standard',
            behaviourAttitudesAndRoutines: 'exceptional',
            childrensWelfareAndWellBeing: 'strong_standard',
            leadershipAndGovernance: 'expected_standard',
          },
        },
      });
    expect(reportCard.status).toBe(200);
    expect(reportCard.body.inspection).toMatchObject({ framework: 'report_card', safeguardingMet: true });
    expect(reportCard.body.inspection).not.toHaveProperty('overallGrade');
    expect(reportCard.body.listed).toBe(false);
    expect((await api.http().get(`${CHILDMINDERS}/${completed.body.id}`)).status).toBe(404);
  });

  it('refuses unknown fields and bad values with a 400 naming them, and changes nothing', async () => {
    const minder = await api.given.signedIn(Role.Childminder, { postcode: 'M20 2LS' });
    const saved = await api.http().patch(OWN_PROFILE).set(minder.auth).send(completeProfileBody());
    expect(saved.status).toBe(200);
    const patch = (body: object) => api.http().patch(OWN_PROFILE).set(minder.auth).send(body);

    const unknown = await patch({
      bio: 'Changed',
      ratingAverage: 5,
      active: true,
      userId: randomUUID(),
      nickname: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['active', 'nickname', 'ratingAverage', 'userId']);
    expect(unknown.body.message).toContain('ratingAverage is not an accepted field');

    const nested = await patch({ openingHours: { monday: { open: '08:00', close: '18:00', lunch: '12:00' } } });
    expect(nested.status).toBe(400);
    expect(fieldsOf(nested.body)).toEqual(['openingHours.monday.lunch']);

    const bad = await patch({
      bio: 'x'.repeat(2001),
      hourlyRatePence: 6.5,
      ageGroups: ['teenager'],
      ofstedUrn: 'AB12',
      postcode: 'NOT A POSTCODE',
      capacity: { under8: 20, young: 3, under1: 1 },
      displayName: null,
      photoUrl: 'http://insecure.example.com/me.jpg',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([
      'ageGroups',
      'bio',
      'capacity.under8',
      'displayName',
      'hourlyRatePence',
      'ofstedUrn',
      'photoUrl',
      'postcode',
    ]);

    const rules = await patch({
      openingHours: { monday: { open: '18:00', close: '08:00' } },
      capacity: { under8: 2, young: 3, under1: 1 },
    });
    expect(rules.status).toBe(400);
    expect(fieldsOf(rules.body)).toEqual(['capacity.young', 'openingHours.monday']);

    const inspection = await patch({ inspection: { framework: 'legacy', inspectedOn: '2030-01-01' } });
    expect(fieldsOf(inspection.body)).toEqual(['inspection.inspectedOn', 'inspection.overallGrade']);

    const row = await rowOf(minder.user.id);
    expect(row).toMatchObject({
      bio: completeProfileBody().bio,
      hourlyRatePence: 650,
      capacityUnder8: 6,
      ratingAverage: null,
    });
    expect(row!.openingHours!.monday).toEqual({ open: '07:30', close: '18:00' });
  });

  it('only childminders have a childminder profile', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().get(OWN_PROFILE).set(parent.auth)).status).toBe(403);
    expect((await api.http().patch(OWN_PROFILE).set(parent.auth).send({ bio: A_BIO })).status).toBe(403);
    expect((await api.http().get(OWN_PROFILE)).status).toBe(401);
  });

  it('an admin creates the profile of a childminder user, once', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const { user } = await api.given.childminder();
    const created = await api
      .http()
      .post(CHILDMINDERS)
      .set(admin.auth)
      .send({ userId: user.id, ...completeProfileBody({ displayName: 'Grace Okafor', postcode: 'M19 2AA' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userId: user.id,
      displayName: 'Grace Okafor',
      postcode: 'M19 2AA',
      postcodeDistrict: 'M19',
      listed: true,
      active: true,
    });
    expect((await api.http().get(`${CHILDMINDERS}/${created.body.id}`)).body.displayName).toBe('Grace Okafor');

    // The childminder sees and edits it as their own.
    const { accessToken } = await api.given.login(user.email, 'correct horse battery staple');
    const own = await api.http().get(OWN_PROFILE).set('Authorization', `Bearer ${accessToken}`);
    expect(own.body.id).toBe(created.body.id);

    const again = await api
      .http()
      .post(CHILDMINDERS)
      .set(admin.auth)
      .send({ userId: user.id, displayName: 'Again', postcode: 'M20' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHILDMINDER_PROFILE_EXISTS');

    const parent = await api.given.parent();
    const notAMinder = await api
      .http()
      .post(CHILDMINDERS)
      .set(admin.auth)
      .send({ userId: parent.user.id, displayName: 'Parent', postcode: 'M20' });
    expect(notAMinder.status).toBe(400);
    expect(notAMinder.body).toMatchObject({ code: 'NOT_A_CHILDMINDER', details: [{ field: 'userId' }] });
    const nobody = await api
      .http()
      .post(CHILDMINDERS)
      .set(admin.auth)
      .send({ userId: randomUUID(), displayName: 'Nobody', postcode: 'M20' });
    expect(nobody.body.code).toBe('NOT_A_CHILDMINDER');

    const other = await api.given.childminder();
    const missing = await api.http().post(CHILDMINDERS).set(admin.auth).send({ userId: other.user.id });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['displayName', 'postcode']);
    const inactive = await api
      .http()
      .post(CHILDMINDERS)
      .set(admin.auth)
      .send({ userId: other.user.id, active: false, ...completeProfileBody() });
    expect(inactive.body).toMatchObject({ active: false, listed: false });
    expect(await rowOf(parent.user.id)).toBeNull();

    const minder = await api.given.signedIn(Role.Childminder);
    const forbidden = await api
      .http()
      .post(CHILDMINDERS)
      .set(minder.auth)
      .send({ userId: minder.user.id, displayName: 'Me', postcode: 'M20' });
    expect(forbidden.status).toBe(403);
    expect(await rowOf(minder.user.id)).toBeNull();
  });
});
