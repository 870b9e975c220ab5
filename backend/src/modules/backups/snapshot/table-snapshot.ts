import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { RawConnection, Row } from './raw-connection';

/** A table as the snapshot sees it: its name and the columns that order its rows. */
export interface TableSpec {
  name: string;
  primaryKey: string[];
}

export interface TableDump {
  rows: number;
  sha256: string;
}

const PAGE = 1000;
const INSERT_BATCH = 100;

/**
 * Values as JSON: text, numbers and null as they are; binary as `{"$b64": ...}` so it comes
 * back as bytes.
 */
export function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $b64: value.toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && '$b64' in value) {
    return Buffer.from(String((value as { $b64: unknown }).$b64), 'base64');
  }
  return value;
}

/** Writes every row of `table` as JSON lines, page by page in primary-key order, inside the caller's snapshot. */
export async function dumpTable(connection: RawConnection, table: TableSpec, file: string): Promise<TableDump> {
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  const order = table.primaryKey.map((column) => connection.quote(column)).join(', ');
  let rows = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await connection.query(
      `SELECT * FROM ${connection.quote(table.name)}${order ? ` ORDER BY ${order}` : ''} LIMIT ${PAGE} OFFSET ${offset}`,
    );
    for (const row of page) {
      const line = `${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)])))}\n`;
      hash.update(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    rows += page.length;
    if (page.length < PAGE) break;
  }
  out.end();
  await once(out, 'finish');
  return { rows, sha256: hash.digest('hex') };
}

/** Replaces the rows of `table` with those in `file`, inside the caller's restore transaction. */
export async function restoreTable(connection: RawConnection, table: string, file: string | null): Promise<number> {
  await connection.query(`DELETE FROM ${connection.quote(table)}`);
  if (!file) return 0;
  let batch: Row[] = [];
  let restored = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const columns = Object.keys(batch[0]!);
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    await connection.query(
      `INSERT INTO ${connection.quote(table)} (${columns.map((c) => connection.quote(c)).join(', ')}) VALUES ${batch
        .map(() => placeholders)
        .join(', ')}`,
      batch.flatMap((row) => columns.map((column) => decodeValue(row[column]))),
    );
    restored += batch.length;
    batch = [];
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Row);
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
  return restored;
}
