import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as tar from 'tar';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_PRODUCT,
  BackupManifest,
  MANIFEST_FILE,
  manifestSignatureValid,
  sha256OfFile,
  signManifest,
} from './manifest';

export const TABLES_DIR = 'tables';
export const FILES_DIR = 'files';

/** Why an archive was refused, in words an admin can act on. */
export class ArchiveRefused extends Error {}

/** Every regular file under `root`, as paths relative to it with forward slashes. */
export async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Copies the uploaded files into the staging folder and lists them with their checksums. */
export async function stageFiles(uploads: string, staging: string): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = {};
  const target = join(staging, FILES_DIR);
  await mkdir(target, { recursive: true });
  if (existsSync(uploads)) await cp(uploads, target, { recursive: true });
  for (const file of await listFiles(target)) {
    const path = join(target, file);
    files[file] = { size: (await stat(path)).size, sha256: await sha256OfFile(path) };
  }
  return files;
}

/** Signs the manifest, writes it and packs the staging folder into one gzip-compressed tar. */
export async function packArchive(
  staging: string,
  manifest: BackupManifest,
  archivePath: string,
  encryptionKey: Buffer,
): Promise<number> {
  await writeFile(join(staging, MANIFEST_FILE), JSON.stringify(signManifest(manifest, encryptionKey), null, 1));
  const partial = `${archivePath}.partial`;
  await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST_FILE, TABLES_DIR, FILES_DIR]);
  await rename(partial, archivePath);
  return (await stat(archivePath)).size;
}

/**
 * Unpacks an archive into `target` and proves it is whole and ours: the manifest is signed by this
 * installation, is for this dialect, and every table and file matches its checksum, with nothing
 * extra. Throws ArchiveRefused otherwise; the caller then deletes `target`.
 */
export async function unpackAndVerify(
  archivePath: string,
  target: string,
  expected: { dialect: BackupManifest['dialect']; encryptionKey: Buffer },
): Promise<BackupManifest> {
  await mkdir(target, { recursive: true });
  try {
    await tar.extract({ file: archivePath, cwd: target, strict: true, preservePaths: false });
  } catch (error) {
    throw new ArchiveRefused(
      `The archive cannot be read (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(target, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch {
    throw new ArchiveRefused('The archive has no readable manifest: it is not a Childminder Connect backup');
  }
  if (manifest?.product !== ARCHIVE_PRODUCT || manifest.format !== ARCHIVE_FORMAT) {
    throw new ArchiveRefused('The archive is not a Childminder Connect backup of a known format');
  }
  if (!manifestSignatureValid(manifest, expected.encryptionKey)) {
    throw new ArchiveRefused('The manifest is not signed by this installation (another server’s backup, or altered)');
  }
  if (manifest.dialect !== expected.dialect) {
    throw new ArchiveRefused(
      `The backup was taken from a ${manifest.dialect} database; this server runs ${expected.dialect}`,
    );
  }
  const listed = new Set<string>([MANIFEST_FILE]);
  for (const [table, entry] of Object.entries(manifest.tables ?? {})) {
    if (!/^[a-z0-9_]+$/.test(table) || entry.file !== `${TABLES_DIR}/${table}.jsonl`) {
      throw new ArchiveRefused(`The manifest lists an unexpected table entry: ${table}`);
    }
    listed.add(entry.file);
    await expectChecksum(join(target, entry.file), entry.sha256, `table ${table}`);
  }
  for (const [file, entry] of Object.entries(manifest.files ?? {})) {
    listed.add(`${FILES_DIR}/${file}`);
    await expectChecksum(join(target, FILES_DIR, file), entry.sha256, `file ${file}`);
  }
  const extra = (await listFiles(target)).filter((file) => !listed.has(file));
  if (extra.length > 0) throw new ArchiveRefused(`The archive holds files its manifest does not list: ${extra[0]}`);
  return manifest;
}

async function expectChecksum(path: string, sha256: string, what: string): Promise<void> {
  if (!existsSync(path)) throw new ArchiveRefused(`The archive is missing ${what}`);
  if ((await sha256OfFile(path)) !== sha256) throw new ArchiveRefused(`The checksum of ${what} does not match`);
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
}
