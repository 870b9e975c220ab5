import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/database/seed/demo-data';
import { ukToday } from '../child-age';
import { ChildrenRepository } from '../children.repository';
import { Child } from '../entities/child.entity';

/** The demo parent's two children: a toddler and a pre-schooler, ages relative to today. */
@Injectable()
@DemoData(15)
export class ChildrenDemoSeeder implements DemoDataSeeder {
  constructor(private readonly children: ChildrenRepository) {}

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
    await this.children.insert(
      child('Maya', today.minus({ years: 2, months: 3 }).toISODate()!, { allergies: 'Peanuts' }),
      context.manager,
    );
    await this.children.insert(
      child('Leo', today.minus({ years: 4, months: 1 }).toISODate()!, { specialNeeds: 'Speech and language support' }),
      context.manager,
    );
  }
}
