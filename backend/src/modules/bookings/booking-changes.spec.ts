import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { AuditService } from '@app/modules/audit/audit.service';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import { ChildrenService } from '@app/modules/children/children.service';
import { Child } from '@app/modules/children/entities/child.entity';
import { AutoAcceptRules } from '@app/modules/last-minute/auto-accept-rules';
import { BookingErrorCode, BookingException } from './booking.exception';
import { BookingChecks } from './booking-checks';
import { BookingNotifier } from './booking-notifier';
import { BookingAccess } from './booking-access';
import { BookingAdminService } from './booking-admin.service';
import { BookingAnswersService } from './booking-answers.service';
import { BookingLocks } from './booking-locks';
import { BookingRequestsService } from './booking-requests.service';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { ChildminderBookingAction } from './dto/booking-requests.dto';
import { Booking, BookingStatus } from './entities/booking.entity';

const auth = (userId: string, role: Role): AuthContext => ({
  userId,
  role,
  sessionId: 's',
  email: `${userId}@example.com`,
});
const parent = auth('parent-1', Role.Parent);
const minder = auth('minder-1', Role.Childminder);
const inDays = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};

describe('booking changes', () => {
  const manager = {} as EntityManager;
  const profile = Object.assign(new ChildminderProfile(), {
    id: 'profile-1',
    userId: minder.userId,
    displayName: 'Claire Hughes',
    hourlyRatePence: 650,
    visible: true,
    active: true,
    complete: true,
  });
  const child = Object.assign(new Child(), {
    id: 'child-1',
    parentId: parent.userId,
    firstName: 'Maya',
    dateOfBirth: '2024-01-01',
  });
  let booking: Booking;
  let bookings: {
    insert: jest.Mock;
    findDetailed: jest.Mock;
    findDetailedOrFail: jest.Mock;
    update: jest.Mock;
    findById: jest.Mock;
    transition: jest.Mock;
    hasCompletedBetween: jest.Mock;
  };
  let autoAccept: { confirmsReturningFamilies: jest.Mock };
  let checks: { problems: jest.Mock };
  let notifier: { queue: jest.Mock; announce: jest.Mock };
  let requests: BookingRequestsService;
  let answers: BookingAnswersService;
  let admin: BookingAdminService;
  let audit: { record: jest.Mock };

  beforeEach(() => {
    booking = Object.assign(new Booking(), {
      id: 'booking-1',
      parentId: parent.userId,
      childminderId: minder.userId,
      profileId: profile.id,
      status: BookingStatus.Pending,
      startsAt: inDays(3, 9),
      endsAt: inDays(3, 12),
      weeks: 1,
      notes: null,
      hourlyRatePence: 650,
      priceEstimatePence: 1950,
      statusReason: null,
      cancelledBy: null,
      sessions: [
        {
          id: 's1',
          bookingId: 'booking-1',
          childminderId: minder.userId,
          startsAt: inDays(3, 9),
          endsAt: inDays(3, 12),
        },
      ],
      children: [{ bookingId: 'booking-1', childId: child.id }],
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    bookings = {
      insert: jest.fn(),
      findDetailed: jest.fn(async () => booking),
      findDetailedOrFail: jest.fn(async () => booking),
      update: jest.fn(),
      findById: jest.fn(async () => booking),
      transition: jest.fn(async () => true),
      hasCompletedBetween: jest.fn(async () => false),
    };
    autoAccept = { confirmsReturningFamilies: jest.fn(async () => false) };
    checks = { problems: jest.fn(async () => []) };
    notifier = { queue: jest.fn(async () => ({ notifications: [], booking })), announce: jest.fn() };
    const childminders = { lockById: jest.fn(async () => profile), findById: jest.fn(async () => profile) };
    const children = {
      findForParent: jest.fn(async () => [child]),
      findByIds: jest.fn(async () => [child]),
      lockForBooking: jest.fn(async () => undefined),
    };
    const dataSource = { transaction: jest.fn((work: (m: EntityManager) => unknown) => work(manager)), manager };
    audit = { record: jest.fn() };
    const repository = bookings as unknown as BookingsRepository;
    const access = new BookingAccess(
      repository,
      children as unknown as ChildrenService,
      notifier as unknown as BookingNotifier,
    );
    const locks = new BookingLocks(
      repository,
      childminders as unknown as ChildmindersService,
      children as unknown as ChildrenService,
      dataSource as unknown as DataSource,
    );
    answers = new BookingAnswersService(
      repository,
      access,
      locks,
      checks as unknown as BookingChecks,
      notifier as unknown as BookingNotifier,
    );
    requests = new BookingRequestsService(
      repository,
      access,
      locks,
      answers,
      checks as unknown as BookingChecks,
      notifier as unknown as BookingNotifier,
      childminders as unknown as ChildmindersService,
      children as unknown as ChildrenService,
      autoAccept as unknown as AutoAcceptRules,
      dataSource as unknown as DataSource,
    );
    const reads = new BookingsService(
      repository,
      access,
      children as unknown as ChildrenService,
      audit as unknown as AuditService,
    );
    admin = new BookingAdminService(repository, reads, access, locks, answers, audit as unknown as AuditService);
  });

  const request = (overrides: Record<string, unknown> = {}) => ({
    childminderId: profile.id,
    childIds: [child.id],
    startsAt: inDays(3, 9).toISOString(),
    endsAt: inDays(3, 12).toISOString(),
    ...overrides,
  });

  describe(`${BookingRequestsService.name}.create`, () => {
    it('writes the booking with its price and queues the request email in the same transaction', async () => {
      const response = await requests.create(parent, request());
      expect(bookings.insert).toHaveBeenCalledTimes(1);
      const [written, sessions, links, used] = bookings.insert.mock.calls[0]!;
      expect(written).toMatchObject({
        status: BookingStatus.Pending,
        priceEstimatePence: 1950,
        childminderId: minder.userId,
      });
      expect(sessions).toHaveLength(1);
      expect(links).toEqual([expect.objectContaining({ childId: child.id })]);
      expect(used).toBe(manager);
      expect(notifier.queue).toHaveBeenCalledWith(manager, 'requested', booking, [child]);
      expect(notifier.announce).toHaveBeenCalledTimes(1);
      expect(response.allowedActions).toEqual(['modify', 'cancel']);
    });

    it('refuses a start in the past before reading any calendar, and writes nothing', async () => {
      const refusal = requests.create(
        parent,
        request({ startsAt: inDays(-1, 9).toISOString(), endsAt: inDays(-1, 12).toISOString() }),
      );
      await expect(refusal).rejects.toMatchObject({ code: BookingErrorCode.InvalidTimes });
      expect(checks.problems).not.toHaveBeenCalled();
      expect(bookings.insert).not.toHaveBeenCalled();
    });

    it('refuses with every problem the checks report, and writes and sends nothing', async () => {
      checks.problems.mockResolvedValue([
        {
          code: BookingErrorCode.OverCapacity,
          field: 'childIds',
          message: 'only 1 place for under-1s on Tue 3 Mar 09:00-12:00',
        },
        {
          code: BookingErrorCode.DuringTimeOff,
          field: 'startsAt',
          message: 'Claire Hughes is unavailable (Dentist) on Tue 3 Mar 11:00-12:00',
        },
      ]);
      const error = (await requests.create(parent, request()).catch((e) => e)) as BookingException;
      expect(error.code).toBe(BookingErrorCode.OverCapacity);
      expect(error.message).toBe(
        'Only 1 place for under-1s on Tue 3 Mar 09:00-12:00; Claire Hughes is unavailable (Dentist) on Tue 3 Mar 11:00-12:00',
      );
      expect(error.details).toHaveLength(2);
      expect(bookings.insert).not.toHaveBeenCalled();
      expect(notifier.queue).not.toHaveBeenCalled();
    });
  });

  describe(`${BookingRequestsService.name}.create, with the auto-accept rule for returning families`, () => {
    beforeEach(() => {
      autoAccept.confirmsReturningFamilies.mockResolvedValue(true);
      bookings.hasCompletedBetween.mockResolvedValue(true);
    });

    it('confirms at once, after the confirmation checks, and tells the parent it is confirmed', async () => {
      await requests.create(parent, request());
      expect(autoAccept.confirmsReturningFamilies).toHaveBeenCalledWith(minder.userId, manager);
      expect(bookings.hasCompletedBetween).toHaveBeenCalledWith(parent.userId, minder.userId, manager);
      // The request's checks, then a manual confirmation's (confirmed bookings only for clashes).
      expect(checks.problems).toHaveBeenCalledTimes(2);
      expect(checks.problems).toHaveBeenLastCalledWith(
        expect.objectContaining({ bookingId: booking.id, childClashStatuses: [BookingStatus.Confirmed] }),
        manager,
      );
      expect(bookings.transition).toHaveBeenCalledWith(
        booking.id,
        [BookingStatus.Pending],
        expect.objectContaining({ status: BookingStatus.Confirmed }),
        manager,
      );
      expect(notifier.queue).toHaveBeenCalledTimes(1);
      expect(notifier.queue).toHaveBeenCalledWith(manager, 'confirmed', booking, [child], { automatic: true });
    });

    it('leaves a new family pending: no completed booking with this childminder', async () => {
      bookings.hasCompletedBetween.mockResolvedValue(false);
      await requests.create(parent, request());
      expect(bookings.transition).not.toHaveBeenCalled();
      expect(notifier.queue).toHaveBeenCalledWith(manager, 'requested', booking, [child]);
    });

    it('leaves the request pending when the rule is off, without asking about past bookings', async () => {
      autoAccept.confirmsReturningFamilies.mockResolvedValue(false);
      await requests.create(parent, request());
      expect(bookings.hasCompletedBetween).not.toHaveBeenCalled();
      expect(bookings.transition).not.toHaveBeenCalled();
      expect(notifier.queue).toHaveBeenCalledWith(manager, 'requested', booking, [child]);
    });

    it('keeps the request pending, not refused, when the confirmation checks refuse', async () => {
      checks.problems.mockResolvedValueOnce([]).mockResolvedValueOnce([
        {
          code: BookingErrorCode.OverCapacity,
          field: 'childIds',
          message: 'only 1 place for under-1s on Tue 3 Mar 09:00-12:00',
        },
      ]);
      const response = await requests.create(parent, request());
      expect(bookings.insert).toHaveBeenCalledTimes(1);
      expect(bookings.transition).not.toHaveBeenCalled();
      expect(notifier.queue).toHaveBeenCalledWith(manager, 'requested', booking, [child]);
      expect(response.status).toBe(BookingStatus.Pending);
    });
  });

  describe(`${BookingAnswersService.name}.answer`, () => {
    it('confirms a pending request after the checks pass, as confirmed-only for child clashes', async () => {
      await answers.answer(minder, booking.id, { action: ChildminderBookingAction.Confirm });
      expect(checks.problems).toHaveBeenCalledWith(
        expect.objectContaining({ bookingId: booking.id, childClashStatuses: [BookingStatus.Confirmed] }),
        manager,
      );
      expect(bookings.transition).toHaveBeenCalledWith(
        booking.id,
        [BookingStatus.Pending],
        expect.objectContaining({ status: BookingStatus.Confirmed }),
        manager,
      );
    });

    it('refuses to confirm a booking that is no longer pending, and changes nothing', async () => {
      booking.status = BookingStatus.Cancelled;
      await expect(
        answers.answer(minder, booking.id, { action: ChildminderBookingAction.Confirm }),
      ).rejects.toMatchObject({
        code: BookingErrorCode.InvalidTransition,
        message: 'Only a pending request can be confirmed; this booking is cancelled',
      });
      expect(bookings.transition).not.toHaveBeenCalled();
      expect(notifier.queue).not.toHaveBeenCalled();
    });

    it('tells the childminder when the job expired the request at the same moment, and sends nothing', async () => {
      bookings.transition.mockResolvedValue(false);
      await expect(
        answers.answer(minder, booking.id, { action: ChildminderBookingAction.Confirm }),
      ).rejects.toMatchObject({
        code: BookingErrorCode.InvalidTransition,
      });
      expect(notifier.queue).not.toHaveBeenCalled();
    });

    it("answers another childminder's booking with the same 404 as a missing one", async () => {
      await expect(
        answers.answer(auth('minder-2', Role.Childminder), booking.id, { action: ChildminderBookingAction.Confirm }),
      ).rejects.toMatchObject({ code: BookingErrorCode.NotFound });
      expect(bookings.transition).not.toHaveBeenCalled();
    });
  });

  describe(`${BookingAnswersService.name}.cancel`, () => {
    it('lets a childminder reject, not cancel, a pending request', async () => {
      await expect(answers.cancel(minder, booking.id, 'Full')).rejects.toMatchObject({
        code: BookingErrorCode.InvalidTransition,
        message: 'Reject a pending request instead of cancelling it',
      });
      expect(bookings.transition).not.toHaveBeenCalled();
    });

    it('records who cancelled and why', async () => {
      await answers.cancel(parent, booking.id, 'Moving house');
      expect(bookings.transition).toHaveBeenCalledWith(
        booking.id,
        [BookingStatus.Pending, BookingStatus.Confirmed],
        expect.objectContaining({
          status: BookingStatus.Cancelled,
          statusReason: 'Moving house',
          cancelledBy: 'parent',
        }),
        manager,
      );
      expect(notifier.queue).toHaveBeenCalledWith(manager, 'cancelled', booking, [child], { cancelledBy: 'parent' });
    });
  });

  describe(`${BookingAdminService.name}.adminUpdate`, () => {
    const root = auth('admin-1', Role.Admin);

    it('writes the notes, the action and both audit entries in one transaction', async () => {
      await admin.adminUpdate(root, booking.id, { notes: 'Bring wellies', action: ChildminderBookingAction.Confirm });
      expect(bookings.update).toHaveBeenCalledWith(booking.id, { notes: 'Bring wellies' }, manager);
      expect(bookings.transition).toHaveBeenCalledWith(
        booking.id,
        [BookingStatus.Pending],
        expect.objectContaining({ status: BookingStatus.Confirmed }),
        manager,
      );
      expect(audit.record.mock.calls.map(([, record, used]) => [record.action, used])).toEqual([
        ['booking.notes.update', manager],
        ['booking.confirm', manager],
      ]);
    });

    it('fails as a whole when the action is refused: no action audited, nothing announced', async () => {
      booking.status = BookingStatus.Cancelled;
      await expect(
        admin.adminUpdate(root, booking.id, { notes: 'Bring wellies', action: ChildminderBookingAction.Confirm }),
      ).rejects.toMatchObject({ code: BookingErrorCode.InvalidTransition });
      expect(audit.record.mock.calls.map(([, record]) => record.action)).toEqual(['booking.notes.update']);
      expect(notifier.announce).not.toHaveBeenCalled();
    });
  });

  describe(`${BookingAdminService.name}.adminCancel`, () => {
    it('records the cancellation in the audit log inside the same transaction', async () => {
      await admin.adminCancel(auth('admin-1', Role.Admin), booking.id, 'Duplicate');
      expect(bookings.transition).toHaveBeenCalledWith(
        booking.id,
        [BookingStatus.Pending, BookingStatus.Confirmed],
        expect.objectContaining({ status: BookingStatus.Cancelled, cancelledBy: 'admin' }),
        manager,
      );
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ userId: 'admin-1' }),
        expect.objectContaining({ action: 'booking.cancel', metadata: { reason: 'Duplicate' } }),
        manager,
      );
    });
  });
});
