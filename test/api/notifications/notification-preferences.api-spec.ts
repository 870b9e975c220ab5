import { ActivityType } from '@app/modules/activity/activity-type';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import { startTestApp, TestApp } from '../../support/test-app';

interface Preference {
  type: string;
  label: string;
  description: string;
  email: boolean;
  inApp: boolean;
  locked: boolean;
}

const settings = (preferences: Preference[]) =>
  Object.fromEntries(preferences.map((p) => [p.type, { email: p.email, inApp: p.inApp, locked: p.locked }]));

const DEFAULTS = {
  account_security: { email: true, inApp: true, locked: true },
  messages: { email: true, inApp: true, locked: false },
  bookings: { email: true, inApp: true, locked: false },
  reminders: { email: true, inApp: true, locked: false },
  last_minute: { email: true, inApp: true, locked: false },
  product_news: { email: false, inApp: false, locked: false },
};

describe('Notification preferences', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a new parent sees every kind of notification with its defaults, account security locked on', async () => {
    const parent = await api.given.signedIn();
    const response = await api.http().get('/api/user/notification-preferences').set(parent.auth);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['preferences']);
    expect(settings(response.body.preferences)).toEqual(DEFAULTS);
    for (const preference of response.body.preferences as Preference[]) {
      expect(Object.keys(preference).sort()).toEqual(['description', 'email', 'inApp', 'label', 'locked', 'type']);
      expect(preference.label).not.toBe('');
      expect(preference.description).not.toBe('');
    }
  });

  it('a parent turns off booking emails and turns on product news in the app; nobody else is affected', async () => {
    const parent = await api.given.signedIn();
    const neighbour = await api.given.signedIn();

    const updated = await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(parent.auth)
      .send({
        preferences: [
          { type: 'bookings', email: false },
          { type: 'product_news', inApp: true },
        ],
      });
    expect(updated.status).toBe(200);
    const expected = {
      ...DEFAULTS,
      bookings: { email: false, inApp: true, locked: false },
      product_news: { email: false, inApp: true, locked: false },
    };
    expect(settings(updated.body.preferences)).toEqual(expected);

    const reread = await api.http().get('/api/user/notification-preferences').set(parent.auth);
    expect(settings(reread.body.preferences)).toEqual(expected);
    const theirs = await api.http().get('/api/user/notification-preferences').set(neighbour.auth);
    expect(settings(theirs.body.preferences)).toEqual(DEFAULTS);

    // Other modules ask before they send.
    const preferences = api.app.get(NotificationPreferencesService);
    expect(await preferences.allows(parent.user.id, NotificationType.Bookings, NotificationChannel.Email)).toBe(false);
    expect(await preferences.allows(parent.user.id, NotificationType.Bookings, NotificationChannel.InApp)).toBe(true);
    expect(await preferences.allows(neighbour.user.id, NotificationType.Bookings, NotificationChannel.Email)).toBe(
      true,
    );
    expect(await preferences.allows(neighbour.user.id, NotificationType.ProductNews, NotificationChannel.InApp)).toBe(
      false,
    );

    const activity = await api.http().get('/api/user/activity').set(parent.auth);
    expect(activity.body.items[0]).toMatchObject({
      type: ActivityType.NotificationPreferencesUpdated,
      description: 'Notification preferences updated',
    });

    // Turning booking emails back on is remembered too.
    const back = await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(parent.auth)
      .send({ preferences: [{ type: 'bookings', email: true, inApp: true }] });
    expect(settings(back.body.preferences).bookings).toEqual({ email: true, inApp: true, locked: false });
  });

  it('account security cannot be turned off: the whole change is refused, naming the field', async () => {
    const parent = await api.given.signedIn();
    const refused = await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(parent.auth)
      .send({
        preferences: [
          { type: 'messages', email: false },
          { type: 'account_security', email: false },
        ],
      });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'NOTIFICATION_PREFERENCE_LOCKED' });
    expect(refused.body.details).toEqual([
      { field: 'preferences.1.email', message: expect.stringMatching(/always on/) },
    ]);

    const after = await api.http().get('/api/user/notification-preferences').set(parent.auth);
    expect(settings(after.body.preferences)).toEqual(DEFAULTS);
    const activity = await api.http().get('/api/user/activity').set(parent.auth);
    expect(activity.body.items.map((a: { type: string }) => a.type)).not.toContain(
      ActivityType.NotificationPreferencesUpdated,
    );

    // Sending the whole list back unchanged, as a settings page may, is not a change.
    const unchanged = await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(parent.auth)
      .send({
        preferences: after.body.preferences.map(({ type, email, inApp }: Preference) => ({ type, email, inApp })),
      });
    expect(unchanged.status).toBe(200);
    expect(settings(unchanged.body.preferences)).toEqual(DEFAULTS);
  });

  it('refuses unknown types, repeated types and anything but booleans, naming the field', async () => {
    const parent = await api.given.signedIn();
    const patch = (body: unknown) =>
      api
        .http()
        .patch('/api/user/notification-preferences')
        .set(parent.auth)
        .send(body as object);

    const unknown = await patch({
      preferences: [
        { type: 'messages', email: false },
        { type: 'carrier_pigeon', email: true },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.details).toEqual([
      { field: 'preferences.1.type', message: expect.stringMatching(/^type must be one of: account_security, /) },
    ]);

    const notBoolean = await patch({ preferences: [{ type: 'messages', email: 'no' }] });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.details.map((d: { field: string }) => d.field)).toEqual(['preferences.0.email']);

    const extra = await patch({ preferences: [{ type: 'messages', sms: false }] });
    expect(extra.status).toBe(400);
    expect(extra.body.details.map((d: { field: string }) => d.field)).toEqual(['preferences.0.sms']);

    const repeated = await patch({
      preferences: [
        { type: 'messages', email: false },
        { type: 'messages', email: true },
      ],
    });
    expect(repeated.status).toBe(400);
    expect(repeated.body.details.map((d: { field: string }) => d.field)).toEqual(['preferences']);

    const missing = await patch({});
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('preferences');

    const after = await api.http().get('/api/user/notification-preferences').set(parent.auth);
    expect(settings(after.body.preferences)).toEqual(DEFAULTS);
  });

  it('is only for signed-in users', async () => {
    expect((await api.http().get('/api/user/notification-preferences')).status).toBe(401);
    expect((await api.http().patch('/api/user/notification-preferences').send({ preferences: [] })).status).toBe(401);
  });
});
