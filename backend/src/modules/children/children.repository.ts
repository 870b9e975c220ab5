import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsOrder, In, Repository } from 'typeorm';
import { forUpdate } from '@app/database/locking';
import { Child } from './entities/child.entity';

/** Oldest first, then by name: the order parents see and bookings list children in. */
const BY_AGE: FindOptionsOrder<Child> = { dateOfBirth: 'ASC', firstName: 'ASC', id: 'ASC' };

/** The children table, by the questions the product asks of it. */
@Injectable()
export class ChildrenRepository {
  constructor(@InjectRepository(Child) private readonly children: Repository<Child>) {}

  private repo(manager?: EntityManager): Repository<Child> {
    return manager ? manager.getRepository(Child) : this.children;
  }

  findById(id: string, manager?: EntityManager): Promise<Child | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /**
   * A parent's children, oldest first; with `ids`, only those of them (ids that are not this
   * parent's are simply absent, so a caller compares lengths to spot a foreign id).
   * For bookings: "are these children all mine?" and their dates of birth for capacity checks.
   */
  findForParent(parentId: string, ids?: readonly string[], manager?: EntityManager): Promise<Child[]> {
    if (ids && ids.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({
      where: ids ? { parentId, id: In([...ids]) } : { parentId },
      order: BY_AGE,
    });
  }

  /**
   * Locks the children's rows (`SELECT ... FOR UPDATE`) until the transaction ends. Bookings take
   * it after the childminder's lock, so that two requests for the same child with two different
   * childminders cannot both pass the "already booked at that time" check. Rows are locked in
   * primary-key order whatever the order of `ids`, so two such transactions cannot deadlock.
   */
  async lockForBooking(ids: readonly string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.getRepository(Child).find({
      select: { id: true },
      where: { id: In([...ids]) },
      order: { id: 'ASC' },
      ...forUpdate(manager),
    });
  }

  /** Children by id, whoever's they are: for bookings, which have already proven access. */
  findByIds(ids: readonly string[], manager?: EntityManager): Promise<Child[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({ where: { id: In([...ids]) }, order: BY_AGE });
  }

  /** The parents' children's ids and dates of birth only (last-minute alerts match ages). */
  birthdaysOf(
    parentIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Pick<Child, 'id' | 'parentId' | 'dateOfBirth'>[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({
      select: { id: true, parentId: true, dateOfBirth: true },
      where: { parentId: In([...parentIds]) },
    });
  }

  /** One page of a parent's children, oldest first, and how many there are in all. */
  pageForParent(parentId: string, page: { skip: number; take: number }): Promise<[Child[], number]> {
    return this.children.findAndCount({ where: { parentId }, order: BY_AGE, skip: page.skip, take: page.take });
  }

  countForParent(parentId: string, manager?: EntityManager): Promise<number> {
    return this.repo(manager).count({ where: { parentId } });
  }

  async insert(child: Child, manager?: EntityManager): Promise<Child> {
    await this.repo(manager).insert(child);
    return child;
  }

  async update(id: string, changes: Partial<Child>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update(id, changes);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete(id);
  }
}
