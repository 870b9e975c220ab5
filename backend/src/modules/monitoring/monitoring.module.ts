import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LogEntry } from './entities/log-entry.entity';
import { MonitoringInstance } from './entities/monitoring-instance.entity';
import { RequestStat } from './entities/request-stat.entity';
import { LogsRepository } from './logs/logs.repository';
import { LogsService } from './logs/logs.service';
import { MetricsService } from './metrics.service';
import { MonitoringPruneJob } from './monitoring-prune.job';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';
import { RequestStatsRecorder } from './request-stats.recorder';
import { RequestStatsRepository } from './request-stats.repository';

/**
 * The platform's health for the people who run it: Prometheus `/metrics`, per-route latency and
 * errors merged across instances (`/api/admin/monitoring`), and the persisted log (`/api/admin/logs`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([RequestStat, MonitoringInstance, LogEntry])],
  controllers: [MonitoringController],
  providers: [
    MetricsService,
    RequestStatsRepository,
    RequestStatsRecorder,
    MonitoringService,
    LogsRepository,
    LogsService,
    MonitoringPruneJob,
  ],
})
export class MonitoringModule {}
