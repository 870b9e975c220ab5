import { randomInt, randomUUID } from 'node:crypto';
import { Role } from '@app/common/auth/role';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { InboundWebhookDelivery } from '@app/modules/webhooks/entities/inbound-webhook-delivery.entity';
import { signInboundWebhook } from '@app/modules/webhooks/webhooks.service';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { CHILDMINDERS, completeProfileBody, OWN_PROFILE } from '../childminders/support';

jest.setTimeout(60_000);

const SECRET = 'ofsted-register-secret-0123456789abcdef';
/** A URN no other story uses (they share the database). */
const freshUrn = () => `EY${randomInt(100000, 999999)}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * The `ofsted` integration of POST /api/webhook: the operator's bridge reports Ofsted's register;
 * a childminder's registration status and latest inspection follow it, and a suspended or
 * cancelled registration reaches every admin at once, in the app and by email.
 */
describe('The Ofsted register feed keeps registrations current and flags suspensions to admins', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp({ INBOUND_WEBHOOK_SECRETS: JSON.stringify({ ofsted: SECRET }) });
    admin = await api.given.signedIn(Role.Admin, { firstName: 'Ada' });
  });
  afterAll(() => api.close());

  function deliver(body: unknown, options: { id?: string; secret?: string; event?: string } = {}) {
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    return api
      .http()
      .post('/api/webhook')
      .set('content-type', 'application/json')
      .set('x-webhook-integration', 'ofsted')
      .set('x-webhook-id', options.id ?? `ofsted-${randomUUID()}`)
      .set('x-webhook-timestamp', String(timestamp))
      .set('x-webhook-event', options.event ?? 'registration.updated')
      .set('x-webhook-signature', signInboundWebhook(options.secret ?? SECRET, timestamp, raw))
      .send(raw);
  }

  async function childminderWithUrn(displayName: string) {
    const urn = freshUrn();
    const minder = await api.given.signedIn(Role.Childminder);
    const saved = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send(completeProfileBody({ displayName, ofstedUrn: urn }));
    expect(saved.status).toBe(200);
    return { minder, urn, profileId: saved.body.id as string };
  }

  const profile = (id: string) => api.dataSource.getRepository(ChildminderProfile).findOneByOrFail({ id });
  const flagEmails = async () =>
    (await api.outbox.to(admin.email)).filter((e) => e.template === 'ofsted-registration-flagged');
  const flagNotifications = (subjectId: string) =>
    api.dataSource.getRepository(Notification).findBy({ userId: admin.user.id, type: 'compliance.ofsted', subjectId });

  it('a suspension updates the profile and tells admins once, however often it is delivered', async () => {
    const { minder, urn, profileId } = await childminderWithUrn('Sally Suspended');
    const emailsBefore = (await flagEmails()).length;
    const id = `ofsted-${randomUUID()}`;
    const entry = {
      urn: urn.toLowerCase(),
      registrationStatus: 'suspended',
      reportedAt: minutesAgo(5),
      registeredOn: '2015-03-02',
      latestInspection: { framework: 'legacy', inspectedOn: '2024-02-20', overallGrade: 'requires_improvement' },
    };

    const first = await deliver(entry, { id });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false, status: 'processed' });
    const updated = await profile(profileId);
    expect(updated).toMatchObject({
      ofstedRegistrationStatus: 'suspended',
      ofstedRegisteredOn: '2015-03-02',
      inspection: { framework: 'legacy', inspectedOn: '2024-02-20', overallGrade: 'requires_improvement' },
    });

    const emails = await flagEmails();
    expect(emails).toHaveLength(emailsBefore + 1);
    expect(emails.at(-1)!.subject).toBe('Ofsted registration suspended: Sally Suspended');
    expect(emails.at(-1)!.text).toContain(urn);
    const inApp = await flagNotifications(minder.user.id);
    expect(inApp).toHaveLength(1);
    expect(inApp[0]).toMatchObject({
      title: 'Ofsted registration suspended: Sally Suspended',
      link: '/admin/compliance',
    });

    // The same delivery again (the sender retried): nothing is done twice.
    const again = await deliver(entry, { id });
    expect(again.body).toEqual({ received: true, duplicate: true, status: 'processed' });
    // The register reports the same suspension again in a new delivery: no second alarm.
    const repeated = await deliver({ ...entry, reportedAt: minutesAgo(4) });
    expect(repeated.body.status).toBe('processed');
    expect(await flagEmails()).toHaveLength(emailsBefore + 1);
    expect(await flagNotifications(minder.user.id)).toHaveLength(1);

    // Parents see the register's word on the public profile.
    const publicProfile = await api.http().get(`${CHILDMINDERS}/${profileId}`);
    expect(publicProfile.status).toBe(200);
    expect(publicProfile.body.ofstedRegistrationStatus).toBe('suspended');

    // Lifted, then cancelled: only the cancellation is flagged.
    expect((await deliver({ urn, registrationStatus: 'active', reportedAt: minutesAgo(3) })).body.status).toBe(
      'processed',
    );
    expect((await profile(profileId)).ofstedRegistrationStatus).toBe('active');
    expect(await flagEmails()).toHaveLength(emailsBefore + 1);
    await deliver({ urn, registrationStatus: 'cancelled', reportedAt: minutesAgo(2) });
    expect((await flagEmails()).at(-1)!.subject).toBe('Ofsted registration cancelled: Sally Suspended');
    expect(await flagNotifications(minder.user.id)).toHaveLength(2);

    // A report older than the last applied one (delivered late) changes nothing.
    const late = await deliver({ urn, registrationStatus: 'active', reportedAt: minutesAgo(30) });
    expect(late.body.status).toBe('ignored');
    expect((await profile(profileId)).ofstedRegistrationStatus).toBe('cancelled');
  });

  it('a URN no childminder here gives is ignored: stored, nothing changed, nobody told', async () => {
    const emailsBefore = (await flagEmails()).length;
    const id = `ofsted-${randomUUID()}`;
    const response = await deliver(
      { urn: freshUrn(), registrationStatus: 'cancelled', reportedAt: minutesAgo(1) },
      { id },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true, duplicate: false, status: 'ignored' });
    const stored = await api.dataSource.getRepository(InboundWebhookDelivery).findOneByOrFail({ deliveryId: id });
    expect(stored).toMatchObject({ integration: 'ofsted', status: 'ignored', error: null });
    expect(await flagEmails()).toHaveLength(emailsBefore);
  });

  it('an unsigned or wrongly signed delivery is refused and changes nothing', async () => {
    const { urn, profileId } = await childminderWithUrn('Uma Unchanged');
    const forged = await deliver(
      { urn, registrationStatus: 'cancelled', reportedAt: minutesAgo(1) },
      { secret: 'not-the-ofsted-secret-0123456789abcdef' },
    );
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('WEBHOOK_UNVERIFIED');
    const unsigned = await api
      .http()
      .post('/api/webhook')
      .set('content-type', 'application/json')
      .set('x-webhook-integration', 'ofsted')
      .set('x-webhook-id', `ofsted-${randomUUID()}`)
      .send({ urn, registrationStatus: 'cancelled', reportedAt: minutesAgo(1) });
    expect(unsigned.status).toBe(401);
    expect((await profile(profileId)).ofstedRegistrationStatus).toBeNull();
  });

  it('a malformed entry is kept as failed, naming the problem, and changes nothing', async () => {
    const { urn, profileId } = await childminderWithUrn('Fay Failed');
    const id = `ofsted-${randomUUID()}`;
    const response = await deliver({ urn, registrationStatus: 'closed', reportedAt: 'yesterday' }, { id });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('failed');
    const stored = await api.dataSource.getRepository(InboundWebhookDelivery).findOneByOrFail({ deliveryId: id });
    expect(stored.error).toMatch(/registrationStatus must be one of/);
    expect(stored.error).toMatch(/reportedAt must be an ISO 8601/);
    expect((await profile(profileId)).ofstedRegistrationStatus).toBeNull();
  });
});
