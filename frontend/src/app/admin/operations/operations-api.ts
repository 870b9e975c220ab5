import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type ApiQuery } from '@core/api/api-client';
import type { components } from '@core/api/schema';

/** Monitoring, logs, backups and maintenance shapes, from the generated OpenAPI types. */
type Schemas = components['schemas'];

export type Monitoring = Schemas['MonitoringResponse'];
export type WindowStats = Schemas['WindowStatsResponse'];
export type RouteStats = Schemas['RouteStatsResponse'];
export type MinutePoint = Schemas['MinutePointResponse'];
export type MonitoringInstance = Schemas['InstanceResponse'];
export type LogPage = Schemas['LogPageResponse'];
export type LogEntry = Schemas['LogEntryResponse'];
export type LogSeverity = LogEntry['severity'];
export type BackupHistory = Schemas['BackupHistoryResponse'];
export type BackupRun = Schemas['BackupRunResponse'];
export type BackupSchedule = Schemas['BackupScheduleResponse'];
export type BackupScheduleChange = Schemas['UpdateBackupScheduleDto'];
export type BackupFrequency = BackupSchedule['frequency'];
export type Maintenance = Schemas['MaintenanceResponse'];
export type MaintenanceChange = Schemas['UpdateMaintenanceDto'];

export interface LogFilters {
  severity?: LogSeverity | '';
  source?: string;
  userId?: string;
  requestId?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly api = inject(ApiClient);

  monitoring(): Observable<Monitoring> {
    return this.api.get('/api/admin/monitoring');
  }

  logs(filters: LogFilters): Observable<LogPage> {
    // Blank filters are left out; the rest are sent as they are.
    const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')) as ApiQuery<
      '/api/admin/logs',
      'get'
    >;
    return this.api.get('/api/admin/logs', { query });
  }

  backupHistory(pageSize = 50): Observable<BackupHistory> {
    return this.api.get('/api/admin/backup-recovery/history', { query: { pageSize } });
  }

  backupSchedule(): Observable<BackupSchedule> {
    return this.api.get('/api/admin/backup-recovery/schedule');
  }

  saveBackupSchedule(change: BackupScheduleChange): Observable<BackupSchedule> {
    return this.api.post('/api/admin/backup-recovery/schedule', { body: change });
  }

  backUpNow(): Observable<BackupRun> {
    return this.api.post('/api/admin/backup-recovery/trigger', { body: { action: 'backup' } });
  }

  restore(backupId: string, confirm: string): Observable<BackupRun> {
    return this.api.post('/api/admin/backup-recovery/trigger', { body: { action: 'restore', backupId, confirm } });
  }

  maintenance(): Observable<Maintenance> {
    return this.api.get('/api/system/maintenance');
  }

  updateMaintenance(change: MaintenanceChange): Observable<Maintenance> {
    return this.api.patch('/api/system/maintenance', { body: change });
  }
}
