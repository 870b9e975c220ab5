import { DateTime } from 'luxon';
import { DOCUMENT_TYPE_LABELS } from '@app/modules/documents/document-type.labels';
import { DocumentStatus } from '@app/modules/documents/entities/document.entity';
import { DocumentLike, lastValidDay, RequirementLike } from './compliance-status';
import { ChecklistItemResponse, DocumentStandingResponse, RequirementState } from './dto/own-compliance.dto';

type ChecklistDocument = DocumentLike & { id: string; createdAt: Date };

/**
 * Pure: where one document stands on the UK day `today`, against the requirement for its type (if
 * any): the review status, and for an approved one whether it still counts. The documents list's
 * chip shows this, so an approved but expired certificate reads "Expired", as in the checklist.
 */
export function documentStanding(
  document: ChecklistDocument & { id: string },
  requirement: RequirementLike | undefined,
  today: DateTime,
): DocumentStandingResponse {
  if (document.status === DocumentStatus.Pending) return standing(document.id, RequirementState.Pending, null, today);
  if (document.status === DocumentStatus.Rejected) return standing(document.id, RequirementState.Rejected, null, today);
  const lastDay = lastValidDay(document, requirement?.validityMonths ?? null);
  if (lastDay && lastDay < today) return standing(document.id, RequirementState.Expired, lastDay, today);
  const window = Math.max(0, ...(requirement?.reminderDays ?? []));
  const expiring = lastDay !== null && lastDay.diff(today, 'days').days <= window;
  return standing(document.id, expiring ? RequirementState.Expiring : RequirementState.Approved, lastDay, today);
}

const standing = (
  documentId: string,
  state: RequirementState,
  lastDay: DateTime | null,
  today: DateTime,
): DocumentStandingResponse => ({
  documentId,
  state,
  validUntil: lastDay?.toISODate() ?? null,
  daysLeft: lastDay ? Math.round(lastDay.diff(today, 'days').days) : null,
});

/**
 * Pure: where each requirement stands on the UK day `today`. The state comes from the best
 * document: a valid approved one, else one waiting for review, else the latest expired one, else
 * the latest rejected one; so uploading a renewal shows "pending" rather than "expired".
 */
export function checklist(
  requirements: readonly RequirementLike[],
  documents: readonly ChecklistDocument[],
  today: DateTime,
): ChecklistItemResponse[] {
  return requirements.map((requirement) => {
    const ofType = documents
      .filter((d) => d.type === requirement.documentType)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const dated = ofType.map((d) => ({
      document: d,
      lastDay: d.status === DocumentStatus.Approved ? lastValidDay(d, requirement.validityMonths) : null,
    }));
    const valid = dated
      .filter((x) => x.document.status === DocumentStatus.Approved && (x.lastDay === null || x.lastDay >= today))
      .sort((a, b) => (a.lastDay === null ? -1 : b.lastDay === null ? 1 : b.lastDay.toMillis() - a.lastDay.toMillis()));
    const base = {
      documentType: requirement.documentType,
      label: DOCUMENT_TYPE_LABELS[requirement.documentType],
      mandatory: requirement.mandatory,
      validityMonths: requirement.validityMonths,
    };
    const item = (state: RequirementState, documentId: string | null, lastDay: DateTime | null) => ({
      ...base,
      state,
      documentId,
      validUntil: lastDay?.toISODate() ?? null,
      daysLeft: lastDay ? Math.round(lastDay.diff(today, 'days').days) : null,
    });

    if (valid.length > 0) {
      const { document, lastDay } = valid[0];
      return item(documentStanding(document, requirement, today).state, document.id, lastDay);
    }
    const pending = ofType.find((d) => d.status === DocumentStatus.Pending);
    if (pending) return item(RequirementState.Pending, pending.id, null);
    const expired = dated.find((x) => x.document.status === DocumentStatus.Approved);
    if (expired) return item(RequirementState.Expired, expired.document.id, expired.lastDay);
    const rejected = ofType.find((d) => d.status === DocumentStatus.Rejected);
    if (rejected) return item(RequirementState.Rejected, rejected.id, null);
    return item(RequirementState.Missing, null, null);
  });
}
