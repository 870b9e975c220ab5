import type { ChildminderSearchResult } from './childminder-types';
import { districtMarkers, milesToMetres } from './map-markers';

const result = (id: string, district: string, latitude: number, longitude: number) =>
  ({
    id,
    displayName: `Minder ${id}`,
    postcodeDistrict: district,
    district: { latitude, longitude },
  }) as ChildminderSearchResult;

describe('districtMarkers', () => {
  it('puts childminders of one district on one marker, in first-seen order', () => {
    const markers = districtMarkers([
      result('a', 'M20', 53.41, -2.23),
      result('b', 'M21', 53.43, -2.28),
      result('c', 'M20', 53.41, -2.23),
    ]);
    expect(markers).toEqual([
      {
        latitude: 53.41,
        longitude: -2.23,
        district: 'M20',
        childminders: [
          { id: 'a', displayName: 'Minder a' },
          { id: 'c', displayName: 'Minder c' },
        ],
      },
      { latitude: 53.43, longitude: -2.28, district: 'M21', childminders: [{ id: 'b', displayName: 'Minder b' }] },
    ]);
  });

  it('converts miles to metres', () => {
    expect(milesToMetres(5)).toBeCloseTo(8046.72);
  });
});
