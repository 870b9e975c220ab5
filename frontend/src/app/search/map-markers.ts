import type { ChildminderSearchResult } from './childminder-types';

/** One marker per district: childminders are placed at their district's centre, never their home. */
export interface DistrictMarker {
  latitude: number;
  longitude: number;
  district: string;
  childminders: { id: string; displayName: string }[];
}

/** Pure: groups a page of results by district, in the order the districts first appear. */
export function districtMarkers(results: readonly ChildminderSearchResult[]): DistrictMarker[] {
  const byKey = new Map<string, DistrictMarker>();
  for (const result of results) {
    const key = `${result.district.latitude},${result.district.longitude}`;
    let marker = byKey.get(key);
    if (!marker) {
      marker = {
        latitude: result.district.latitude,
        longitude: result.district.longitude,
        district: result.postcodeDistrict ?? '',
        childminders: [],
      };
      byKey.set(key, marker);
    }
    marker.childminders.push({ id: result.id, displayName: result.displayName });
  }
  return [...byKey.values()];
}

/** Miles to metres, for the radius circle. */
export const milesToMetres = (miles: number) => miles * 1609.344;
