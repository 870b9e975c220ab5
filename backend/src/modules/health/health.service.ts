import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@app/common/redis/redis.module';
import { CheckState, HealthResponse } from './health.response';
import { HealthRepository } from './health.repository';

/** Readiness: the database must answer; Redis is reported but optional. */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    private readonly redis: RedisConnection,
  ) {}

  async check(): Promise<HealthResponse> {
    const database: CheckState = await this.database
      .ping()
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const redis: CheckState = !this.redis.client
      ? 'not_configured'
      : await this.redis.client
          .ping()
          .then(() => 'up' as const)
          .catch(() => 'down' as const);
    // Without Redis an instance still serves its own clients, so it stays in rotation, degraded.
    const status = database === 'down' ? 'down' : redis === 'down' ? 'degraded' : 'ok';
    return { status, checks: { database, redis } };
  }
}
