import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { RequestMeta } from '@app/common/http/request-meta';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { AppConfig } from '@app/config/app-config';
import { AuditService } from '@app/modules/audit/audit.service';
import { parseIsoDate, ukToday } from '@app/modules/children/child-age';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { FileStorage, StoredObjectMissing } from '@app/modules/storage/file-storage';
import { contentDisposition, downloadFileName } from '@app/modules/storage/uploads/file-name';
import { ReceivedFile } from '@app/modules/storage/uploads/upload-receiver';
import { UsersService } from '@app/modules/users/users.service';
import { DocumentChangeNotifier } from './document-changes.port';
import { DOCUMENT_TYPE_LABELS } from './document-type.labels';
import { DocumentErrorCode, DocumentException, documentNotFound } from './document.exception';
import { DocumentsRepository, DocumentSummary } from './documents.repository';
import { CreateDocumentDto } from './dto/create-document.dto';
import {
  AdminDocumentResponse,
  DocumentResponse,
  toAdminDocumentResponse,
  toDocumentResponse,
} from './dto/document.response';
import { ListDocumentsQuery } from './dto/list-documents.query';
import { UpdateDocumentStatusDto } from './dto/review-document.dto';
import { UpdateDocumentDto } from './dto/update-document.dto';
import { Document, DocumentStatus } from './entities/document.entity';

/** Far more than any childminder needs; keeps one account from filling the disk. */
export const MAX_DOCUMENTS_PER_USER = 50;

type DocumentChanges = Partial<Pick<Document, 'type' | 'name' | 'description' | 'issuedOn' | 'expiresOn'>>;

const isAdmin = (auth: AuthContext) => ADMIN_ROLES.includes(auth.role);

/** Compliance documents: the only writer of the documents table and of their stored files. */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly storage: FileStorage,
    private readonly users: UsersService,
    private readonly outbox: EmailOutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly documentChanges: DocumentChangeNotifier,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The document behind `id` if `auth` may touch it: its owner, or an admin (whose reads the
   * callers audit). Anyone else gets the same 404 as for an id that does not exist. Every
   * method that takes a document id starts here.
   */
  async requireDocumentAccess(auth: AuthContext, id: string): Promise<Document> {
    const document = isAdmin(auth) ? await this.documents.findByIdWithOwner(id) : await this.documents.findById(id);
    if (!document || (!isAdmin(auth) && document.userId !== auth.userId)) throw documentNotFound();
    return document;
  }

  // ---- the owner's routes ----

  async listMine(auth: AuthContext, query: PageQuery): Promise<Page<DocumentResponse>> {
    const [documents, total] = await this.documents.pageForUser(auth.userId, {
      skip: query.skip,
      take: query.pageSize,
    });
    return toPage(documents.map(toDocumentResponse), total, query);
  }

  /** Records an uploaded file (already checked and stored by the upload pipeline). */
  async upload(auth: AuthContext, dto: CreateDocumentDto, file: ReceivedFile): Promise<DocumentResponse> {
    checkDates(dto.issuedOn ?? null, dto.expiresOn ?? null);
    if ((await this.documents.countForUser(auth.userId)) >= MAX_DOCUMENTS_PER_USER) {
      throw new DocumentException(
        DocumentErrorCode.LimitReached,
        `You can keep up to ${MAX_DOCUMENTS_PER_USER} documents. Delete one you no longer need first.`,
      );
    }
    const document = Object.assign(new Document(), {
      userId: auth.userId,
      type: dto.type,
      name: dto.name,
      description: dto.description ?? null,
      issuedOn: dto.issuedOn ?? null,
      expiresOn: dto.expiresOn ?? null,
      originalFileName: file.originalName,
      contentType: file.contentType,
      sizeBytes: file.size,
      sha256: file.sha256,
      storageKey: file.key,
      status: DocumentStatus.Pending,
      reviewedById: null,
      reviewReason: null,
      reviewedAt: null,
    });
    await this.documents.insert(document);
    return toDocumentResponse(await this.requireDocumentAccess(auth, document.id));
  }

  async update(auth: AuthContext, id: string, dto: UpdateDocumentDto): Promise<DocumentResponse> {
    const document = await this.requireDocumentAccess(auth, id);
    await this.applyChanges(document, dto, { backToReview: true });
    return toDocumentResponse(await this.requireDocumentAccess(auth, id));
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const document = await this.requireDocumentAccess(auth, id);
    await this.deleteWithFile(document);
  }

  async download(auth: AuthContext, id: string, meta: RequestMeta): Promise<StreamableFile> {
    const document = await this.requireDocumentAccess(auth, id);
    if (isAdmin(auth) && document.userId !== auth.userId) {
      await this.audit.record(auth, {
        action: 'document.download',
        subjectType: 'document',
        subjectId: document.id,
        ownerId: document.userId,
        metadata: { type: document.type, sha256: document.sha256 },
        ip: meta.ip,
      });
    }
    let stream;
    try {
      stream = await this.storage.read(document.storageKey);
    } catch (error) {
      if (!(error instanceof StoredObjectMissing)) throw error;
      this.logger.error({ documentId: document.id }, 'A document has no stored file');
      throw new DocumentException(DocumentErrorCode.FileMissing, 'The file of this document is no longer available');
    }
    return new StreamableFile(stream, {
      type: document.contentType,
      length: document.sizeBytes,
      disposition: contentDisposition('attachment', downloadFileName(document.originalFileName, document.contentType)),
    });
  }

  // ---- admin routes ----

  async listForAdmin(query: ListDocumentsQuery): Promise<Page<AdminDocumentResponse>> {
    const today = ukToday();
    const [documents, total] = await this.documents.pageForAdmin(
      {
        status: query.status,
        type: query.type,
        userId: query.userId,
        expiresBetween:
          query.expiringWithinDays === undefined
            ? undefined
            : { from: today.toISODate()!, to: today.plus({ days: query.expiringWithinDays }).toISODate()! },
      },
      { skip: query.skip, take: query.pageSize },
    );
    return toPage(documents.map(toAdminDocumentResponse), total, query);
  }

  async getForAdmin(auth: AuthContext, id: string, meta: RequestMeta): Promise<AdminDocumentResponse> {
    const document = await this.requireDocumentAccess(auth, id);
    await this.audit.record(auth, {
      action: 'document.read',
      subjectType: 'document',
      subjectId: document.id,
      ownerId: document.userId,
      ip: meta.ip,
    });
    return toAdminDocumentResponse(document);
  }

  /** An admin corrects metadata; unlike the owner's edit, the review state stays as it is. */
  async updateForAdmin(
    auth: AuthContext,
    id: string,
    dto: UpdateDocumentDto,
    meta: RequestMeta,
  ): Promise<AdminDocumentResponse> {
    const document = await this.requireDocumentAccess(auth, id);
    const changed = await this.applyChanges(document, dto, { backToReview: false }, async (manager) => {
      await this.audit.record(
        auth,
        {
          action: 'document.update',
          subjectType: 'document',
          subjectId: document.id,
          ownerId: document.userId,
          metadata: { fields: Object.keys(changesFrom(dto)).join(', ') },
          ip: meta.ip,
        },
        manager,
      );
    });
    return changed
      ? toAdminDocumentResponse(await this.requireDocumentAccess(auth, id))
      : toAdminDocumentResponse(document);
  }

  async removeForAdmin(auth: AuthContext, id: string, meta: RequestMeta): Promise<void> {
    const document = await this.requireDocumentAccess(auth, id);
    await this.deleteWithFile(document, async (manager) => {
      await this.audit.record(
        auth,
        {
          action: 'document.delete',
          subjectType: 'document',
          subjectId: document.id,
          ownerId: document.userId,
          metadata: { type: document.type, sha256: document.sha256 },
          ip: meta.ip,
        },
        manager,
      );
    });
  }

  /**
   * Approves, rejects (a reason is required) or reopens a document. The owner's email is
   * queued in the same transaction as the decision and the audit entry.
   */
  async setStatus(auth: AuthContext, dto: UpdateDocumentStatusDto, meta: RequestMeta): Promise<AdminDocumentResponse> {
    await this.requireDocumentAccess(auth, dto.documentId);
    const reason = dto.reason ?? null;
    if (dto.status === DocumentStatus.Rejected && !reason) {
      throw new DocumentException(
        DocumentErrorCode.ReasonRequired,
        'Give a reason when rejecting a document: the owner is told it',
        [{ field: 'reason', message: 'reason is required to reject a document' }],
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const document = await this.documents.findByIdForUpdate(dto.documentId, manager);
      if (!document) throw documentNotFound();
      const reviewed = dto.status !== DocumentStatus.Pending;
      await this.documents.update(
        document.id,
        {
          status: dto.status,
          reviewedById: reviewed ? auth.userId : null,
          reviewReason: reviewed ? reason : null,
          reviewedAt: reviewed ? new Date() : null,
        },
        manager,
      );
      await this.audit.record(
        auth,
        {
          action: `document.${dto.status === DocumentStatus.Pending ? 'reopen' : dto.status === DocumentStatus.Approved ? 'approve' : 'reject'}`,
          subjectType: 'document',
          subjectId: document.id,
          ownerId: document.userId,
          metadata: { from: document.status, to: dto.status },
          ip: meta.ip,
        },
        manager,
      );
      await this.documentChanges.changed(document.userId, manager);
      if (!reviewed || document.status === dto.status) return;
      const owner = await this.users.findById(document.userId, manager);
      if (!owner) return;
      const common = {
        firstName: owner.firstName,
        documentName: document.name,
        documentType: DOCUMENT_TYPE_LABELS[document.type],
        link: `${this.config.publicUrl}/childminder/documents`,
      };
      if (dto.status === DocumentStatus.Approved) {
        await this.outbox.enqueue(manager, {
          to: owner.email,
          toName: owner.displayName,
          userId: owner.id,
          template: 'document-approved',
          variables: common,
        });
      } else {
        await this.outbox.enqueue(manager, {
          to: owner.email,
          toName: owner.displayName,
          userId: owner.id,
          template: 'document-rejected',
          variables: { ...common, reason: reason! },
        });
      }
    });
    return toAdminDocumentResponse(await this.requireDocumentAccess(auth, dto.documentId));
  }

  // ---- shared ----

  /** Applies a metadata change; returns whether anything changed. */
  private async applyChanges(
    document: Document,
    dto: UpdateDocumentDto,
    options: { backToReview: boolean },
    alsoInTransaction?: (manager: import('typeorm').EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const changes: Partial<Document> = changesFrom(dto);
    checkDates(
      changes.issuedOn !== undefined ? changes.issuedOn : document.issuedOn,
      changes.expiresOn !== undefined ? changes.expiresOn : document.expiresOn,
    );
    const real = Object.fromEntries(
      Object.entries(changes).filter(([key, value]) => document[key as keyof DocumentChanges] !== value),
    ) as DocumentChanges;
    if (Object.keys(real).length === 0) return false;
    // What an admin approved is the type and the dates: changing those needs a new review.
    const reviewRelevant = real.type !== undefined || real.issuedOn !== undefined || real.expiresOn !== undefined;
    const update: Partial<Document> = { ...real };
    if (options.backToReview && reviewRelevant && document.status !== DocumentStatus.Pending) {
      Object.assign(update, {
        status: DocumentStatus.Pending,
        reviewedById: null,
        reviewReason: null,
        reviewedAt: null,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await this.documents.update(document.id, update, manager);
      await this.documentChanges.changed(document.userId, manager);
      await alsoInTransaction?.(manager);
    });
    return true;
  }

  /** The record goes first (in a transaction); then the file. A file left behind by a crash is
   * an orphan the cleanup job removes. */
  private async deleteWithFile(
    document: Document,
    alsoInTransaction?: (manager: import('typeorm').EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.documents.delete(document.id, manager);
      await this.documentChanges.changed(document.userId, manager);
      await alsoInTransaction?.(manager);
    });
    try {
      await this.storage.delete(document.storageKey);
    } catch (error) {
      this.logger.warn(
        { err: error, key: document.storageKey },
        'Could not delete a document file; the cleanup job will',
      );
    }
  }

  /** Documents by status (pending = awaiting review), of one user or of everyone. */
  // --- For compliance: the documents table stays this module's to read. ---

  /** Approved documents of these users (all users when `userIds` is undefined). */
  approvedOf(userIds?: readonly string[], manager?: EntityManager): Promise<DocumentSummary[]> {
    return this.documents.approvedOf(userIds, manager);
  }

  /** Every document of one user, whatever its status: the owner's compliance checklist. */
  summariesOf(userId: string): Promise<(DocumentSummary & { createdAt: Date })[]> {
    return this.documents.summariesOf(userId);
  }

  countsByStatus(userId?: string): Promise<Record<string, number>> {
    return this.documents.countByStatus(userId);
  }
}

/** Only the fields the request carried; `null` clears description or a date. */
function changesFrom(dto: UpdateDocumentDto): DocumentChanges {
  const changes: DocumentChanges = {};
  if (dto.type !== undefined) changes.type = dto.type;
  if (dto.name !== undefined) changes.name = dto.name;
  if (dto.description !== undefined) changes.description = dto.description;
  if (dto.issuedOn !== undefined) changes.issuedOn = dto.issuedOn;
  if (dto.expiresOn !== undefined) changes.expiresOn = dto.expiresOn;
  return changes;
}

/** An expiry before the issue date is a typing mistake; say which field. */
function checkDates(issuedOn: string | null, expiresOn: string | null): void {
  const issued = issuedOn ? parseIsoDate(issuedOn) : null;
  const expires = expiresOn ? parseIsoDate(expiresOn) : null;
  if (issued && expires && expires < issued) {
    throw new DocumentException(DocumentErrorCode.InvalidDates, 'expiresOn cannot be before issuedOn', [
      { field: 'expiresOn', message: 'expiresOn cannot be before issuedOn' },
    ]);
  }
}
