import { JobRun } from './entities/job-run.entity';
import { JobDefinition, JobRegistry } from './job-registry';
import { JobsService } from './jobs.service';

const job = (name: string, overrides: Partial<JobDefinition> = {}): JobDefinition => ({
  name,
  description: `Does ${name}`,
  schedule: 'Every hour',
  leaseMs: 60_000,
  work: async () => ({ done: 1 }),
  ...overrides,
});

describe(JobRegistry.name, () => {
  let runExclusive: jest.Mock;
  let registry: JobRegistry;

  beforeEach(() => {
    runExclusive = jest.fn(async () => Object.assign(new JobRun(), { id: 'run-1' }));
    registry = new JobRegistry({ runExclusive } as unknown as JobsService);
  });

  describe('register', () => {
    it('lists every registered job by name, whatever the order they registered in', () => {
      registry.register(job('uploads-cleanup'));
      registry.register(job('billing-reminders'));
      expect(registry.all().map((j) => j.name)).toEqual(['billing-reminders', 'uploads-cleanup']);
      expect(registry.get('uploads-cleanup')?.description).toBe('Does uploads-cleanup');
      expect(registry.get('nope')).toBeUndefined();
    });

    it('refuses a second job under a name already taken, keeping the first', () => {
      const first = job('email-dispatch');
      registry.register(first);
      expect(() => registry.register(job('email-dispatch', { description: 'Other' }))).toThrow(
        'A job named email-dispatch is already registered',
      );
      expect(registry.get('email-dispatch')).toBe(first);
    });

    it.each(['Email', 'email_dispatch', 'email dispatch', '-email', 'email-', '', 'x'.repeat(101)])(
      'refuses the name %p',
      (name) => {
        expect(() => registry.register(job(name))).toThrow('is not a job name');
        expect(registry.all()).toEqual([]);
      },
    );
  });

  describe('run', () => {
    it('runs the job’s work under its own name and lease', async () => {
      const work = jest.fn(async () => ({ sent: 2 }));
      registry.register(job('email-dispatch', { leaseMs: 120_000, work }));
      expect(await registry.run('email-dispatch')).toMatchObject({ id: 'run-1' });
      expect(runExclusive).toHaveBeenCalledWith('email-dispatch', 120_000, work);
    });

    it('answers undefined when the lease is held elsewhere', async () => {
      runExclusive.mockResolvedValueOnce(undefined);
      registry.register(job('email-dispatch'));
      expect(await registry.run('email-dispatch')).toBeUndefined();
    });

    it('refuses a name nobody registered, without running anything', async () => {
      await expect(registry.run('nope')).rejects.toThrow('No job named nope is registered');
      expect(runExclusive).not.toHaveBeenCalled();
    });
  });
});
