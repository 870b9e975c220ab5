/**
 * Distances on the Earth's surface, for "childminders within N miles". Pure functions: the
 * search narrows rows with `boundingBox` on indexed latitude/longitude columns, then orders and
 * filters them by the exact `distanceMiles`.
 */

/** WGS84 degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A latitude/longitude rectangle that contains a circle (inclusive bounds, in degrees). */
export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/** Mean radius of the Earth (IUGG), in statute miles. */
export const EARTH_RADIUS_MILES = 3958.7613;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance by the haversine formula, in miles. */
export function distanceMiles(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest latitude/longitude rectangle containing every point within `radiusMiles` of
 * `center` (J. P. Matuschek, "Finding points within a distance of a latitude/longitude using
 * bounding coordinates"). The longitude span is widest at the circle's tangent latitude, not at
 * the centre's, hence asin(sin(r)/cos(lat)) rather than r/cos(lat).
 *
 * Near a pole, or when the circle would cross the antimeridian, the box spans every longitude:
 * never the case in the UK, but the rectangle must still contain the circle.
 */
export function boundingBox(center: GeoPoint, radiusMiles: number): BoundingBox {
  if (!Number.isFinite(radiusMiles) || radiusMiles < 0)
    throw new RangeError('radiusMiles must be a non-negative number');
  // Offsets are computed in degrees and added to the centre as given, so that a zero radius
  // gives the centre itself rather than a box one rounding error away from it.
  const angular = radiusMiles / EARTH_RADIUS_MILES;
  const deltaLatitude = toDegrees(angular);
  const minLatitude = center.latitude - deltaLatitude;
  const maxLatitude = center.latitude + deltaLatitude;
  if (minLatitude <= -90 || maxLatitude >= 90) {
    return {
      minLatitude: Math.max(minLatitude, -90),
      maxLatitude: Math.min(maxLatitude, 90),
      minLongitude: -180,
      maxLongitude: 180,
    };
  }
  const deltaLongitude = toDegrees(Math.asin(Math.min(1, Math.sin(angular) / Math.cos(toRadians(center.latitude)))));
  const minLongitude = center.longitude - deltaLongitude;
  const maxLongitude = center.longitude + deltaLongitude;
  if (minLongitude < -180 || maxLongitude > 180)
    return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 };
  return { minLatitude, maxLatitude, minLongitude, maxLongitude };
}

/** Whether a point lies inside a bounding box (bounds included). */
export function isInBoundingBox(point: GeoPoint, box: BoundingBox): boolean {
  return (
    point.latitude >= box.minLatitude &&
    point.latitude <= box.maxLatitude &&
    point.longitude >= box.minLongitude &&
    point.longitude <= box.maxLongitude
  );
}
