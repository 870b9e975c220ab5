import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';
import { uniqueEmail } from '../../factories/given';
import { Outbox } from '../../support/outbox';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'a long and private password';

/**
 * What a newcomer does on a fresh server, on both dialects (the API stage runs this file on
 * MariaDB and on SQLite): no demo account and no row written behind the API's back.
 */
describe('New users from nothing: a childminder becomes searchable, a parent finds her', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** Registers, confirms the email through the link in the outbox, signs in. */
  async function newUser(role: 'parent' | 'childminder', firstName: string, postcode: string) {
    const email = uniqueEmail(firstName.toLowerCase());
    const registered = await api
      .http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, firstName, lastName: 'Newcomer', role, postcode, acceptPrivacyNotice: true });
    expect(registered.status).toBe(201);
    const token = Outbox.tokenFrom(await api.outbox.latest(email, 'verify-email'), '/verify-email');
    expect((await api.http().post('/api/auth/verify-email').send({ token })).status).toBe(200);
    const login = await api.http().post('/api/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    return { email, auth: { Authorization: `Bearer ${login.body.accessToken}` } };
  }

  it('she registers, confirms, saves her profile once and is found by a new parent, who adds a child and opens it', async () => {
    const amara = await newUser('childminder', 'Amara', 'LS6 2AB');

    // A brand-new childminder has no profile yet: the editor starts empty.
    const before = await api.http().get('/api/user/childminder-profile').set(amara.auth);
    expect([200, 404]).toContain(before.status);

    // Her first save creates the profile (this answered 500 on SQLite).
    const saved = await api
      .http()
      .patch('/api/user/childminder-profile')
      .set(amara.auth)
      .send({
        displayName: 'Amara Newcomer',
        bio: 'Home-based childminder near Hyde Park with a garden, daily walks and home-cooked meals.',
        postcode: 'LS6 2AB',
        hourlyRatePence: 700,
        ageGroups: ['toddler', 'preschool'],
        languages: ['english', 'yoruba'],
        services: ['meals', 'school_pick_up'],
        openingHours: { monday: { open: '08:00', close: '17:30' }, wednesday: { open: '08:00', close: '17:30' } },
        ofstedUrn: 'EY765432',
      });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      displayName: 'Amara Newcomer',
      ageGroups: ['toddler', 'preschool'],
      languages: ['English', 'Yoruba'],
      services: ['meals', 'school_pick_up'],
      listed: true,
      completeness: expect.objectContaining({ complete: true }),
    });
    const profileId = saved.body.id as string;
    const reread = await api.http().get('/api/user/childminder-profile').set(amara.auth);
    expect(reread.status).toBe(200);
    expect(reread.body).toMatchObject({
      id: profileId,
      languages: ['English', 'Yoruba'],
      services: ['meals', 'school_pick_up'],
    });

    // A parent who registered a minute ago searches near her own postcode and finds Amara.
    const kofi = await newUser('parent', 'Kofi', 'LS6 1AA');
    const search = await api
      .http()
      .get('/api/childminders/search')
      .query({ postcode: 'LS6 1AA', radiusMiles: 5, pageSize: 100 });
    expect(search.status).toBe(200);
    const found = search.body.items.find((item: { id: string }) => item.id === profileId);
    expect(found).toMatchObject({ displayName: 'Amara Newcomer', postcodeDistrict: 'LS6' });

    const born = DateTime.now().setZone(UK_ZONE).minus({ years: 2, months: 4 }).toISODate()!;
    const child = await api
      .http()
      .post('/api/dashboard/parent/children')
      .set(kofi.auth)
      .send({ firstName: 'Ada', dateOfBirth: born });
    expect(child.status).toBe(201);
    const children = await api.http().get('/api/dashboard/parent/children').set(kofi.auth);
    expect(children.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Ada']);

    const opened = await api.http().get(`/api/childminders/${profileId}`).set(kofi.auth);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      id: profileId,
      displayName: 'Amara Newcomer',
      languages: ['English', 'Yoruba'],
      ageGroups: ['toddler', 'preschool'],
    });
    // Her full postcode stays private.
    expect(JSON.stringify(opened.body)).not.toContain('LS6 2AB');
  });
});
