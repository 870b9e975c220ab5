import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
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

const BACKUPS = '/api/admin/backup-recovery';

@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  monitoring(): Observable<Monitoring> {
    return this.http.get<Monitoring>('/api/admin/monitoring');
  }

  logs(filters: LogFilters): Observable<LogPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<LogPage>('/api/admin/logs', { params });
  }

  backupHistory(pageSize = 50): Observable<BackupHistory> {
    return this.http.get<BackupHistory>(`${BACKUPS}/history`, { params: { pageSize } });
  }

  backupSchedule(): Observable<BackupSchedule> {
    return this.http.get<BackupSchedule>(`${BACKUPS}/schedule`);
  }

  saveBackupSchedule(change: BackupScheduleChange): Observable<BackupSchedule> {
    return this.http.post<BackupSchedule>(`${BACKUPS}/schedule`, change);
  }

  backUpNow(): Observable<BackupRun> {
    return this.http.post<BackupRun>(`${BACKUPS}/trigger`, { action: 'backup' } satisfies Schemas['TriggerBackupDto']);
  }

  restore(backupId: string, confirm: string): Observable<BackupRun> {
    return this.http.post<BackupRun>(`${BACKUPS}/trigger`, {
      action: 'restore',
      backupId,
      confirm,
    } satisfies Schemas['TriggerBackupDto']);
  }

  maintenance(): Observable<Maintenance> {
    return this.http.get<Maintenance>('/api/system/maintenance');
  }

  updateMaintenance(change: MaintenanceChange): Observable<Maintenance> {
    return this.http.patch<Maintenance>('/api/system/maintenance', change);
  }
}
