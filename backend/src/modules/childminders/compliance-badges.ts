import type { ComplianceStanding } from '@app/modules/compliance/compliance-status';
import { DocumentType } from '@app/modules/documents/entities/document.entity';

/**
 * A profile's stored badges (`complianceBadges`): `type:YYYY-MM-DD` per badge, `|` between them, in
 * the order compliance gives them. The dates make the column right on any day: a badge shows
 * through its last day and not after, with no write at midnight.
 */
export function encodeBadges(badges: ComplianceStanding['badges']): string {
  return badges.map((b) => `${b.type}:${b.lastDay}`).join('|');
}

/** The badges that count on the UK day `today` (YYYY-MM-DD), in stored order. */
export function badgesOn(stored: string, today: string): DocumentType[] {
  if (!stored) return [];
  const badges: DocumentType[] = [];
  for (const entry of stored.split('|')) {
    const [type, lastDay] = entry.split(':');
    if (lastDay && lastDay >= today) badges.push(type as DocumentType);
  }
  return badges;
}
