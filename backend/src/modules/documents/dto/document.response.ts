import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { Document, DocumentStatus, DocumentType } from '../entities/document.entity';

/** A document as its owner sees it. Never the storage key. */
export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' }) type: DocumentType;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiresOn: string | null;
  @ApiProperty({ example: 'first-aid-2025.pdf' }) originalFileName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the stored bytes, hex' }) sha256: string;
  @ApiProperty({ enum: DocumentStatus, enumName: 'DocumentStatus' }) status: DocumentStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected (or a note on approval)' })
  reviewReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ description: 'Where the owner downloads the file', example: '/api/user/documents/…/download' })
  downloadUrl: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DocumentPageResponse extends PageResponse {
  @ApiProperty({ type: [DocumentResponse] }) items: DocumentResponse[];
}

export class DocumentOwnerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
}

/** A document as an admin reviews it: with its owner and reviewer. */
export class AdminDocumentResponse extends DocumentResponse {
  @ApiProperty({ type: DocumentOwnerResponse, nullable: true }) owner: DocumentOwnerResponse | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedById: string | null;
}

export class AdminDocumentPageResponse extends PageResponse {
  @ApiProperty({ type: [AdminDocumentResponse] }) items: AdminDocumentResponse[];
}

const base = (document: Document): Omit<DocumentResponse, 'downloadUrl'> => ({
  id: document.id,
  type: document.type,
  name: document.name,
  description: document.description,
  issuedOn: document.issuedOn,
  expiresOn: document.expiresOn,
  originalFileName: document.originalFileName,
  contentType: document.contentType,
  sizeBytes: document.sizeBytes,
  sha256: document.sha256,
  status: document.status,
  reviewReason: document.reviewReason,
  reviewedAt: document.reviewedAt ? document.reviewedAt.toISOString() : null,
  createdAt: document.createdAt.toISOString(),
  updatedAt: document.updatedAt.toISOString(),
});

export const toDocumentResponse = (document: Document): DocumentResponse => ({
  ...base(document),
  downloadUrl: `/api/user/documents/${document.id}/download`,
});

/** `document.user` must be loaded for the owner to show (the repository's admin reads do). */
export const toAdminDocumentResponse = (document: Document): AdminDocumentResponse => ({
  ...base(document),
  downloadUrl: `/api/admin/documents/download?documentId=${document.id}`,
  owner: document.user
    ? {
        id: document.user.id,
        displayName: `${document.user.firstName} ${document.user.lastName}`.trim(),
        email: document.user.email,
      }
    : null,
  reviewedById: document.reviewedById,
});
