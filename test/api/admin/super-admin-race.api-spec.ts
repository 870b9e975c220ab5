import { In, Not, Repository } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

const USERS = '/api/admin/users';
/** Each race is run a few times: one run may happen not to interleave. */
const ROUNDS = 4;

type Move = (api: TestApp, actor: SignedInUser, other: SignedInUser) => PromiseLike<{ status: number }>;

const demote: Move = (api, actor, other) =>
  api.http().patch(`${USERS}/${other.user.id}`).set(actor.auth).send({ role: 'admin' });
const makeAdmin: Move = (api, actor, other) =>
  api.http().post('/api/admin/make-admin').set(actor.auth).send({ userId: other.user.id, role: 'admin' });
const suspend: Move = (api, actor, other) =>
  api.http().patch(`${USERS}/${other.user.id}`).set(actor.auth).send({ status: 'suspended' });
const erase: Move = (api, actor, other) => api.http().delete(`${USERS}/${other.user.id}`).set(actor.auth);
const deleteOwnAccount: Move = (api, actor) =>
  api.http().post('/api/user/delete-account').set(actor.auth).send({ password: actor.password });

/**
 * Two super admins act against each other at the same moment. Each request alone is allowed
 * (there are two of them), but both together would leave nobody to manage admins: whatever the
 * interleaving, one of them must be refused and one super admin must remain.
 */
describe('Two super admins racing to remove each other never leave the platform without one', () => {
  let api: TestApp;
  let users: Repository<User>;
  let othersSuspended: string[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    users = api.dataSource.getRepository(User);
    // For these stories the two racers are the only active super admins; the others come back afterwards.
    othersSuspended = (await users.find({ where: { role: Role.SuperAdmin, status: UserStatus.Active } })).map(
      (u) => u.id,
    );
    if (othersSuspended.length > 0) await users.update({ id: In(othersSuspended) }, { status: UserStatus.Suspended });
  });
  afterAll(async () => {
    if (othersSuspended.length > 0) await users.update({ id: In(othersSuspended) }, { status: UserStatus.Active });
    await api.close();
  });

  const activeSuperAdmins = (exceptIds: string[]) =>
    users.find({
      where: { role: Role.SuperAdmin, status: UserStatus.Active, id: Not(In(exceptIds.concat('none'))) },
    });

  // A suspended super admin no longer counts, so once suspended, deleting their own account
  // takes nothing away: in that story both may succeed.
  it.each([
    ['demote each other', demote, demote, [1]],
    ['promote-to-admin each other through make-admin', makeAdmin, makeAdmin, [1]],
    ['erase each other', erase, erase, [1]],
    ['suspend each other', suspend, suspend, [1]],
    ['one suspends the other while that one deletes their own account', suspend, deleteOwnAccount, [1, 2]],
    ['both delete their own accounts', deleteOwnAccount, deleteOwnAccount, [1]],
    ['one demotes the other while that one erases the first', demote, erase, [1]],
  ] as const)('they %s: one super admin always remains', async (_story, first, second, winners) => {
    for (let round = 0; round < ROUNDS; round++) {
      const one = await api.given.signedIn(Role.SuperAdmin);
      const two = await api.given.signedIn(Role.SuperAdmin);
      try {
        const [a, b] = await Promise.all([first(api, one, two), second(api, two, one)]);

        const remaining = await activeSuperAdmins(othersSuspended);
        expect(remaining).toHaveLength(1);
        const statuses = [a.status, b.status];
        expect(winners).toContain(statuses.filter((s) => s < 300).length);
        // A loser is refused: the last super admin (409), no longer a super admin itself (403),
        // or already signed out by the winner's change (401). Never a 500.
        for (const refused of statuses.filter((s) => s >= 300)) expect([401, 403, 409]).toContain(refused);
      } finally {
        // The next round starts again from no active super admin but its own two.
        await users.update(
          { id: In([one.user.id, two.user.id]), status: UserStatus.Active },
          {
            status: UserStatus.Suspended,
          },
        );
        othersSuspended.push(one.user.id, two.user.id);
      }
    }
  });
});
