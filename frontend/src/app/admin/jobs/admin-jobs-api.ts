import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { components } from '@core/api/schema';

/**
 * The scheduled jobs' shapes, derived from the generated OpenAPI types (rule 19). The job names
 * come from the server's registry: the screen never lists them itself.
 */
type Schemas = components['schemas'];

export type JobList = Schemas['JobListResponse'];
export type ScheduledJob = Schemas['JobResponse'];
export type JobRun = Schemas['JobRunResponse'];
export type JobOutcome = Schemas['JobOutcome'];

@Injectable({ providedIn: 'root' })
export class AdminJobsApi {
  private readonly api = inject(ApiClient);

  /** Every scheduled job with what it does, when it runs, and its recent runs. */
  list(): Observable<JobList> {
    return this.api.get('/api/cron');
  }

  /** Runs the job now (once across the servers) and answers with the recorded run. */
  run(job: string): Observable<JobRun> {
    return this.api.post('/api/cron', { body: { job } });
  }
}
