import { Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStorage } from '../file-storage';
import { cleanFileName } from './file-name';
import { reencodeImage } from './image-processing';
import { sniffContentType } from './sniff';
import { SizeLimitExceeded, UploadInspector } from './upload-inspector';
import { UPLOAD_RULES, UploadKind, UploadRule } from './upload-kind';
import { UploadErrorCode, UploadException, uploadProblem } from './upload.exception';

/** A file that passed every check and is in storage. */
export interface ReceivedFile {
  key: string;
  /** The client's file name, cleaned (see `cleanFileName`); metadata only. */
  originalName: string;
  /** Sniffed from the bytes. */
  contentType: string;
  size: number;
  sha256: string;
  width?: number;
  height?: number;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile;
}

/** The multipart part that carries the bytes. */
export const FILE_FIELD = 'file';
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 16 * 1024;

/**
 * Reads a multipart/form-data request: the one `file` part is streamed through a size limit into
 * storage (documents) or memory (images, then re-encoded), its content sniffed and hashed; the
 * other parts are returned as text fields for the route's DTO. Whatever fails, nothing is left
 * in storage.
 */
@Injectable()
export class UploadReceiver {
  constructor(private readonly storage: FileStorage) {}

  async receive(request: FastifyRequest, kind: UploadKind): Promise<ReceivedUpload> {
    const rule = UPLOAD_RULES[kind];
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
      throw uploadProblem(
        UploadErrorCode.Invalid,
        `Send ${rule.describe} as multipart/form-data in a part named "file"`,
      );
    }
    const fields: Record<string, string> = {};
    let file: ReceivedFile | undefined;
    try {
      const parts = request.parts({
        // busboy stops one byte past the limit; UploadInspector refuses that byte itself.
        limits: {
          fileSize: rule.maxBytes + 1,
          files: 1,
          fields: MAX_FIELDS,
          fieldSize: MAX_FIELD_BYTES,
          parts: MAX_FIELDS + 1,
        },
        // Accepted at run time by parts() too, though its type omits it.
        ...{ throwFileSizeLimit: false },
      });
      for await (const part of parts) {
        if (part.type === 'file') {
          if (part.fieldname !== FILE_FIELD) {
            part.file.resume();
            throw uploadProblem(
              UploadErrorCode.Invalid,
              `Unexpected file in "${part.fieldname}": the file goes in "file"`,
            );
          }
          file = await this.store(part, kind, rule);
        } else {
          if (part.valueTruncated || part.fieldnameTruncated) {
            throw new UploadException(UploadErrorCode.Invalid, `${part.fieldname} is too long`, [
              { field: part.fieldname, message: `${part.fieldname} is too long` },
            ]);
          }
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      if (file) await this.storage.delete(file.key);
      throw translate(error, rule);
    }
    if (!file) throw uploadProblem(UploadErrorCode.Invalid, `file is required: ${rule.describe}`);
    return { fields, file };
  }

  private async store(part: MultipartFile, kind: UploadKind, rule: UploadRule): Promise<ReceivedFile> {
    const originalName = cleanFileName(part.filename);
    return kind === UploadKind.Image
      ? this.storeImage(part, rule, originalName)
      : this.storeDocument(part, rule, originalName);
  }

  /** Streams straight to storage; the head is sniffed afterwards and a mismatch removed. */
  private async storeDocument(part: MultipartFile, rule: UploadRule, originalName: string): Promise<ReceivedFile> {
    const inspector = new UploadInspector(rule.maxBytes);
    part.file.on('error', (error) => inspector.destroy(error));
    let stored;
    try {
      stored = await this.storage.put('documents', part.file.pipe(inspector));
    } finally {
      // On a failure busboy must stop feeding this part (and the request is then drained).
      if (!part.file.readableEnded) part.file.destroy();
    }
    const contentType = await this.checkContent(inspector.head, rule, stored.key);
    return { key: stored.key, originalName, contentType, size: stored.size, sha256: inspector.sha256 };
  }

  /** Reads into memory (at most 5 MB), re-encodes, and stores only the re-encoded image. */
  private async storeImage(part: MultipartFile, rule: UploadRule, originalName: string): Promise<ReceivedFile> {
    const inspector = new UploadInspector(rule.maxBytes);
    const chunks: Buffer[] = [];
    await pipeline(part.file, inspector, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
    const contentType = await this.checkContent(inspector.head, rule);
    let image;
    try {
      image = await reencodeImage(Buffer.concat(chunks), contentType);
    } catch {
      throw uploadProblem(UploadErrorCode.UnsupportedType, `file could not be read as an image: send ${rule.describe}`);
    }
    const stored = await this.storage.put('images', Readable.from([image.data]));
    return {
      key: stored.key,
      originalName,
      contentType: image.contentType,
      size: stored.size,
      sha256: createHash('sha256').update(image.data).digest('hex'),
      width: image.width,
      height: image.height,
    };
  }

  /** The sniffed type if the kind accepts it; otherwise removes `key` (if stored) and refuses. */
  private async checkContent(head: Buffer, rule: UploadRule, key?: string): Promise<string> {
    const problem = async (code: UploadErrorCode, message: string) => {
      if (key) await this.storage.delete(key);
      return uploadProblem(code, message);
    };
    if (head.length === 0) throw await problem(UploadErrorCode.Invalid, `file is empty: send ${rule.describe}`);
    const contentType = await sniffContentType(head);
    if (!contentType || !rule.contentTypes.includes(contentType)) {
      throw await problem(
        UploadErrorCode.UnsupportedType,
        `file is not an accepted type${contentType ? ` (its content is ${contentType})` : ''}: send ${rule.describe}`,
      );
    }
    return contentType;
  }
}

/** Size and multipart limits become the product's own errors; anything else passes through. */
function translate(error: unknown, rule: UploadRule): unknown {
  if (error instanceof SizeLimitExceeded) {
    return uploadProblem(UploadErrorCode.TooLarge, `file is too large: send ${rule.describe}`);
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_FILES_LIMIT') return uploadProblem(UploadErrorCode.Invalid, 'Send one file per request, in "file"');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new UploadException(UploadErrorCode.Invalid, `Too many form fields (at most ${MAX_FIELDS})`);
  }
  return error;
}
