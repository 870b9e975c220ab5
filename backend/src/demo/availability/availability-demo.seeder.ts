import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { UK_ZONE } from '@app/modules/children/child-age';
import { OpeningHours, Weekday, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { Role } from '@app/common/auth/role';
import { AvailabilityBlock, AvailabilityType } from '@app/modules/availability/entities/availability-block.entity';
import { CareAvailability } from '@app/modules/availability/care-availability';
import { lastEnd } from '@app/modules/availability/recurrence';

const BYDAY: Record<Weekday, string> = {
  [Weekday.Monday]: 'MO',
  [Weekday.Tuesday]: 'TU',
  [Weekday.Wednesday]: 'WE',
  [Weekday.Thursday]: 'TH',
  [Weekday.Friday]: 'FR',
  [Weekday.Saturday]: 'SA',
  [Weekday.Sunday]: 'SU',
};

/**
 * Every demo childminder's availability, from their opening hours: one weekly series per set
 * of days with the same hours, starting this week. The demo account also has a week of holiday
 * in a month's time. A few hundred rows in batches: fast. Their open time is then written to the
 * coverage table the search by days and times reads, in the same transaction.
 */
@Injectable()
@DemoData(20)
export class AvailabilityDemoSeeder implements DemoDataSeeder {
  constructor(private readonly coverage: CareAvailability) {}

  async seed(context: DemoSeedContext): Promise<void> {
    const profiles = await context.manager
      .getRepository(ChildminderProfile)
      .find({ select: { id: true, userId: true, openingHours: true } });
    const monday = DateTime.now().setZone(UK_ZONE).startOf('week');
    const blocks = profiles.flatMap((p) => weeklyBlocks(p.userId, p.openingHours, monday));
    const demoMinder = context.users[Role.Childminder];
    if (demoMinder) {
      const holiday = monday.plus({ weeks: 5 });
      blocks.push(
        block(
          demoMinder,
          AvailabilityType.Unavailable,
          'Family holiday',
          holiday.set({ hour: 0 }),
          holiday.set({ hour: 23, minute: 59 }),
          'FREQ=DAILY;COUNT=5',
        ),
      );
    }
    for (let i = 0; i < blocks.length; i += 200)
      await context.manager.getRepository(AvailabilityBlock).insert(blocks.slice(i, i + 200));
    await this.coverage.refresh([...new Set(blocks.map((b) => b.childminderId))], context.manager);
  }
}

function weeklyBlocks(userId: string, hours: OpeningHours | null, monday: DateTime): AvailabilityBlock[] {
  const groups = new Map<string, Weekday[]>();
  for (const day of WEEKDAYS) {
    const open = hours?.[day];
    if (!open) continue;
    const key = `${open.open}-${open.close}`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups.entries()].map(([key, days]) => {
    const [open, close] = key.split('-') as [string, string];
    const first = monday.plus({ days: WEEKDAYS.indexOf(days[0]!) });
    const at = (time: string) => first.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) });
    return block(
      userId,
      AvailabilityType.Available,
      'Open for care',
      at(open),
      at(close),
      `FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d]).join(',')}`,
    );
  });
}

function block(
  childminderId: string,
  type: AvailabilityType,
  title: string,
  start: DateTime,
  end: DateTime,
  recurrence: string,
): AvailabilityBlock {
  const fields = { startsAt: start.toJSDate(), endsAt: end.toJSDate(), recurrence, exceptionDates: [] as string[] };
  return Object.assign(new AvailabilityBlock(), {
    childminderId,
    type,
    title,
    description: null,
    ...fields,
    lastEndsAt: lastEnd(fields),
  });
}
