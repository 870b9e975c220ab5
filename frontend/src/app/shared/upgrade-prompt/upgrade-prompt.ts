import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { type ErrorCode, hasErrorCode, toApiProblem } from '@core/errors/api-error';
import { UpgradePromptDialog } from './upgrade-prompt-dialog';

/** The API's code for "your plan does not include this" (HTTP 402). */
export const ENTITLEMENT_REQUIRED: ErrorCode = 'ENTITLEMENT_REQUIRED';

/** What a 402 says: the server's message (it names the plan), and the keys it sends as details. */
export interface EntitlementRequirement {
  message: string;
  /** The capability refused, such as `conversations.start`. */
  entitlement: string | null;
  /** The plan that unlocks it, such as `parent_plus`, when there is one. */
  planKey: string | null;
}

/** The requirement in an API failure, or null when the failure is anything else. */
export function entitlementRequirement(error: unknown): EntitlementRequirement | null {
  const problem = toApiProblem(error);
  if (problem.status !== 402 || !hasErrorCode(problem, ENTITLEMENT_REQUIRED)) return null;
  const detail = (field: string) => problem.details.find((d) => d.field === field)?.message ?? null;
  return { message: problem.message, entitlement: detail('entitlement'), planKey: detail('plan') };
}

/**
 * Turns "your plan does not include this" into an offer to upgrade instead of an error. Call it
 * first in an error callback:
 *
 *     error: (error) => { if (!this.upgradePrompt.offer(error)) this.error.set(toApiProblem(error).message); }
 */
@Injectable({ providedIn: 'root' })
export class UpgradePrompt {
  private readonly dialog = inject(MatDialog);

  /** Shows the upgrade prompt when `error` is a 402 ENTITLEMENT_REQUIRED; true if it did. */
  offer(error: unknown): boolean {
    const requirement = entitlementRequirement(error);
    if (!requirement) return false;
    this.dialog.open<UpgradePromptDialog, EntitlementRequirement>(UpgradePromptDialog, {
      data: requirement,
      width: '440px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      // This service lives in the root injector, beyond the pages' dialog defaults (material-defaults.ts).
      ariaModal: true,
    });
    return true;
  }
}
