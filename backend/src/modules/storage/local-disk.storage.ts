import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  FileStorage,
  InvalidStorageKey,
  isStorageKey,
  StorageArea,
  StoredEntry,
  StoredObject,
  StoredObjectMissing,
} from './file-storage';

const AREAS: readonly StorageArea[] = ['documents', 'images'];

/**
 * Objects as files under one root directory (`${DATA_DIR}/uploads` by default), which no route
 * serves statically: bytes leave only through the API's access checks. A key is
 * `<area>/<uuid>`, generated here; the client's file name is never part of a path.
 */
export class LocalDiskStorage extends FileStorage {
  private readonly logger = new Logger(LocalDiskStorage.name);
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  /** The file behind a key: only well-formed keys, and (belt and braces) only inside the root. */
  pathOf(key: string): string {
    if (!isStorageKey(key)) throw new InvalidStorageKey();
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKey();
    return path;
  }

  async put(area: StorageArea, source: Readable): Promise<StoredObject> {
    const key = `${area}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(join(this.root, area), { recursive: true, mode: 0o700 });
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      // `wx`: a fresh file or nothing; 0600: readable by the server's user only.
      await pipeline(source, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await rm(path, { force: true }).catch((e: unknown) =>
        this.logger.warn({ err: e, key }, 'Could not remove a partial upload'),
      );
      throw error;
    }
    return { key, size };
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    if (!(await this.exists(key))) throw new StoredObjectMissing(key);
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (error instanceof InvalidStorageKey) throw error;
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(area: StorageArea): AsyncIterable<StoredEntry> {
    if (!AREAS.includes(area)) return;
    const dir = join(this.root, area);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return; // nothing stored yet
    }
    for (const name of names) {
      const key = `${area}/${name}`;
      // Anything that is not one of our keys (an editor's swap file, say) is left alone.
      if (!isStorageKey(key)) continue;
      try {
        const info = await stat(join(dir, name));
        if (info.isFile()) yield { key, modifiedAt: info.mtime };
      } catch {
        /* removed meanwhile */
      }
    }
  }
}
