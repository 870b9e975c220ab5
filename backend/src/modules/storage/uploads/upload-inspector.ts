import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/** How many leading bytes content sniffing needs (file-type reads at most this many). */
export const SNIFF_BYTES = 4100;

export class SizeLimitExceeded extends Error {
  constructor(readonly maxBytes: number) {
    super(`More than ${maxBytes} bytes`);
    this.name = 'SizeLimitExceeded';
  }
}

/**
 * A pass-through that counts, hashes and keeps the first bytes of what flows through, and fails
 * with `SizeLimitExceeded` on the chunk that takes the total past `maxBytes`: that chunk is not
 * passed on, so a consumer never receives more than the limit.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private total = 0;
  private digest: string | undefined;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > this.maxBytes) {
      done(new SizeLimitExceeded(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < SNIFF_BYTES) {
      const take = chunk.subarray(0, SNIFF_BYTES - this.headLength);
      this.headChunks.push(take);
      this.headLength += take.length;
    }
    done(null, chunk);
  }

  get size(): number {
    return this.total;
  }

  /** The first bytes seen, for content sniffing. */
  get head(): Buffer {
    return Buffer.concat(this.headChunks);
  }

  /** SHA-256 of everything passed on, hex; valid once the stream has ended. */
  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }
}
