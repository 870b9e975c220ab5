import { GeoErrorCode, GeoException } from './geo.exception';
import { distanceMiles } from './geo-math';
import { GeocoderService, outwardCode } from './geocoder.service';

describe(GeocoderService.name, () => {
  let geocoder: GeocoderService;
  beforeAll(() => {
    geocoder = new GeocoderService();
    geocoder.onModuleInit();
  });

  const failureOf = (postcode: string): GeoException => {
    try {
      geocoder.locate(postcode);
    } catch (error) {
      if (error instanceof GeoException) return error;
      throw error;
    }
    throw new Error(`${postcode} was located`);
  };

  describe('locate', () => {
    it('puts a full postcode at its district centroid', () => {
      expect(geocoder.locate('SW1A 1AA')).toEqual({
        outcode: 'SW1A',
        latitude: 51.50265,
        longitude: -0.13111,
        town: 'Westminster',
        precision: 'district',
      });
      expect(geocoder.locate('M1 1AE')).toMatchObject({ outcode: 'M1', town: 'Manchester', precision: 'district' });
    });

    it('accepts any case and spacing, and an outward code on its own', () => {
      expect(geocoder.locate('  sw1a1aa ')).toMatchObject({ outcode: 'SW1A', precision: 'district' });
      expect(geocoder.locate('m1')).toMatchObject({ outcode: 'M1', latitude: 53.47734, longitude: -2.23508 });
    });

    it('reads towns with commas in them', () => {
      expect(geocoder.locate('IM1 1AA').town).toBe('Douglas, Braddan');
    });

    it('gives null, not an empty string, for a district without a town', () => {
      expect(geocoder.locate('BT1 1AA')).toMatchObject({ outcode: 'BT1', town: null, precision: 'district' });
    });

    it('places a district missing from the table at the mean of its postcode area', () => {
      // E20 (the Olympic Park) is newer than the table.
      const e20 = geocoder.locate('E20 1EJ');
      expect(e20).toMatchObject({ outcode: 'E20', town: null, precision: 'area' });
      // The E area is east London: the mean of its districts is a few miles from E1.
      expect(distanceMiles(e20, geocoder.locate('E1'))).toBeLessThan(5);
      expect(e20.latitude).toBeCloseTo(51.54, 1);
    });

    it('refuses text that is not a postcode, naming the postcode field', () => {
      for (const garbage of ['', 'hello', '12345', 'SW1A 1AAA', 'Q1 1AA', "'; DROP TABLE users; --"]) {
        const error = failureOf(garbage);
        expect(error.code).toBe(GeoErrorCode.UnknownPostcode);
        expect(error.status).toBe(400);
        expect(error.details).toEqual([{ field: 'postcode', message: error.message }]);
      }
    });

    it('refuses a well-formed postcode whose area is unknown', () => {
      // GIR 0AA is valid (Girobank) but has no district or area in the table.
      const error = failureOf('GIR 0AA');
      expect(error.code).toBe(GeoErrorCode.UnknownPostcode);
      expect(error.message).toContain('GIR');
    });
  });

  describe('distances between known districts', () => {
    it('London SW1A to Manchester M1 is about 163 miles', () => {
      const miles = distanceMiles(geocoder.locate('SW1A 1AA'), geocoder.locate('M1 1AE'));
      expect(miles).toBeGreaterThan(161);
      expect(miles).toBeLessThan(165);
    });

    it('Edinburgh EH1 to Glasgow G1 is about 41 miles', () => {
      const miles = distanceMiles(geocoder.locate('EH1 1YZ'), geocoder.locate('G1 1XQ'));
      expect(miles).toBeGreaterThan(39);
      expect(miles).toBeLessThan(44);
    });
  });
});

describe('outwardCode', () => {
  it.each([
    ['SW1A 1AA', 'SW1A'],
    ['sw1a1aa', 'SW1A'],
    ['M1 1AE', 'M1'],
    ['EC1A', 'EC1A'],
    ['e20', 'E20'],
    ['B33 8TH', 'B33'],
  ])('%s -> %s', (input, expected) => {
    expect(outwardCode(input)).toBe(expected);
  });

  it.each(['', '   ', 'NOT A CODE', '1AA', 'SW1A 1AA 1AA'])('%p is not a postcode', (input) => {
    expect(outwardCode(input)).toBeNull();
  });
});
