import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { Repository } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RedisConnection } from '@app/common/redis/redis.module';
import { AuditService } from '@app/modules/audit/audit.service';
import { UpdateMaintenanceDto, MaintenanceResponse } from './dto/maintenance.dto';
import { MaintenanceState } from './entities/maintenance-state.entity';

const ROW_ID = 'platform';
/** Other instances hear of a change at once through Redis; without it, within this long. */
const RELOAD_MS = 5_000;
export const MAINTENANCE_CHANNEL = 'cmc:maintenance';
const DEFAULT_RETRY_AFTER_SECONDS = 300;
export const DEFAULT_MAINTENANCE_MESSAGE = 'Childminder Connect is down for maintenance. Please try again shortly.';

export interface MaintenanceSnapshot {
  enabled: boolean;
  message: string;
  expectedEndAt: Date | null;
  updatedAt: Date | null;
}

const OFF: MaintenanceSnapshot = { enabled: false, message: '', expectedEndAt: null, updatedAt: null };

/**
 * The maintenance switch, held across instances: stored in the database, cached in memory so the
 * per-request check costs nothing, and reloaded on every instance when Redis announces a change
 * (and every few seconds in any case).
 */
@Injectable()
export class MaintenanceService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceService.name);
  private state: MaintenanceSnapshot = OFF;
  private timer: NodeJS.Timeout | undefined;
  private subscriber: Redis | undefined;

  constructor(
    @InjectRepository(MaintenanceState) private readonly rows: Repository<MaintenanceState>,
    private readonly redis: RedisConnection,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload(), RELOAD_MS);
    this.timer.unref();
    this.subscriber = this.redis.duplicate();
    if (this.subscriber) {
      this.subscriber.on('message', () => void this.reload());
      this.subscriber.on('error', () => undefined);
      void this.subscriber.subscribe(MAINTENANCE_CHANNEL).catch(() => undefined);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.subscriber?.disconnect();
  }

  /** The cached state: what the per-request gate reads. */
  get current(): MaintenanceSnapshot {
    return this.state;
  }

  /** Seconds a refused client should wait: until the expected end, or five minutes. */
  retryAfterSeconds(now = Date.now()): number {
    const end = this.state.expectedEndAt?.getTime();
    return end && end > now ? Math.ceil((end - now) / 1000) : DEFAULT_RETRY_AFTER_SECONDS;
  }

  read(): MaintenanceResponse {
    return toMaintenanceResponse(this.state);
  }

  async update(auth: AuthContext, dto: UpdateMaintenanceDto, ip: string | null): Promise<MaintenanceResponse> {
    const before = this.state;
    await this.set(
      {
        enabled: dto.enabled,
        message: dto.message ?? before.message,
        expectedEndAt: dto.expectedEndAt === undefined ? before.expectedEndAt : dto.expectedEndAt,
      },
      auth.userId,
    );
    await this.audit.record(auth, {
      action: dto.enabled ? 'maintenance.enabled' : 'maintenance.disabled',
      subjectType: 'maintenance',
      subjectId: ROW_ID,
      metadata: { message: this.state.message },
      ip,
    });
    return this.read();
  }

  /** Turns maintenance on or off for every instance (a restore uses it too). */
  async set(change: Omit<MaintenanceSnapshot, 'updatedAt'>, updatedBy: string | null): Promise<void> {
    await this.rows.upsert(
      {
        id: ROW_ID,
        enabled: change.enabled,
        message: change.message,
        expectedEndAt: change.expectedEndAt,
        updatedBy,
      },
      ['id'],
    );
    await this.reload();
    await this.redis.client?.publish(MAINTENANCE_CHANNEL, String(change.enabled)).catch(() => undefined);
  }

  private async reload(): Promise<void> {
    try {
      const row = await this.rows.findOne({ where: { id: ROW_ID } });
      this.state = row
        ? { enabled: row.enabled, message: row.message, expectedEndAt: row.expectedEndAt, updatedAt: row.updatedAt }
        : OFF;
    } catch (error) {
      // Keep the last known state: a database hiccup must not flip the switch.
      this.logger.warn({ err: error }, 'Could not read the maintenance state');
    }
  }
}

export function toMaintenanceResponse(state: MaintenanceSnapshot): MaintenanceResponse {
  return {
    enabled: state.enabled,
    message: state.enabled ? state.message || DEFAULT_MAINTENANCE_MESSAGE : state.message,
    expectedEndAt: state.expectedEndAt?.toISOString() ?? null,
    updatedAt: state.updatedAt?.toISOString() ?? null,
  };
}
