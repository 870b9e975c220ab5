import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { UK_ZONE } from '@app/modules/children/child-age';
import { AgeGroup, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { distanceMiles } from '@app/modules/geo/geo-math';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import { User } from '@app/modules/users/entities/user.entity';
import { LastMinuteOpening } from '@app/modules/last-minute/entities/last-minute-opening.entity';
import { LastMinuteSettings } from '@app/modules/last-minute/entities/last-minute-settings.entity';

/** The demo parent's children are a toddler and a pre-schooler: the openings are for them. */
const FOR_DEMO_CHILDREN: readonly AgeGroup[] = [AgeGroup.Toddler, AgeGroup.Preschool];
const RADIUS_MILES = 5;
const OPENINGS = 3;

/**
 * The demo parent (on Plus) has last-minute alerts on, and a few childminders near them have
 * published places for the next days, for their children's ages, inside their opening hours.
 * The demo childminder has none: publishing the first one is for the person trying the demo.
 * Openings are rows written here directly, so nobody is alerted about them.
 */
@Injectable()
@DemoData(50)
export class LastMinuteDemoSeeder implements DemoDataSeeder {
  constructor(private readonly geocoder: GeocoderService) {}

  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    const parentId = users[Role.Parent];
    if (!parentId) return;
    await manager.getRepository(LastMinuteSettings).save(
      Object.assign(new LastMinuteSettings(), {
        userId: parentId,
        alertsEnabled: true,
        radiusMiles: RADIUS_MILES,
        childIds: [],
        emailAlerts: true,
        inAppAlerts: true,
        autoAcceptReturningFamilies: false,
      }),
    );

    const parent = await manager.getRepository(User).findOneByOrFail({ id: parentId });
    const home = this.geocoder.locate(parent.postcode!);
    const nearest = (await manager.getRepository(ChildminderProfile).find())
      .filter((p) => p.userId !== users[Role.Childminder] && p.latitude !== null && p.longitude !== null)
      .filter((p) => p.visible && p.active && p.complete)
      .map((p) => ({ profile: p, miles: distanceMiles(home, { latitude: p.latitude!, longitude: p.longitude! }) }))
      .filter(({ miles }) => miles <= RADIUS_MILES - 1)
      .sort((a, b) => a.miles - b.miles || a.profile.id.localeCompare(b.profile.id));

    const today = DateTime.now().setZone(UK_ZONE).startOf('day');
    let published = 0;
    for (const { profile } of nearest) {
      if (published >= OPENINGS) break;
      const ageGroups = FOR_DEMO_CHILDREN.filter((g) => profile.ageGroups.includes(g));
      if (ageGroups.length === 0) continue;
      // Tomorrow, the day after, ...: the first day ahead the childminder is open.
      for (let ahead = 1 + published; ahead <= 7; ahead++) {
        const day = today.plus({ days: ahead });
        const hours = profile.openingHours?.[WEEKDAYS[day.weekday - 1]!];
        if (!hours) continue;
        const at = (time: string) =>
          day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }).toJSDate();
        await manager.getRepository(LastMinuteOpening).insert(
          Object.assign(new LastMinuteOpening(), {
            childminderId: profile.userId,
            profileId: profile.id,
            // The afternoon, when a morning place has been taken up.
            startsAt: at(hours.open < '13:00' && hours.close > '14:00' ? '13:00' : hours.open),
            endsAt: at(hours.close),
            places: 1 + (published % 2),
            ageGroups,
          }),
        );
        published++;
        break;
      }
    }
  }
}
