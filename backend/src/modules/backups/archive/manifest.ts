import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Dialect } from '@app/database/data-source-options';

export const ARCHIVE_PRODUCT = 'childminder-connect';
export const ARCHIVE_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';

/** What an archive says about itself; signed, so an altered or foreign archive is refused. */
export interface BackupManifest {
  product: typeof ARCHIVE_PRODUCT;
  format: typeof ARCHIVE_FORMAT;
  createdAt: string;
  dialect: Dialect;
  /** The last migration applied to the database the archive was taken from. */
  schemaVersion: string;
  tables: Record<string, { file: string; rows: number; sha256: string }>;
  files: Record<string, { size: number; sha256: string }>;
  /** HMAC-SHA256 of everything above, keyed from ENCRYPTION_KEY. */
  signature?: string;
}

/** A key of its own for signing manifests, derived from the server's encryption key. */
const signingKey = (encryptionKey: Buffer) =>
  createHmac('sha256', encryptionKey).update('childminder-connect backup manifest v1').digest();

const signedText = (manifest: BackupManifest) => JSON.stringify({ ...manifest, signature: undefined });

export function signManifest(manifest: BackupManifest, encryptionKey: Buffer): BackupManifest {
  return {
    ...manifest,
    signature: createHmac('sha256', signingKey(encryptionKey)).update(signedText(manifest)).digest('hex'),
  };
}

export function manifestSignatureValid(manifest: BackupManifest, encryptionKey: Buffer): boolean {
  if (typeof manifest.signature !== 'string' || !/^[0-9a-f]{64}$/.test(manifest.signature)) return false;
  const expected = createHmac('sha256', signingKey(encryptionKey)).update(signedText(manifest)).digest();
  return timingSafeEqual(expected, Buffer.from(manifest.signature, 'hex'));
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
