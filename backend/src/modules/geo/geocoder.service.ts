import { Injectable, OnModuleInit } from '@nestjs/common';
import { normalisePostcode, UK_POSTCODE_PATTERN } from '@app/common/validation/validators';
import { GeoErrorCode, GeoException } from './geo.exception';
import { GeoPoint } from './geo-math';
import { findOutcodesFile, OutcodeTable, postcodeArea } from './outcode-table';

/** `district`: the centroid of the postcode's own district; `area`: the mean of its area's districts. */
export type GeoPrecision = 'district' | 'area';

export interface GeoLocation extends GeoPoint {
  /** The outward code asked about, upper case: `SW1A` for `sw1a 1aa`. */
  outcode: string;
  /** The district's town when the table names one; null for an area fallback. */
  town: string | null;
  precision: GeoPrecision;
}

/**
 * The outward code (`SW1A`) of a full postcode (`SW1A 1AA`, any case or spacing) or of an
 * outward code on its own; null when the text is not shaped like a UK postcode.
 */
export function outwardCode(postcode: string): string | null {
  if (typeof postcode !== 'string' || postcode.length > 20) return null;
  const normalised = normalisePostcode(postcode.trim());
  if (!UK_POSTCODE_PATTERN.test(normalised)) return null;
  return normalised.split(' ')[0]!;
}

/**
 * Offline geocoding from the postcode-district table (uk-outcodes.csv, about 2,800 districts):
 * a full postcode resolves to its district's centroid, which is as precise as a childminder
 * search radius needs. Districts created after the table fall back to their area's mean.
 * A postcodes.io-backed geocoder can sit behind the same `locate` later.
 */
@Injectable()
export class GeocoderService implements OnModuleInit {
  private path: string | undefined;
  private table: OutcodeTable | undefined;

  /** Fails the boot, with the places looked in, if the table file is missing; it is read on first use. */
  onModuleInit(): void {
    this.path = findOutcodesFile();
  }

  locate(postcode: string): GeoLocation {
    const outcode = outwardCode(postcode);
    if (!outcode) {
      throw unknownPostcode('Enter a UK postcode such as SW1A 1AA, or its first part such as SW1A');
    }
    const table = this.outcodes();
    const district = table.district(outcode);
    if (district) {
      return {
        outcode,
        latitude: district.latitude,
        longitude: district.longitude,
        town: district.town,
        precision: 'district',
      };
    }
    const area = table.areaCentre(postcodeArea(outcode));
    if (area) return { outcode, ...area, town: null, precision: 'area' };
    throw unknownPostcode(`We could not find where the postcode ${outcode} is. Check it and try again`);
  }

  /** The table, read once on first use (about 160 kB; a few milliseconds). */
  private outcodes(): OutcodeTable {
    this.table ??= OutcodeTable.load(this.path ?? findOutcodesFile());
    return this.table;
  }
}

const unknownPostcode = (message: string) =>
  new GeoException(GeoErrorCode.UnknownPostcode, message, [{ field: 'postcode', message }]);
