import { boundingBox, distanceMiles, EARTH_RADIUS_MILES, GeoPoint, isInBoundingBox } from './geo-math';

/** The point `miles` away from `from` on the initial bearing `bearingDegrees` (great circle). */
function destination(from: GeoPoint, bearingDegrees: number, miles: number): GeoPoint {
  const rad = Math.PI / 180;
  const angular = miles / EARTH_RADIUS_MILES;
  const bearing = bearingDegrees * rad;
  const lat1 = from.latitude * rad;
  const lon1 = from.longitude * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
  const lon2 =
    lon1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { latitude: lat2 / rad, longitude: lon2 / rad };
}

const westminster: GeoPoint = { latitude: 51.50265, longitude: -0.13111 };
const lerwick: GeoPoint = { latitude: 60.15232, longitude: -1.16779 };

describe('distanceMiles', () => {
  it('is zero from a point to itself and symmetric', () => {
    const manchester = { latitude: 53.47734, longitude: -2.23508 };
    expect(distanceMiles(westminster, westminster)).toBe(0);
    expect(distanceMiles(westminster, manchester)).toBeCloseTo(distanceMiles(manchester, westminster), 10);
  });

  it('measures one degree of latitude as about 69 miles', () => {
    expect(distanceMiles({ latitude: 51, longitude: 0 }, { latitude: 52, longitude: 0 })).toBeCloseTo(69.09, 1);
  });

  it('agrees with the destination formula', () => {
    for (const bearing of [0, 45, 90, 180, 270]) {
      expect(distanceMiles(westminster, destination(westminster, bearing, 12.5))).toBeCloseTo(12.5, 6);
    }
  });
});

describe('boundingBox', () => {
  it.each([
    ['Westminster', westminster, 1],
    ['Westminster', westminster, 25],
    ['Lerwick (far north, where longitude degrees are short)', lerwick, 30],
  ])('around %s contains every point at %d miles', (_name, center, radius) => {
    const box = boundingBox(center, radius);
    for (let bearing = 0; bearing < 360; bearing += 7.5) {
      const edge = destination(center, bearing, radius * 0.999999);
      expect(isInBoundingBox(edge, box)).toBe(true);
    }
    // ... and is tight: points a little beyond the radius due north and east are outside.
    expect(isInBoundingBox(destination(center, 0, radius * 1.01), box)).toBe(false);
    expect(isInBoundingBox({ latitude: center.latitude, longitude: box.maxLongitude + 0.001 }, box)).toBe(false);
  });

  it('is a single point for a zero radius', () => {
    expect(boundingBox(westminster, 0)).toEqual({
      minLatitude: westminster.latitude,
      maxLatitude: westminster.latitude,
      minLongitude: westminster.longitude,
      maxLongitude: westminster.longitude,
    });
  });

  it('spans every longitude when the circle reaches a pole', () => {
    const box = boundingBox({ latitude: 89.9, longitude: 10 }, 50);
    expect(box).toMatchObject({ maxLatitude: 90, minLongitude: -180, maxLongitude: 180 });
  });

  it('refuses a negative or non-numeric radius', () => {
    expect(() => boundingBox(westminster, -1)).toThrow(RangeError);
    expect(() => boundingBox(westminster, Number.NaN)).toThrow(RangeError);
  });
});
