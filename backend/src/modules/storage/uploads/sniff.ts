/**
 * `file-type` ships only as an ES module. It is loaded lazily with `import()`: TypeScript (module
 * commonjs) compiles that to `require()`, which Node >= 20.19 accepts for ES modules without
 * top-level await (require(esm)); under jest, SWC compiles the package to CommonJS.
 *
 * The `file-type/core` entry point is used, not the root: the root's export map offers only
 * `import` conditions under `node`, which jest's CommonJS resolver cannot follow, and buffer
 * sniffing is all we need (the root adds file and stream helpers).
 */
type FileTypeCore = typeof import('file-type/core');

let loading: Promise<FileTypeCore> | undefined;

const fileTypeCore = (): Promise<FileTypeCore> => (loading ??= import('file-type/core'));

/** The content type the bytes say they are (magic numbers), or null if unknown. */
export async function sniffContentType(head: Uint8Array): Promise<string | null> {
  if (head.length === 0) return null;
  const { fileTypeFromBuffer } = await fileTypeCore();
  return (await fileTypeFromBuffer(head))?.mime ?? null;
}
