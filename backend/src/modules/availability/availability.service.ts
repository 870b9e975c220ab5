import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Page, toPage } from '@app/common/pagination/page';
import { parseIsoDate, UK_ZONE } from '@app/modules/children/child-age';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import { CareNeed } from '@app/modules/childminders/search/care-availability.port';
import {
  AvailabilityErrorCode,
  AvailabilityException,
  availabilityNotFound,
  invalidAvailability,
} from './availability.exception';
import { AvailabilityRepository } from './availability.repository';
import { CareAvailability } from './care-availability';
import { AvailabilityBlockDto } from './dto/availability-block.dto';
import {
  AvailabilityBlockResponse,
  AvailabilityOccurrenceResponse,
  PublicAvailabilityResponse,
  toAvailabilityBlockResponse,
  toOccurrenceResponse,
} from './dto/availability.response';
import { instant } from './dto/instant.validator';
import { ListAvailabilityQuery } from './dto/list-availability.query';
import { AvailabilityBlock, AvailabilitySource, AvailabilityType } from './entities/availability-block.entity';
import { expandBlock, lastEnd, normaliseRecurrence, Occurrence, recurrenceProblem } from './recurrence';
import { mergeRanges, subtractRanges, TimeRange } from './time-ranges';

/** A childminder keeps at most this many blocks: a week's pattern needs a handful. */
export const MAX_BLOCKS_PER_CHILDMINDER = 500;
/** One occurrence lasts at most a day: longer time off is a daily series. */
const MAX_BLOCK_HOURS = 24;
/** The widest range one request may expand (the calendar asks for a month or a week at a time). */
export const MAX_RANGE_DAYS = 400;
/** The public preview shows at most this far ahead per request. */
export const MAX_PUBLIC_RANGE_DAYS = 62;

export interface RangeOptions {
  defaultDays: number;
  maxDays: number;
}

/** An occurrence with the block it comes from. */
export interface BlockOccurrence {
  block: AvailabilityBlock;
  occurrence: Occurrence;
}

/** Available time and time off of one childminder in a window: what a booking is checked against. */
export interface AvailabilityWindow {
  /** Merged available time, minus nothing. */
  available: TimeRange[];
  /** Each occurrence of time off, with its title for the message. */
  unavailable: { range: TimeRange; title: string }[];
}

/**
 * Childminders' availability blocks: the only writer of their table. Bookings ask
 * `windowFor` whether a time is open; calendars ask `occurrencesFor`; the search asks
 * `usersCovering` (CareAvailability, which also keeps the coverage table every change here rewrites).
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly blocks: AvailabilityRepository,
    private readonly childminders: ChildmindersService,
    private readonly coverage: CareAvailability,
  ) {}

  /** Her own block, for a change: imported busy time is changed where it came from. */
  private async requireOwnBlock(auth: AuthContext, id: string): Promise<AvailabilityBlock> {
    const block = await this.requireBlockAccess(auth, id);
    if (block.source !== AvailabilitySource.Own) {
      throw new AvailabilityException(
        AvailabilityErrorCode.Imported,
        'This busy time comes from your Google Calendar: change it there, and it updates here at the next sync.',
      );
    }
    return block;
  }

  /**
   * Replaces the busy time an outside calendar reported for a childminder with `busy` (times
   * when she is not free). It is stored as unavailable time, so bookings and the search treat
   * it exactly like her own time off. Spans longer than a day are cut into day-long blocks.
   */
  async replaceImportedBusy(
    childminderId: string,
    source: Exclude<AvailabilitySource, AvailabilitySource.Own>,
    busy: readonly { startsAt: Date; endsAt: Date }[],
    title: string,
  ): Promise<number> {
    const blocks = mergeRanges(busy.map((b) => ({ start: +b.startsAt, end: +b.endsAt })))
      .flatMap(splitIntoDays)
      .slice(0, MAX_BLOCKS_PER_CHILDMINDER)
      .map((range) =>
        Object.assign(new AvailabilityBlock(), {
          childminderId,
          source,
          type: AvailabilityType.Unavailable,
          title,
          description: null,
          startsAt: new Date(range.start),
          endsAt: new Date(range.end),
          recurrence: null,
          exceptionDates: [],
          lastEndsAt: new Date(range.end),
        }),
      );
    await this.coverage.changing(childminderId, (manager) =>
      this.blocks.replaceImported(childminderId, source, blocks, manager),
    );
    return blocks.length;
  }

  /** The caller's own block, or the same 404 as for an id that does not exist. */
  async requireBlockAccess(auth: AuthContext, id: string): Promise<AvailabilityBlock> {
    const block = await this.blocks.findById(id);
    if (!block || block.childminderId !== auth.userId) throw availabilityNotFound();
    return block;
  }

  async list(auth: AuthContext, query: ListAvailabilityQuery): Promise<Page<AvailabilityBlockResponse>> {
    const from = query.from ? instant(query.from, { dateOnly: true }) : undefined;
    const to = query.to ? instant(query.to, { dateOnly: true }) : undefined;
    if (from && to && to <= from) throw invalidAvailability('to', 'to must be after from');
    const [rows, total] = await this.blocks.pageForChildminder(
      auth.userId,
      { from, to },
      {
        skip: query.skip,
        take: query.pageSize,
      },
    );
    return toPage(rows.map(toAvailabilityBlockResponse), total, query);
  }

  async get(auth: AuthContext, id: string): Promise<AvailabilityBlockResponse> {
    return toAvailabilityBlockResponse(await this.requireBlockAccess(auth, id));
  }

  async create(auth: AuthContext, dto: AvailabilityBlockDto): Promise<AvailabilityBlockResponse> {
    // A sanity limit: two racing requests may make it 501, which is harmless.
    if ((await this.blocks.countForChildminder(auth.userId)) >= MAX_BLOCKS_PER_CHILDMINDER) {
      throw new AvailabilityException(
        AvailabilityErrorCode.LimitReached,
        `You can keep up to ${MAX_BLOCKS_PER_CHILDMINDER} availability blocks. Remove old ones, or use a recurring block.`,
      );
    }
    const block = Object.assign(new AvailabilityBlock(), {
      childminderId: auth.userId,
      source: AvailabilitySource.Own,
      ...blockFields(dto),
    });
    await this.coverage.changing(auth.userId, (manager) => this.blocks.insert(block, manager));
    return toAvailabilityBlockResponse(await this.requireBlockAccess(auth, block.id));
  }

  /** PUT: the block becomes exactly what the body says. */
  async replace(auth: AuthContext, id: string, dto: AvailabilityBlockDto): Promise<AvailabilityBlockResponse> {
    const block = await this.requireOwnBlock(auth, id);
    const fields = blockFields(dto);
    await this.coverage.changing(auth.userId, (manager) => this.blocks.update(block.id, fields, manager));
    return toAvailabilityBlockResponse(await this.requireBlockAccess(auth, id));
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const block = await this.requireOwnBlock(auth, id);
    await this.coverage.changing(auth.userId, (manager) => this.blocks.delete(block.id, manager));
  }

  /**
   * Removes one occurrence (the one starting on the UK date `date`) the way a calendar app does:
   * a one-off block is deleted, a series gains an exception date.
   */
  async removeOccurrence(auth: AuthContext, id: string, date: string): Promise<void> {
    const block = await this.requireOwnBlock(auth, id);
    const day = parseIsoDate(date);
    if (!day) throw invalidAvailability('date', 'date must be a real date YYYY-MM-DD');
    const hit = expandBlock(block, day.minus({ days: 1 }).toJSDate(), day.plus({ days: 2 }).toJSDate()).some(
      (o) => o.date === date,
    );
    if (!hit) throw invalidAvailability('date', `This block has no occurrence on ${date}`);
    if (!block.recurrence) {
      await this.coverage.changing(auth.userId, (manager) => this.blocks.delete(block.id, manager));
      return;
    }
    const exceptionDates = [...new Set([...block.exceptionDates, date])].sort();
    const changes = { exceptionDates, lastEndsAt: lastEnd({ ...block, exceptionDates }) };
    await this.coverage.changing(auth.userId, (manager) => this.blocks.update(block.id, changes, manager));
  }

  /** Every occurrence of a childminder's blocks overlapping [from, to), earliest first. */
  async occurrencesFor(
    childminderId: string,
    from: Date,
    to: Date,
    manager?: EntityManager,
  ): Promise<BlockOccurrence[]> {
    const blocks = await this.blocks.findTouching(childminderId, { from, to }, manager);
    return blocks
      .flatMap((block) => expandBlock(block, from, to).map((occurrence) => ({ block, occurrence })))
      .sort((a, b) => +a.occurrence.startsAt - +b.occurrence.startsAt);
  }

  async calendarOccurrences(childminderId: string, from: Date, to: Date): Promise<AvailabilityOccurrenceResponse[]> {
    return (await this.occurrencesFor(childminderId, from, to)).map((o) => toOccurrenceResponse(o.block, o.occurrence));
  }

  /** A childminder's available time and time off in [from, to), read in the caller's transaction. */
  async windowFor(childminderId: string, from: Date, to: Date, manager?: EntityManager): Promise<AvailabilityWindow> {
    const occurrences = await this.occurrencesFor(childminderId, from, to, manager);
    const range = (o: BlockOccurrence): TimeRange => ({ start: +o.occurrence.startsAt, end: +o.occurrence.endsAt });
    return {
      available: mergeRanges(occurrences.filter((o) => o.block.type === AvailabilityType.Available).map(range)),
      unavailable: occurrences
        .filter((o) => o.block.type === AvailabilityType.Unavailable)
        .map((o) => ({ range: range(o), title: o.block.title })),
    };
  }

  /** Of these childminders, the ones whose availability covers `need` (see CareAvailability). */
  usersCovering(childminderUserIds: readonly string[], need: CareNeed): Promise<ReadonlySet<string>> {
    return this.coverage.usersCovering(childminderUserIds, need);
  }

  /** For parents on a profile: when a listed childminder is open, by the profile id. */
  async publicPreview(profileId: string, query: { from?: string; to?: string }): Promise<PublicAvailabilityResponse> {
    const profile = await this.childminders.requireListed(profileId);
    const { from, to } = resolveRange(query, { defaultDays: 28, maxDays: MAX_PUBLIC_RANGE_DAYS });
    const window = await this.windowFor(profile.userId, from, to);
    const open = subtractRanges(
      window.available,
      window.unavailable.map((u) => u.range),
    ).map((r) => ({ start: Math.max(r.start, +from), end: Math.min(r.end, +to) }));
    return {
      childminderId: profile.id,
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: UK_ZONE,
      slots: open
        .filter((r) => r.end > r.start)
        .map((r) => ({ startsAt: new Date(r.start).toISOString(), endsAt: new Date(r.end).toISOString() })),
    };
  }
}

/**
 * `?from=&to=` with defaults: from the start of today (UK) for `defaultDays`; a range must be
 * forwards and at most `maxDays` long (a 400 naming `to` otherwise).
 */
export function resolveRange(query: { from?: string; to?: string }, options: RangeOptions): { from: Date; to: Date } {
  const from = query.from
    ? instant(query.from, { dateOnly: true })
    : DateTime.now().setZone(UK_ZONE).startOf('day').toJSDate();
  const to = query.to
    ? instant(query.to, { dateOnly: true })
    : DateTime.fromJSDate(from, { zone: UK_ZONE }).plus({ days: options.defaultDays }).toJSDate();
  if (to <= from) throw invalidAvailability('to', 'to must be after from');
  if (+to - +from > options.maxDays * 86_400_000) {
    throw invalidAvailability('to', `The range may span at most ${options.maxDays} days`);
  }
  return { from, to };
}

/** A span cut at every MAX_BLOCK_HOURS, since one occurrence lasts at most that long. */
function splitIntoDays(range: TimeRange): TimeRange[] {
  const step = MAX_BLOCK_HOURS * 3_600_000;
  const parts: TimeRange[] = [];
  for (let start = range.start; start < range.end; start += step) {
    parts.push({ start, end: Math.min(range.end, start + step) });
  }
  return parts;
}

/** The stored fields of a block from a validated body; refuses what validation alone cannot judge. */
function blockFields(dto: AvailabilityBlockDto): Partial<AvailabilityBlock> {
  const startsAt = instant(dto.startsAt);
  const endsAt = instant(dto.endsAt);
  if (endsAt <= startsAt) throw invalidAvailability('endsAt', 'endsAt must be after startsAt');
  if (+endsAt - +startsAt > MAX_BLOCK_HOURS * 3_600_000) {
    throw invalidAvailability('endsAt', `A block lasts at most ${MAX_BLOCK_HOURS} hours; repeat it for longer periods`);
  }
  const latestStart = DateTime.now().plus({ years: 5 }).toJSDate();
  if (startsAt > latestStart) throw invalidAvailability('startsAt', 'startsAt must be within the next 5 years');
  const recurrence = dto.recurrence ? normaliseRecurrence(dto.recurrence) : null;
  if (recurrence) {
    const problem = recurrenceProblem(recurrence, startsAt);
    if (problem) throw invalidAvailability('recurrence', problem);
  }
  const exceptionDates = [...new Set(dto.exceptionDates ?? [])].sort();
  const badDate = exceptionDates.find((d) => !parseIsoDate(d));
  if (badDate) throw invalidAvailability('exceptionDates', `exceptionDates: ${badDate} is not a real date`);
  const fields = {
    startsAt,
    endsAt,
    type: dto.type,
    title: dto.title,
    description: dto.description ?? null,
    recurrence,
    exceptionDates,
  };
  return { ...fields, lastEndsAt: lastEnd(fields) };
}
