import type { SignedInUser } from '../../factories/given';
import { eventually } from '../../support/eventually';
import type { TestApp } from '../../support/test-app';

export const COMPLIANCE_STANDINGS_JOB = 'compliance-standings';

/**
 * Runs the job that applies a requirement change to every childminder's stored standing (jobs do
 * not run on their own in tests), as an admin through `POST /api/cron`, until the admin overview
 * no longer says the standings are being updated.
 */
export async function standingsRecomputed(api: TestApp, admin: SignedInUser): Promise<void> {
  await eventually('the childminders’ standings to be recomputed', async () => {
    const run = await api.http().post('/api/cron').set(admin.auth).send({ job: COMPLIANCE_STANDINGS_JOB });
    if (run.status !== 200 && run.status !== 201) throw new Error(`cron answered ${run.status}`);
    const overview = await api.http().get('/api/admin/compliance').set(admin.auth);
    return overview.body.standingsUpdate === null ? true : undefined;
  });
}
