import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { ukToday } from '@app/modules/children/child-age';
import { Child } from '@app/modules/children/entities/child.entity';

/** The demo parent's two children: a toddler and a pre-schooler, ages relative to today. */
@Injectable()
@DemoData(15)
export class ChildrenDemoSeeder implements DemoDataSeeder {
  async seed(context: DemoSeedContext): Promise<void> {
    const parentId = context.users[Role.Parent];
    if (!parentId) return;
    const today = ukToday();
    const child = (firstName: string, born: string, extra: Partial<Child> = {}) =>
      Object.assign(new Child(), {
        parentId,
        firstName,
        dateOfBirth: born,
        specialNeeds: null,
        allergies: null,
        medicalNotes: null,
        ...extra,
      });
    await context.manager.getRepository(Child).insert([
      child('Maya', today.minus({ years: 2, months: 3 }).toISODate()!, { allergies: 'Peanuts' }),
      child('Leo', today.minus({ years: 4, months: 1 }).toISODate()!, {
        specialNeeds: 'Speech and language support',
      }),
    ]);
  }
}
