import { DocumentType } from './entities/document.entity';

/** How each type reads in emails and screens. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  [DocumentType.OfstedRegistration]: 'Ofsted registration',
  [DocumentType.DbsCertificate]: 'DBS certificate',
  [DocumentType.FirstAidCertificate]: 'Paediatric first aid certificate',
  [DocumentType.PublicLiabilityInsurance]: 'Public liability insurance',
  [DocumentType.SafeguardingTraining]: 'Safeguarding training',
  [DocumentType.Other]: 'Other document',
};
