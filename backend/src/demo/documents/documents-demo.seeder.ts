import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { seededRandom } from '@app/demo/childminders/childminders-demo.seeder';
import { FileStorage } from '@app/modules/storage/file-storage';
import { User } from '@app/modules/users/entities/user.entity';
import { DOCUMENT_TYPE_LABELS } from '@app/modules/documents/document-type.labels';
import { Document, DocumentStatus, DocumentType } from '@app/modules/documents/entities/document.entity';
import { onePagePdf } from './one-page-pdf';

/** Types that never expire; the others get an expiry date. */
const NO_EXPIRY = new Set([DocumentType.OfstedRegistration, DocumentType.DbsCertificate]);
const CORE_TYPES = [
  DocumentType.OfstedRegistration,
  DocumentType.DbsCertificate,
  DocumentType.FirstAidCertificate,
  DocumentType.PublicLiabilityInsurance,
  DocumentType.SafeguardingTraining,
];

/** The demo account's dated documents: one lapsed, one due soon, the rest well in date. */
const DEMO_ACCOUNT_EXPIRY_DAYS: Partial<Record<DocumentType, number>> = {
  [DocumentType.FirstAidCertificate]: -7,
  [DocumentType.PublicLiabilityInsurance]: 20,
};

interface PlannedDocument {
  userId: string;
  type: DocumentType;
  status: DocumentStatus;
  expiresInDays: number | null;
}

/**
 * Compliance documents for the demo childminders, so that search shows badges, the admin review
 * queue has work and the compliance overview has every status: most childminders fully
 * verified, some partly, some not at all, a few with a document waiting for review. The demo
 * childminder account shows what needs doing: first aid expired last week, insurance due for
 * renewal in 20 days. Each document is a
 * real one-page PDF in storage (the cleanup job would remove a record without its file).
 */
@Injectable()
@DemoData(20)
export class DocumentsDemoSeeder implements DemoDataSeeder {
  constructor(private readonly storage: FileStorage) {}

  async seed(context: DemoSeedContext): Promise<void> {
    const random = seededRandom(20261129);
    const adminId = context.users[Role.Admin] ?? null;
    const demoMinderId = context.users[Role.Childminder];
    const minders = await context.manager
      .getRepository(User)
      .find({ select: { id: true }, where: { role: Role.Childminder }, order: { email: 'ASC' } });

    const plan: PlannedDocument[] = [];
    for (const { id } of minders) {
      if (id === demoMinderId) {
        for (const type of CORE_TYPES) {
          const expiresInDays = NO_EXPIRY.has(type) ? null : (DEMO_ACCOUNT_EXPIRY_DAYS[type] ?? 400);
          plan.push({ userId: id, type, status: DocumentStatus.Approved, expiresInDays });
        }
        continue;
      }
      const roll = random();
      const types = roll < 0.65 ? CORE_TYPES : roll < 0.85 ? CORE_TYPES.slice(0, 2 + Math.floor(random() * 3)) : [];
      for (const type of types) {
        const expiresInDays = NO_EXPIRY.has(type) ? null : 10 + Math.floor(random() * 900);
        // About one in forty waits for review, so the admin queue is never empty in the demo.
        const status = random() < 0.025 ? DocumentStatus.Pending : DocumentStatus.Approved;
        plan.push({ userId: id, type, status, expiresInDays });
      }
    }

    const today = DateTime.now().setZone('Europe/London').startOf('day');
    const rows: Document[] = [];
    for (const item of plan) {
      const label = DOCUMENT_TYPE_LABELS[item.type];
      const bytes = onePagePdf(`${label} (demo document)`);
      const stored = await this.storage.put('documents', Readable.from([bytes]));
      const approved = item.status === DocumentStatus.Approved;
      rows.push(
        Object.assign(new Document(), {
          userId: item.userId,
          type: item.type,
          name: label,
          description: null,
          issuedOn: today.minus({ days: 30 + Math.floor(random() * 300) }).toISODate(),
          expiresOn: item.expiresInDays === null ? null : today.plus({ days: item.expiresInDays }).toISODate(),
          originalFileName: `${item.type.replace(/_/g, '-')}.pdf`,
          contentType: 'application/pdf',
          sizeBytes: stored.size,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey: stored.key,
          status: item.status,
          reviewedById: approved ? adminId : null,
          reviewReason: null,
          reviewedAt: approved ? new Date() : null,
        }),
      );
    }
    for (let i = 0; i < rows.length; i += 200) {
      await context.manager.getRepository(Document).insert(rows.slice(i, i + 200));
    }
  }
}
