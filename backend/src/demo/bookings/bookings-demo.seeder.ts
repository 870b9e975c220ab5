import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { UK_ZONE } from '@app/modules/children/child-age';
import { Child } from '@app/modules/children/entities/child.entity';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { priceEstimatePence, sessionsFor } from '@app/modules/bookings/booking-rules';
import { BookingChild } from '@app/modules/bookings/entities/booking-child.entity';
import { BookingSession } from '@app/modules/bookings/entities/booking-session.entity';
import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';

interface DemoBooking {
  /** Weeks from this week's Monday (negative: the past), day of the week (0 = Monday), times. */
  week: number;
  day: number;
  from: string;
  to: string;
  weeks: number;
  children: ('Maya' | 'Leo')[];
  status: BookingStatus;
  notes?: string;
  reason?: string;
  cancelledBy?: string;
}

/**
 * Some history for the demo parent with the demo childminder: completed and cancelled care in
 * the past, a confirmed weekly booking and a pending request ahead. All inside the demo
 * childminder's opening hours and within capacity.
 */
const DEMO_BOOKINGS: DemoBooking[] = [
  {
    week: -4,
    day: 1,
    from: '09:00',
    to: '15:00',
    weeks: 2,
    children: ['Maya', 'Leo'],
    status: BookingStatus.Completed,
  },
  {
    week: -1,
    day: 3,
    from: '08:00',
    to: '12:00',
    weeks: 1,
    children: ['Leo'],
    status: BookingStatus.Cancelled,
    reason: 'Leo was unwell',
    cancelledBy: 'parent',
  },
  {
    week: 1,
    day: 1,
    from: '08:30',
    to: '16:30',
    weeks: 6,
    children: ['Maya'],
    status: BookingStatus.Confirmed,
    notes: 'Maya naps after lunch; nappies and spare clothes in her bag.',
  },
  {
    week: 1,
    day: 3,
    from: '09:00',
    to: '13:00',
    weeks: 1,
    children: ['Leo'],
    status: BookingStatus.Pending,
    notes: 'Could you do the nursery drop-off at 13:15?',
  },
];

@Injectable()
@DemoData(30)
export class BookingsDemoSeeder implements DemoDataSeeder {
  async seed(context: DemoSeedContext): Promise<void> {
    const parentId = context.users[Role.Parent];
    const minderId = context.users[Role.Childminder];
    if (!parentId || !minderId) return;
    const profile = await context.manager.getRepository(ChildminderProfile).findOne({ where: { userId: minderId } });
    const children = await context.manager.getRepository(Child).find({ where: { parentId } });
    if (!profile || children.length === 0) return;
    const byName = new Map(children.map((c) => [c.firstName, c]));
    const monday = DateTime.now().setZone(UK_ZONE).startOf('week');
    const rate = profile.hourlyRatePence ?? 700;

    for (const demo of DEMO_BOOKINGS) {
      const day = monday.plus({ weeks: demo.week, days: demo.day });
      const at = (time: string) =>
        day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }).toJSDate();
      const sessions = sessionsFor(at(demo.from), at(demo.to), demo.weeks);
      const kids = demo.children.map((name) => byName.get(name)).filter((c): c is Child => !!c);
      const booking = Object.assign(new Booking(), {
        parentId,
        childminderId: minderId,
        profileId: profile.id,
        status: demo.status,
        startsAt: sessions[0]!.start,
        endsAt: sessions[sessions.length - 1]!.end,
        weeks: sessions.length,
        notes: demo.notes ?? null,
        hourlyRatePence: rate,
        priceEstimatePence: priceEstimatePence(rate, sessions, kids.length),
        statusReason: demo.reason ?? null,
        cancelledBy: demo.cancelledBy ?? null,
        statusChangedAt: demo.status === BookingStatus.Pending ? null : new Date(),
        reminderSentAt: null,
      });
      await context.manager.getRepository(Booking).insert(booking);
      await context.manager.getRepository(BookingSession).insert(
        sessions.map((s) =>
          Object.assign(new BookingSession(), {
            bookingId: booking.id,
            childminderId: minderId,
            startsAt: s.start,
            endsAt: s.end,
          }),
        ),
      );
      await context.manager
        .getRepository(BookingChild)
        .insert(kids.map((c) => Object.assign(new BookingChild(), { bookingId: booking.id, childId: c.id })));
    }
  }
}
