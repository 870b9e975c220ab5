import { Injectable, inject } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { forkJoin, map, type Observable } from 'rxjs';
import type { components, operations } from '@core/api/schema';
import { COMPLIANCE_STATUSES } from './compliance-format';

/*
 * The compliance API's shapes, derived from the generated OpenAPI types (rule 19): never copied by
 * hand, so a backend change shows up here as a type error.
 */
type Schemas = components['schemas'];

export type ComplianceStatus = Schemas['ComplianceStatus'];
export type ComplianceOverview = Schemas['ComplianceOverviewResponse'];
export type ChildminderCompliance = Schemas['ChildminderComplianceResponse'];
export type ChildminderCompliancePage = Schemas['ChildminderCompliancePage'];
export type ComplianceOverride = Schemas['OverrideResponse'];
export type ComplianceRequirement = Schemas['RequirementResponse'];
/** A requirement just created or changed: whether the standings are being recomputed for it. */
export type ChangedRequirement = Schemas['ChangedRequirementResponse'];
export type StandingsUpdate = Schemas['StandingsUpdateResponse'];
export type ComplianceSettings = Schemas['ComplianceSettingsResponse'];
export type CreateRequirementRequest = Schemas['CreateRequirementDto'];
export type UpdateRequirementRequest = Schemas['UpdateRequirementDto'];
export type SetOverrideRequest = Schemas['SetOverrideDto'];
export type UpdateComplianceResponse = Schemas['UpdateComplianceResponse'];
export type Expirations = Schemas['ExpirationsResponse'];
export type ExpiringUser = Schemas['ExpiringUserResponse'];
export type ExpiringItem = Schemas['ExpiringItemResponse'];
export type ExpirationRun = Schemas['ExpirationRunResponse'];
type OverviewQuery = NonNullable<operations['AdminCompliance_overview']['parameters']['query']>;

/** How many childminders have each effective status. */
export type ComplianceCounts = Record<ComplianceStatus, number>;

export interface ComplianceFilter {
  status?: ComplianceStatus | '';
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class AdminComplianceApi {
  private readonly api = inject(ApiClient);

  /** Requirements, settings and a page of childminders (filtered by effective status). */
  overview(filter: ComplianceFilter): Observable<ComplianceOverview> {
    const query: OverviewQuery = { page: filter.page, pageSize: filter.pageSize };
    if (filter.status) query.status = filter.status;
    return this.api.get('/api/admin/compliance', { query });
  }

  /** The number of childminders per status: one tiny page per status, read for its total. */
  counts(): Observable<ComplianceCounts> {
    const totals = COMPLIANCE_STATUSES.map((status) =>
      this.overview({ status, page: 1, pageSize: 1 }).pipe(map((overview) => overview.childminders.total)),
    );
    return forkJoin(totals).pipe(
      map(([compliant, expiring, nonCompliant]) => ({ compliant, expiring, non_compliant: nonCompliant })),
    );
  }

  createRequirement(body: CreateRequirementRequest): Observable<ChangedRequirement> {
    return this.api.post('/api/admin/compliance', { body });
  }

  updateRequirement(requirement: UpdateRequirementRequest): Observable<ChangedRequirement> {
    return this.patch({ requirement }).pipe(map((response) => response.requirement!));
  }

  /** Sets an override (`status`) or clears it (`status: null`); answers with the childminder's row. */
  setOverride(override: SetOverrideRequest): Observable<ChildminderCompliance> {
    return this.patch({ override }).pipe(map((response) => response.childminder!));
  }

  updateSettings(settings: ComplianceSettings): Observable<ComplianceSettings> {
    return this.patch({ settings }).pipe(map((response) => response.settings!));
  }

  /** Users with approved documents expiring within the reminder window, or expired. */
  expirations(): Observable<Expirations> {
    return this.api.get('/api/compliance/check-expirations');
  }

  /** Runs the daily expiry check now: due reminders (each once), expired documents marked. */
  runExpirationCheck(): Observable<ExpirationRun> {
    return this.api.post('/api/compliance/check-expirations');
  }

  private patch(body: Schemas['UpdateComplianceDto']): Observable<UpdateComplianceResponse> {
    return this.api.patch('/api/admin/compliance', { body });
  }
}
