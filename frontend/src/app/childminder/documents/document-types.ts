/** The documents API's shapes, from the generated OpenAPI types; labels and checks the pages use. */
import type { components } from '@core/api/schema';

type Schemas = components['schemas'];

export type DocumentType = Schemas['DocumentType'];
export type DocumentStatus = Schemas['DocumentStatus'];
export type DocumentResponse = Schemas['DocumentResponse'];
export type DocumentPage = Schemas['DocumentPageResponse'];
export type AdminDocument = Schemas['AdminDocumentResponse'];
export type AdminDocumentPage = Schemas['AdminDocumentPageResponse'];

/** The multipart fields sent with a file (`POST /api/user/documents`). */
export type DocumentFields = Required<Pick<Schemas['UpdateDocumentDto'], 'type' | 'name'>> &
  Pick<Schemas['UpdateDocumentDto'], 'description' | 'issuedOn' | 'expiresOn'>;

export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  ofsted_registration: 'Ofsted registration',
  dbs_certificate: 'DBS certificate',
  first_aid_certificate: 'Paediatric first aid certificate',
  public_liability_insurance: 'Public liability insurance',
  safeguarding_training: 'Safeguarding training',
  other: 'Other document',
};

export const DOCUMENT_TYPES = Object.keys(DOCUMENT_TYPE_LABELS) as DocumentType[];

export const STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = {
  pending: 'Awaiting review',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** Limits the server enforces; the page checks them first to save a wasted upload. */
export const DOCUMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  name: 150,
  description: 2000,
} as const;

/** "2.4 MB", "830 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What is wrong with a chosen file before it is sent, or null. */
export function fileProblem(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > DOCUMENT_LIMITS.maxBytes) return `${file.name} is ${formatBytes(file.size)}: the limit is 10 MB.`;
  const typeKnown = file.type !== '' && file.type !== 'application/octet-stream';
  if (typeKnown && !(DOCUMENT_LIMITS.contentTypes as readonly string[]).includes(file.type)) {
    return `${file.name} is not a PDF, JPEG or PNG file.`;
  }
  return null;
}
