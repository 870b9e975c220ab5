import { basename, extname } from 'node:path';
import { EXTENSION_OF } from './upload-kind';

export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The client's file name made safe to keep and show: the last path segment only (either slash),
 * no control or bidi-override characters, NFC, trimmed, at most 200 characters keeping the
 * extension. It is only ever metadata: stored objects are named by random keys.
 */
export function cleanFileName(raw: string | undefined | null, fallback = 'file'): string {
  const lastSegment = basename(String(raw ?? '').replace(/\\/g, '/'));
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    // C0/C1 controls, DEL, and the Unicode direction overrides used to disguise extensions.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return fallback;
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = extname(cleaned).slice(0, 10);
  return cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

/** The name a download is saved under: the clean name, with the extension of its real type. */
export function downloadFileName(originalName: string, contentType: string): string {
  const name = cleanFileName(originalName, 'document');
  const extension = EXTENSION_OF[contentType];
  if (!extension) return name;
  const current = extname(name).slice(1).toLowerCase();
  const same = current === extension || (extension === 'jpg' && current === 'jpeg');
  return same ? name : `${name}.${extension}`;
}

/**
 * A Content-Disposition header that every browser reads safely: an ASCII fallback with quotes
 * and backslashes replaced, and the exact name in RFC 5987 `filename*`.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
