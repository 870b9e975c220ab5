import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { ChildBookingsPort } from './child-bookings.port';
import { childNotFound, ChildErrorCode, ChildException } from './child.exception';
import { ukToday } from './child-age';
import { CreateChildDto } from './dto/create-child.dto';
import { ChildResponse, toChildResponse } from './dto/child.response';
import { UpdateChildDto } from './dto/update-child.dto';
import { Child } from './entities/child.entity';
import { ChildrenRepository } from './children.repository';

/** A family larger than this is almost certainly a mistake or abuse; the limit keeps lists to one page. */
export const MAX_CHILDREN_PER_PARENT = 20;

/** What last-minute alerts read of a child: whose it is and how old. */
export type ChildBirthday = Pick<Child, 'id' | 'parentId' | 'dateOfBirth'>;

type ChildChanges = Partial<Pick<Child, 'firstName' | 'dateOfBirth' | 'specialNeeds' | 'allergies' | 'medicalNotes'>>;

/** A parent's children: the only writer of the children table. */
@Injectable()
export class ChildrenService {
  constructor(
    private readonly children: ChildrenRepository,
    private readonly bookings: ChildBookingsPort,
  ) {}

  /**
   * The child behind `id` if `auth` may see it; otherwise the same 404 as for an id that does
   * not exist. Every method that takes a child id starts here.
   *
   * Only the child's parent may, through these routes. Childminders and admins read a child
   * only inside a booking: the booking response (bookings/dto/booking.mapper.ts) shows a
   * childminder the child's details while that booking is confirmed or in progress, and every
   * admin read of a booking is written to the audit log.
   */
  async requireChildAccess(auth: AuthContext, id: string): Promise<Child> {
    const child = await this.children.findById(id);
    if (!child || child.parentId !== auth.userId) throw childNotFound();
    return child;
  }

  async list(auth: AuthContext, query: PageQuery): Promise<Page<ChildResponse>> {
    const [children, total] = await this.children.pageForParent(auth.userId, {
      skip: query.skip,
      take: query.pageSize,
    });
    const today = ukToday();
    return toPage(
      children.map((child) => toChildResponse(child, today)),
      total,
      query,
    );
  }

  /** What matching a childminder needs to know of a parent's children: ages and whether any has special needs. */
  async careFactsOf(parentId: string): Promise<{ dateOfBirth: string; hasSpecialNeeds: boolean }[]> {
    const [children] = await this.children.pageForParent(parentId, { skip: 0, take: MAX_CHILDREN_PER_PARENT });
    return children.map((child) => ({
      dateOfBirth: child.dateOfBirth,
      hasSpecialNeeds: Boolean(child.specialNeeds?.trim()),
    }));
  }

  // --- For bookings and last-minute alerts: the children table stays this module's to read. ---

  /** See ChildrenRepository.findForParent: a parent's children, only those of `ids` when given. */
  findForParent(parentId: string, ids?: readonly string[], manager?: EntityManager): Promise<Child[]> {
    return this.children.findForParent(parentId, ids, manager);
  }

  /** Children by id, whoever's they are: for callers that have already proven access. */
  findByIds(ids: readonly string[], manager?: EntityManager): Promise<Child[]> {
    return this.children.findByIds(ids, manager);
  }

  /** The one lock path for children's rows: see ChildrenRepository.lockForBooking. */
  lockForBooking(ids: readonly string[], manager: EntityManager): Promise<void> {
    return this.children.lockForBooking(ids, manager);
  }

  countForParent(parentId: string, manager?: EntityManager): Promise<number> {
    return this.children.countForParent(parentId, manager);
  }

  /** The parents' children's ids and dates of birth. */
  birthdaysOf(parentIds: readonly string[], manager?: EntityManager): Promise<ChildBirthday[]> {
    return this.children.birthdaysOf(parentIds, manager);
  }

  async get(auth: AuthContext, id: string): Promise<ChildResponse> {
    return toChildResponse(await this.requireChildAccess(auth, id));
  }

  async create(auth: AuthContext, dto: CreateChildDto): Promise<ChildResponse> {
    // Two requests racing past the count can make 21; harmless for a sanity limit, so no lock.
    if ((await this.children.countForParent(auth.userId)) >= MAX_CHILDREN_PER_PARENT) {
      throw new ChildException(
        ChildErrorCode.LimitReached,
        `You can add up to ${MAX_CHILDREN_PER_PARENT} children. Remove one before adding another.`,
      );
    }
    const child = Object.assign(new Child(), {
      parentId: auth.userId,
      firstName: dto.firstName,
      dateOfBirth: dto.dateOfBirth,
      specialNeeds: dto.specialNeeds ?? null,
      allergies: dto.allergies ?? null,
      medicalNotes: dto.medicalNotes ?? null,
    });
    await this.children.insert(child);
    return toChildResponse(await this.requireChildAccess(auth, child.id));
  }

  async update(auth: AuthContext, id: string, dto: UpdateChildDto): Promise<ChildResponse> {
    const child = await this.requireChildAccess(auth, id);
    const changes = changesFrom(dto);
    if (Object.keys(changes).length === 0) return toChildResponse(child);
    await this.children.update(child.id, changes);
    return toChildResponse(await this.requireChildAccess(auth, id));
  }

  /**
   * Removes the child, unless a pending or confirmed booking still counts on them (the parent
   * cancels it first). Finished bookings stay in the history without the child.
   */
  async remove(auth: AuthContext, id: string): Promise<void> {
    const child = await this.requireChildAccess(auth, id);
    if (await this.bookings.hasActiveBooking(child.id)) {
      throw new ChildException(
        ChildErrorCode.HasActiveBookings,
        `${child.firstName} has a pending or confirmed booking. Cancel it before removing ${child.firstName}.`,
      );
    }
    await this.children.delete(child.id);
  }
}

/** Only the fields the request carried; `null` clears a note. */
function changesFrom(dto: UpdateChildDto): ChildChanges {
  const changes: ChildChanges = {};
  if (dto.firstName !== undefined) changes.firstName = dto.firstName;
  if (dto.dateOfBirth !== undefined) changes.dateOfBirth = dto.dateOfBirth;
  if (dto.specialNeeds !== undefined) changes.specialNeeds = dto.specialNeeds;
  if (dto.allergies !== undefined) changes.allergies = dto.allergies;
  if (dto.medicalNotes !== undefined) changes.medicalNotes = dto.medicalNotes;
  return changes;
}
