import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@app/common/auth/decorators';
import { RedisConnection } from '@app/common/redis/redis.module';

type CheckState = 'up' | 'down' | 'not_configured';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status: 'ok' | 'degraded' | 'down';
  @ApiProperty({ example: { database: 'up', redis: 'not_configured' } }) checks: Record<string, CheckState>;
}

@ApiTags('System')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisConnection,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthResponse })
  live(): HealthResponse {
    return { status: 'ok', checks: {} };
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness: database reachable (503 if not); Redis reported but optional' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const database: CheckState = await this.dataSource
      .query('SELECT 1')
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
    if (status === 'down') void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status, checks: { database, redis } };
  }
}
