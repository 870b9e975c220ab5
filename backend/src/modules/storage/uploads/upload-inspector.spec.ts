import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SizeLimitExceeded, SNIFF_BYTES, UploadInspector } from './upload-inspector';

/** Pushes `chunks` through an inspector into a sink; returns what reached the sink. */
async function run(chunks: Buffer[], maxBytes: number) {
  const inspector = new UploadInspector(maxBytes);
  const received: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk);
      done();
    },
  });
  const outcome = await pipeline(Readable.from(chunks), inspector, sink).then(
    () => null,
    (error: unknown) => error,
  );
  return { inspector, outcome, passedOn: Buffer.concat(received).length };
}

describe(UploadInspector.name, () => {
  it('passes everything through up to and including the limit, counting and hashing it', async () => {
    const chunks = [Buffer.alloc(6, 1), Buffer.alloc(4, 2)];
    const { inspector, outcome, passedOn } = await run(chunks, 10);
    expect(outcome).toBeNull();
    expect(passedOn).toBe(10);
    expect(inspector.size).toBe(10);
    expect(inspector.sha256).toBe(createHash('sha256').update(Buffer.concat(chunks)).digest('hex'));
  });

  it('fails on the chunk that passes the limit and never passes that chunk on', async () => {
    const { outcome, passedOn } = await run([Buffer.alloc(6), Buffer.alloc(5), Buffer.alloc(100)], 10);
    expect(outcome).toBeInstanceOf(SizeLimitExceeded);
    expect((outcome as SizeLimitExceeded).maxBytes).toBe(10);
    expect(passedOn).toBe(6);
  });

  it('keeps only the first bytes for sniffing, across chunks', async () => {
    const first = Buffer.from('%PDF-1.7\n');
    const { inspector } = await run([first, Buffer.alloc(SNIFF_BYTES * 2, 0x41)], 1_000_000);
    expect(inspector.head.length).toBe(SNIFF_BYTES);
    expect(inspector.head.subarray(0, first.length)).toEqual(first);
  });
});
