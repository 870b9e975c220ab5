import { Role } from '@app/common/auth/role';
import { freePlanFor, PlanKey, planUnlocking, PLANS } from './plans';

describe('plans', () => {
  it('every paid plan includes its side’s free entitlements, and prices are whole pence', () => {
    for (const plan of PLANS.filter((p) => p.prices)) {
      expect(plan.entitlements).toEqual(expect.arrayContaining([...freePlanFor(plan.role)!.entitlements]));
      expect(Number.isInteger(plan.prices!.month) && Number.isInteger(plan.prices!.year)).toBe(true);
      expect(plan.prices!.year).toBeLessThan(plan.prices!.month * 12);
    }
  });

  it('names the plan that unlocks an entitlement', () => {
    expect(planUnlocking('conversations.start', Role.Parent)?.key).toBe(PlanKey.ParentPlus);
    expect(planUnlocking('calendar.sync', Role.Childminder)?.key).toBe(PlanKey.ChildminderPro);
    expect(planUnlocking('calendar.sync', Role.Parent)).toBeUndefined();
  });
});
