import { PRIVACY_NOTICE_VERSION } from '@app/modules/privacy/privacy-notice';
import { User } from '@app/modules/users/entities/user.entity';
import { uniqueEmail } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

/** Registration asks for consent to the privacy notice and keeps when, and which version. */
describe('Registering needs the privacy notice accepted', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const body = (email: string) => ({
    email,
    password: 'a long family password',
    firstName: 'Cara',
    lastName: 'Consent',
    role: 'parent',
  });

  it('without consent (missing, false or a string) the answer is 400 naming acceptPrivacyNotice, and no account', async () => {
    const email = uniqueEmail('noconsent');
    for (const consent of [{}, { acceptPrivacyNotice: false }, { acceptPrivacyNotice: 'true' }]) {
      const refused = await api
        .http()
        .post('/api/auth/register')
        .send({ ...body(email), ...consent });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.details).toEqual([
        { field: 'acceptPrivacyNotice', message: expect.stringMatching(/acceptPrivacyNotice must be true/) },
      ]);
    }
    expect(await api.dataSource.getRepository(User).countBy({ email })).toBe(0);
    expect(await api.outbox.to(email)).toHaveLength(0);
  });

  it('with consent the account stores when the person agreed and to which version of the notice', async () => {
    const email = uniqueEmail('consent');
    const before = Date.now();
    const registered = await api
      .http()
      .post('/api/auth/register')
      .send({ ...body(email), acceptPrivacyNotice: true });
    expect(registered.status).toBe(201);
    const user = await api.dataSource.getRepository(User).findOneByOrFail({ email });
    expect(user.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(user.privacyConsentAt).toBeInstanceOf(Date);
    // Seconds precision on MariaDB's datetime.
    expect(user.privacyConsentAt!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(user.privacyConsentAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
