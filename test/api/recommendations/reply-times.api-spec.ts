import { PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { givenListedChildminder, Role } from '../childminders/support';

jest.setTimeout(60_000);

interface Item {
  displayName: string;
  reasons: string[];
  matchScore: number;
}

/**
 * Anglesey, where no other story lists anyone: two childminders alike in everything but how
 * they answer. Ada answers every parent who writes to her; nobody has written to Cara yet.
 */
describe('Recommendations: a childminder who answers parents quickly is recommended for it, in words', () => {
  let api: TestApp;
  let ada: SignedInUser;
  const name = (n: string) => `${n} Anglesey`;

  let adaProfileId: string;
  let caraProfileId: string;

  beforeAll(async () => {
    api = await startTestApp();
    ada = await api.given.signedIn(Role.Childminder, { firstName: name('Ada'), postcode: 'LL65 1AA' });
    adaProfileId = (await givenListedChildminder(api, { displayName: name('Ada'), postcode: 'LL65 1AA' }, ada)).id;
    caraProfileId = (await givenListedChildminder(api, { displayName: name('Cara'), postcode: 'LL65 1AA' })).id;
  });
  afterAll(() => api.close());

  const send = (base: string, who: SignedInUser, body: object) =>
    api.http().post(`${base}/send`).set(who.auth).send(body);

  it('three parents write to Ada and she answers each: the next family is told she usually replies within an hour', async () => {
    const family = await api.given.signedIn(Role.Parent, { postcode: 'LL65 1XY' });
    const profile = async (id: string) => (await api.http().get(`/api/childminders/${id}`)).body;
    expect((await profile(adaProfileId)).usualReplyMinutes).toBeNull();
    const before: Item[] = (await api.http().get('/api/recommendations').query({ radiusMiles: 5 }).set(family.auth))
      .body.items;
    expect(before.flatMap((i) => i.reasons).join(' ')).not.toMatch(/repl/i);

    for (let i = 0; i < 3; i++) {
      const parent = await api.given.signedIn(Role.Parent, { plan: PlanKey.ParentPlus });
      const asked = await send('/api/dashboard/parent/messages', parent, {
        recipientId: ada.user.id,
        text: 'Hello, do you have a place on Tuesdays?',
      });
      expect(asked.status).toBe(201);
      // A second message from the parent is not a second question; her answer is what counts.
      await send('/api/dashboard/parent/messages', parent, { recipientId: ada.user.id, text: 'And Thursdays?' });
      const answered = await send('/api/dashboard/childminder/messages', ada, {
        conversationId: asked.body.message.conversationId,
        text: 'Yes, both!',
      });
      expect(answered.status).toBe(201);
    }

    const response = await api.http().get('/api/recommendations').query({ radiusMiles: 5 }).set(family.auth);
    expect(response.status).toBe(200);
    const items: Item[] = response.body.items;
    expect(items.map((i) => i.displayName)).toEqual([name('Ada'), name('Cara')]);
    expect(items[0]!.reasons).toEqual(
      expect.arrayContaining(['Usually replies within an hour', 'Replies to every parent within a day']),
    );
    expect(items[0]!.matchScore).toBeGreaterThan(items[1]!.matchScore);
    expect(items[1]!.reasons.join(' ')).not.toMatch(/repl/i);

    // Her public profile says so too; Cara's says nothing yet.
    expect((await profile(adaProfileId)).usualReplyMinutes).toEqual(expect.any(Number));
    expect((await profile(adaProfileId)).usualReplyMinutes).toBeLessThanOrEqual(60);
    expect((await profile(caraProfileId)).usualReplyMinutes).toBeNull();
  });
});
