import { Readable } from 'node:stream';

/** What a finished write tells the caller. */
export interface StoredObject {
  key: string;
  size: number;
}

/** One stored object as the cleanup job sees it. */
export interface StoredEntry {
  key: string;
  modifiedAt: Date;
}

/** The kinds of object the product stores; each is a key prefix ("folder"). */
export type StorageArea = 'documents' | 'images';

/**
 * Where uploaded bytes live. Callers never see a path: they get an opaque key, chosen by the
 * storage (random, never derived from the client's file name), and hand it back to read or
 * delete. The local-disk implementation is the default; an S3-compatible one implements the
 * same five methods and is chosen in `StorageModule`, with no change to any caller.
 */
export abstract class FileStorage {
  /**
   * Writes `source` under a new random key in `area`. If the stream fails (a size limit, a
   * client that goes away), the partial object is removed before the error is rethrown.
   */
  abstract put(area: StorageArea, source: Readable): Promise<StoredObject>;

  /** The object's bytes; throws `StoredObjectMissing` when there is no such object. */
  abstract read(key: string): Promise<Readable>;

  abstract exists(key: string): Promise<boolean>;

  /** Removes the object; removing a missing object is not an error. */
  abstract delete(key: string): Promise<void>;

  /** Every object in `area`, for reconciliation with the database. */
  abstract list(area: StorageArea): AsyncIterable<StoredEntry>;
}

export class StoredObjectMissing extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

export class InvalidStorageKey extends Error {
  constructor() {
    super('Not a storage key');
    this.name = 'InvalidStorageKey';
  }
}

/** `documents/0d2c...-uuid`: the only shape a key can have, so it can never name another path. */
const KEY_PATTERN = /^(documents|images)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isStorageKey = (key: unknown): key is string => typeof key === 'string' && KEY_PATTERN.test(key);
