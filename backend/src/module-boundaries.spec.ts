import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The module-boundary rule of eslint.config.mjs, run through ESLint's own API on small sources
 * placed (virtually) at real paths: a violation must fail the lint stage, the public surface
 * must not. ESLint runs in a child process because its flat configuration is an ES module.
 */
interface Case {
  filePath: string;
  code: string;
}

const ROOT = join(__dirname, '..', '..');

function lint(cases: readonly Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
        out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(2); });
  `;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    input: JSON.stringify(cases.map((c) => ({ ...c, filePath: join(ROOT, c.filePath) }))),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const RULE = '@typescript-eslint/no-restricted-imports';
const use = (names: string) => `\nexport const used = [${names}];\n`;

describe('module boundaries (eslint.config.mjs)', () => {
  const cases: (Case & { allowed: boolean; why: string })[] = [
    {
      why: "another module's repository",
      filePath: 'backend/src/modules/reviews/reviews.service.ts',
      code: `import { BookingsRepository } from '@app/modules/bookings/bookings.repository';${use('BookingsRepository')}`,
      allowed: false,
    },
    {
      why: "another module's internal file",
      filePath: 'backend/src/modules/reviews/reviews.service.ts',
      code: `import { BookingChecks } from '@app/modules/bookings/booking-checks';${use('BookingChecks')}`,
      allowed: false,
    },
    {
      why: "another module's entity class as a value (how a query on its table starts)",
      filePath: 'backend/src/modules/reviews/reviews.repository.ts',
      code: `import { Booking } from '@app/modules/bookings/entities/booking.entity';${use('Booking')}`,
      allowed: false,
    },
    {
      why: 'a relative import that leaves the module',
      filePath: 'backend/src/modules/reviews/reviews.service.ts',
      code: `import { BookingsService } from '../bookings/bookings.service';${use('BookingsService')}`,
      allowed: false,
    },
    {
      why: "another module's service, module, port and DTO",
      filePath: 'backend/src/modules/reviews/reviews.service.ts',
      code:
        `import { BookingsService } from '@app/modules/bookings/bookings.service';\n` +
        `import { BookingsModule } from '@app/modules/bookings/bookings.module';\n` +
        `import { ChildBookingsPort } from '@app/modules/children/child-bookings.port';\n` +
        `import { BookingResponse } from '@app/modules/bookings/dto/booking.response';` +
        use('BookingsService, BookingsModule, ChildBookingsPort, {} as BookingResponse'),
      allowed: true,
    },
    {
      why: "another module's entity as a type, and its status enum as a value",
      filePath: 'backend/src/modules/reviews/reviews.service.ts',
      code:
        `import { type Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';` +
        use('BookingStatus, {} as Booking'),
      allowed: true,
    },
    {
      why: "the module's own repository and entities",
      filePath: 'backend/src/modules/reviews/reviews.service.ts',
      code:
        `import { ReviewsRepository } from './reviews.repository';\nimport { Review } from './entities/review.entity';` +
        use('ReviewsRepository, Review'),
      allowed: true,
    },
    {
      why: "an entity naming another module's entity as its relation target",
      filePath: 'backend/src/modules/reviews/entities/review.entity.ts',
      code: `import { Booking } from '@app/modules/bookings/entities/booking.entity';${use('Booking')}`,
      allowed: true,
    },
    {
      why: 'demo data outside the modules',
      filePath: 'backend/src/demo/reviews/reviews-demo.seeder.ts',
      code: `import { UsersRepository } from '@app/modules/users/users.repository';${use('UsersRepository')}`,
      allowed: true,
    },
  ];

  it('fails on each kind of violation and passes the public surface', () => {
    const results = lint(cases);
    const summary = cases.map((c, i) => ({
      why: c.why,
      allowed: c.allowed,
      boundaryErrors: results[i].filter((m) => m.startsWith(RULE)).length,
      otherErrors: results[i].filter((m) => !m.startsWith(RULE)),
    }));
    for (const row of summary) {
      expect({ why: row.why, failed: row.boundaryErrors > 0 }).toEqual({ why: row.why, failed: !row.allowed });
      expect({ why: row.why, other: row.otherErrors }).toEqual({ why: row.why, other: [] });
    }
  });
});
