import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InvalidStorageKey, StoredObjectMissing } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

describe(LocalDiskStorage.name, () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cmc-storage-'));
    storage = new LocalDiskStorage(join(root, 'uploads'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const read = async (key: string) => Buffer.concat(await (await storage.read(key)).toArray());

  it('stores under a random key in the area, reads it back, lists it and deletes it', async () => {
    const stored = await storage.put('documents', Readable.from([Buffer.from('hello')]));
    expect(stored).toEqual({ key: expect.stringMatching(/^documents\/[0-9a-f-]{36}$/), size: 5 });
    expect((await read(stored.key)).toString()).toBe('hello');
    const listed = [];
    for await (const entry of storage.list('documents')) listed.push(entry.key);
    expect(listed).toEqual([stored.key]);
    await storage.delete(stored.key);
    expect(await storage.exists(stored.key)).toBe(false);
    await expect(storage.read(stored.key)).rejects.toBeInstanceOf(StoredObjectMissing);
    await storage.delete(stored.key); // deleting twice is fine
  });

  it('removes the partial file when the source fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('images', failing)).rejects.toThrow('client went away');
    expect(readdirSync(join(root, 'uploads', 'images'))).toEqual([]);
  });

  it.each([
    '../secrets.json',
    'documents/../../x',
    'documents/not-a-uuid',
    '/etc/passwd',
    'other/5b0b5c4e-0000-4000-8000-000000000000',
  ])('refuses the key %p', async (key) => {
    expect(() => storage.pathOf(key)).toThrow(InvalidStorageKey);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKey);
  });
});
