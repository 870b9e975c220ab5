import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'superagent';
import type { SignedInUser } from '../../factories/given';
import { tinyPdf } from '../../fixtures/files';
import type { TestApp } from '../../support/test-app';

export const DOCUMENTS = '/api/user/documents';
export const document = (id: string) => `${DOCUMENTS}/${id}`;

export interface UploadOptions {
  file?: Buffer;
  filename?: string;
  contentType?: string;
  fields?: Record<string, string>;
}

/** Uploads a document the way the browser's FormData does: the fields, then the file. */
export function uploadDocument(api: TestApp, user: SignedInUser, options: UploadOptions = {}) {
  const request = api.http().post(DOCUMENTS).set(user.auth);
  const fields = options.fields ?? {
    type: 'first_aid_certificate',
    name: 'Paediatric first aid',
    expiresOn: '2028-09-01',
  };
  for (const [name, value] of Object.entries(fields)) void request.field(name, value);
  return request.attach('file', options.file ?? tinyPdf(), {
    filename: options.filename ?? 'first-aid.pdf',
    contentType: options.contentType ?? 'application/pdf',
  });
}

/** Every stored file, as `area/name`. */
export function storedFiles(api: TestApp): string[] {
  const root = join(api.config.dataDir, 'uploads');
  const list = (area: string) => {
    try {
      return readdirSync(join(root, area)).map((name) => `${area}/${name}`);
    } catch {
      return [];
    }
  };
  return [...list('documents'), ...list('images')];
}

/** supertest: keep the body as raw bytes whatever its content type. */
export const asBuffer = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  // In Node, superagent hands parsers the raw response stream.
  const response = res as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
  response.on('error', (error: Error) => done(error, Buffer.alloc(0)));
};

export const STORAGE_KEY = /^(documents|images)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
