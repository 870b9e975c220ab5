import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { ChildBookingsPort } from './child-bookings.port';
import { ChildErrorCode, ChildException } from './child.exception';
import { ChildrenRepository } from './children.repository';
import { ChildrenService, MAX_CHILDREN_PER_PARENT } from './children.service';
import { Child } from './entities/child.entity';

/** The repository's contract over a Map, so the service's rules are tested without a database. */
class InMemoryChildren {
  readonly rows = new Map<string, Child>();
  writes = 0;

  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async findForParent(parentId: string) {
    return [...this.rows.values()].filter((c) => c.parentId === parentId);
  }
  async pageForParent(parentId: string, page: { skip: number; take: number }): Promise<[Child[], number]> {
    const all = (await this.findForParent(parentId)).sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth));
    return [all.slice(page.skip, page.skip + page.take), all.length];
  }
  async countForParent(parentId: string) {
    return (await this.findForParent(parentId)).length;
  }
  async insert(child: Child) {
    this.writes++;
    this.rows.set(child.id, Object.assign(child, { createdAt: new Date(), updatedAt: new Date() }));
    return child;
  }
  async update(id: string, changes: Partial<Child>) {
    this.writes++;
    Object.assign(this.rows.get(id)!, changes);
  }
  async delete(id: string) {
    this.writes++;
    this.rows.delete(id);
  }
}

const parent = (userId: string): AuthContext => ({
  userId,
  role: Role.Parent,
  sessionId: 's',
  email: `${userId}@example.com`,
});

describe(ChildrenService.name, () => {
  let repository: InMemoryChildren;
  let service: ChildrenService;
  /** An explicit fake of the bookings module's answer: the ids of children in an active booking. */
  let booked: Set<string>;
  const alice = parent('alice');
  const bob = parent('bob');

  beforeEach(() => {
    repository = new InMemoryChildren();
    booked = new Set();
    const bookings: ChildBookingsPort = { hasActiveBooking: async (childId) => booked.has(childId) };
    service = new ChildrenService(repository as unknown as ChildrenRepository, bookings);
  });

  const addChild = (auth: AuthContext, dateOfBirth = '2022-05-01') =>
    service.create(auth, { firstName: 'Maya', dateOfBirth, allergies: 'Peanuts' });

  const expectNotFound = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChildException);
    expect((error as ChildException).code).toBe(ChildErrorCode.NotFound);
  };

  describe('requireChildAccess', () => {
    it('gives the parent their own child and anyone else the same 404 as a missing id', async () => {
      const { id } = await addChild(alice);
      expect((await service.requireChildAccess(alice, id)).parentId).toBe('alice');
      await expectNotFound(service.requireChildAccess(bob, id));
      await expectNotFound(service.requireChildAccess(alice, '5b0b5c4e-0000-4000-8000-000000000000'));
    });

    it('refuses other roles until their rules exist (childminder with a booking, audited admin)', async () => {
      const { id } = await addChild(alice);
      await expectNotFound(service.requireChildAccess({ ...alice, userId: 'admin', role: Role.Admin }, id));
    });
  });

  describe('create', () => {
    it('stores the child for the caller and answers with its age', async () => {
      const created = await addChild(alice);
      expect(created).toMatchObject({
        firstName: 'Maya',
        dateOfBirth: '2022-05-01',
        allergies: 'Peanuts',
        specialNeeds: null,
      });
      expect(created.ageDescription).toMatch(/year/);
      expect(repository.rows.get(created.id)!.parentId).toBe('alice');
    });

    it('refuses a child beyond the limit and writes nothing', async () => {
      for (let i = 0; i < MAX_CHILDREN_PER_PARENT; i++) await addChild(alice);
      const writes = repository.writes;
      await expect(addChild(alice)).rejects.toMatchObject({ code: ChildErrorCode.LimitReached });
      expect(repository.writes).toBe(writes);
      expect(await repository.countForParent('alice')).toBe(MAX_CHILDREN_PER_PARENT);
    });
  });

  describe('list', () => {
    it("lists only the caller's children, oldest first", async () => {
      await addChild(alice, '2023-01-01');
      await addChild(alice, '2020-06-15');
      await addChild(bob, '2021-01-01');
      const page = await service.list(alice, Object.assign(new PageQuery(), { page: 1, pageSize: 20 }));
      expect(page.total).toBe(2);
      expect(page.items.map((c) => c.dateOfBirth)).toEqual(['2020-06-15', '2023-01-01']);
    });
  });

  describe('update', () => {
    it('changes only the fields sent, and null clears a note', async () => {
      const { id } = await addChild(alice);
      const updated = await service.update(alice, id, { firstName: 'Maia', allergies: null });
      expect(updated).toMatchObject({ firstName: 'Maia', allergies: null, dateOfBirth: '2022-05-01' });
    });

    it("writes nothing for another parent's child", async () => {
      const { id } = await addChild(alice);
      const writes = repository.writes;
      await expectNotFound(service.update(bob, id, { firstName: 'Stolen' }));
      expect(repository.writes).toBe(writes);
      expect(repository.rows.get(id)!.firstName).toBe('Maya');
    });

    it('writes nothing for an empty change', async () => {
      const { id } = await addChild(alice);
      const writes = repository.writes;
      expect((await service.update(alice, id, {})).firstName).toBe('Maya');
      expect(repository.writes).toBe(writes);
    });
  });

  describe('remove', () => {
    it("deletes the parent's own child, and nothing for anyone else", async () => {
      const { id } = await addChild(alice);
      await expectNotFound(service.remove(bob, id));
      expect(repository.rows.has(id)).toBe(true);
      await service.remove(alice, id);
      expect(repository.rows.has(id)).toBe(false);
    });

    it('refuses while the child is in a pending or confirmed booking, and deletes nothing', async () => {
      const { id } = await addChild(alice);
      booked.add(id);
      await expect(service.remove(alice, id)).rejects.toMatchObject({ code: ChildErrorCode.HasActiveBookings });
      expect(repository.rows.has(id)).toBe(true);
    });
  });
});
