import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GeoPoint } from './geo-math';

/** One postcode district (outward code) of the offline table. */
export interface OutcodeRow extends GeoPoint {
  outcode: string;
  town: string | null;
  county: string | null;
}

export const OUTCODES_FILE = 'uk-outcodes.csv';

/**
 * Where the table is. Tried in order:
 * 1. beside this file: the source tree under jest/ts-node, or dist/ when the build copies the
 *    data folder as an asset;
 * 2. the source tree from the package root (the nearest folder up with a package.json), which is
 *    where the compiled server in dist/backend/src finds it when the build does not copy assets.
 */
export function outcodesFileCandidates(from = __dirname): string[] {
  const candidates = [join(from, 'data', OUTCODES_FILE)];
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      candidates.push(join(dir, 'backend', 'src', 'modules', 'geo', 'data', OUTCODES_FILE));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return candidates;
}

export function findOutcodesFile(from = __dirname): string {
  const candidates = outcodesFileCandidates(from);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`The postcode table ${OUTCODES_FILE} is missing; looked in: ${candidates.join(', ')}`);
  return found;
}

/** Splits one CSV record (RFC 4180 quoting: "a, b" and doubled "" inside quotes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** The postcode area of an outward code: its leading letters (`E20` -> `E`, `SW1A` -> `SW`). */
export const postcodeArea = (outcode: string): string => /^[A-Z]+/.exec(outcode)?.[0] ?? '';

/**
 * The districts by outward code, and each postcode area's mean position (for districts newer
 * than the table). Built once from the CSV; lookups are map reads.
 */
export class OutcodeTable {
  private readonly districts = new Map<string, OutcodeRow>();
  private readonly areas = new Map<string, GeoPoint>();

  constructor(rows: readonly OutcodeRow[]) {
    const sums = new Map<string, { latitude: number; longitude: number; count: number }>();
    for (const row of rows) {
      this.districts.set(row.outcode, row);
      const area = postcodeArea(row.outcode);
      const sum = sums.get(area) ?? { latitude: 0, longitude: 0, count: 0 };
      sum.latitude += row.latitude;
      sum.longitude += row.longitude;
      sum.count += 1;
      sums.set(area, sum);
    }
    for (const [area, sum] of sums) {
      this.areas.set(area, { latitude: sum.latitude / sum.count, longitude: sum.longitude / sum.count });
    }
  }

  /** Parses `outcode,latitude,longitude,town,county,region`; a malformed row is an error, not a guess. */
  static fromCsv(text: string): OutcodeTable {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const header = parseCsvLine(lines.shift() ?? '').map((h) => h.trim().toLowerCase());
    const column = (name: string) => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`${OUTCODES_FILE} has no "${name}" column`);
      return index;
    };
    const [outcodeAt, latitudeAt, longitudeAt, townAt, countyAt] = [
      column('outcode'),
      column('latitude'),
      column('longitude'),
      column('town'),
      column('county'),
    ];
    const rows = lines.map((line, index) => {
      const fields = parseCsvLine(line);
      const latitude = Number(fields[latitudeAt]);
      const longitude = Number(fields[longitudeAt]);
      const outcode = (fields[outcodeAt] ?? '').trim().toUpperCase();
      if (!outcode || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
        throw new Error(`${OUTCODES_FILE} line ${index + 2} is not a valid row: ${line}`);
      }
      return {
        outcode,
        latitude,
        longitude,
        town: fields[townAt]?.trim() || null,
        county: fields[countyAt]?.trim() || null,
      };
    });
    return new OutcodeTable(rows);
  }

  static load(path: string): OutcodeTable {
    return OutcodeTable.fromCsv(readFileSync(path, 'utf8'));
  }

  get size(): number {
    return this.districts.size;
  }

  district(outcode: string): OutcodeRow | undefined {
    return this.districts.get(outcode);
  }

  areaCentre(area: string): GeoPoint | undefined {
    return this.areas.get(area);
  }
}
