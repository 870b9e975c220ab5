import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOutcodesFile, OutcodeTable, outcodesFileCandidates, parseCsvLine, postcodeArea } from './outcode-table';

describe(OutcodeTable.name, () => {
  describe('fromCsv', () => {
    const csv = [
      'outcode,latitude,longitude,town,county,region',
      'AB1,57.0,-2.0,"Town, With Comma",Aberdeen,Scotland',
      'AB2,57.2,-2.2,,Aberdeen,Scotland',
      'B1,52.48,-1.9,Birmingham,West Midlands,West Midlands',
      '',
    ].join('\r\n');

    it('reads districts, quoted fields and empty towns', () => {
      const table = OutcodeTable.fromCsv(csv);
      expect(table.size).toBe(3);
      expect(table.district('AB1')).toEqual({
        outcode: 'AB1',
        latitude: 57,
        longitude: -2,
        town: 'Town, With Comma',
        county: 'Aberdeen',
      });
      expect(table.district('AB2')?.town).toBeNull();
    });

    it('averages each postcode area', () => {
      const table = OutcodeTable.fromCsv(csv);
      expect(table.areaCentre('AB')!.latitude).toBeCloseTo(57.1, 10);
      expect(table.areaCentre('AB')!.longitude).toBeCloseTo(-2.1, 10);
      expect(table.areaCentre('B')).toEqual({ latitude: 52.48, longitude: -1.9 });
      expect(table.areaCentre('ZZ')).toBeUndefined();
    });

    it('refuses a malformed row instead of guessing', () => {
      expect(() => OutcodeTable.fromCsv('outcode,latitude,longitude,town,county\nAB1,north,-2,,')).toThrow(/line 2/);
      expect(() => OutcodeTable.fromCsv('code,lat,lon')).toThrow(/outcode/);
    });
  });

  it('the shipped table holds every district of the data set', () => {
    expect(OutcodeTable.load(findOutcodesFile()).size).toBe(2848);
  });
});

describe('parseCsvLine', () => {
  it('handles quotes, doubled quotes and empty fields', () => {
    expect(parseCsvLine('a,"b, c",,"say ""hi"""')).toEqual(['a', 'b, c', '', 'say "hi"']);
  });
});

describe('postcodeArea', () => {
  it.each([
    ['E20', 'E'],
    ['SW1A', 'SW'],
    ['M1', 'M'],
  ])('%s is in area %s', (outcode, area) => expect(postcodeArea(outcode)).toBe(area));
});

describe('finding the table file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cmc-geo-'));
    writeFileSync(join(root, 'package.json'), '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('from the compiled server in dist/, falls back to the source tree under the package root', () => {
    const compiled = join(root, 'dist', 'backend', 'src', 'modules', 'geo');
    const source = join(root, 'backend', 'src', 'modules', 'geo', 'data');
    mkdirSync(compiled, { recursive: true });
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'uk-outcodes.csv'), 'outcode,latitude,longitude,town,county\n');
    expect(outcodesFileCandidates(compiled)).toEqual([
      join(compiled, 'data', 'uk-outcodes.csv'),
      join(source, 'uk-outcodes.csv'),
    ]);
    expect(findOutcodesFile(compiled)).toBe(join(source, 'uk-outcodes.csv'));
  });

  it('prefers a copy beside the code (an assets entry in the build)', () => {
    const compiled = join(root, 'dist', 'backend', 'src', 'modules', 'geo');
    mkdirSync(join(compiled, 'data'), { recursive: true });
    writeFileSync(join(compiled, 'data', 'uk-outcodes.csv'), '');
    expect(findOutcodesFile(compiled)).toBe(join(compiled, 'data', 'uk-outcodes.csv'));
  });

  it('says where it looked when the file is missing', () => {
    expect(() => findOutcodesFile(join(root, 'dist'))).toThrow(/uk-outcodes\.csv is missing; looked in: .*dist/);
  });
});
