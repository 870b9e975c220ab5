/** What an upload is for decides what it may contain and how large it may be. */
export enum UploadKind {
  /** Compliance documents: scans and certificates, kept byte for byte. */
  Document = 'document',
  /** Profile photos: re-encoded and resized, which drops every metadata block (EXIF, GPS). */
  Image = 'image',
}

export interface UploadRule {
  maxBytes: number;
  /** Content types accepted, as sniffed from the bytes (never the client's say-so). */
  contentTypes: readonly string[];
  /** How the limit and the types read in an error message. */
  describe: string;
}

const MB = 1024 * 1024;

export const UPLOAD_RULES: Record<UploadKind, UploadRule> = {
  [UploadKind.Document]: {
    maxBytes: 10 * MB,
    contentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    describe: 'a PDF, JPEG or PNG file of up to 10 MB',
  },
  [UploadKind.Image]: {
    maxBytes: 5 * MB,
    contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
    describe: 'a JPEG, PNG or WebP image of up to 5 MB',
  },
};

/** The file extension a download gets for a content type the product stores. */
export const EXTENSION_OF: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
