import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '@app/common/pagination/page';
import { IsDateOfBirth } from '@app/modules/children/dto/date-of-birth.validator';
import {
  ChildminderService,
  LANGUAGE_MAX_LENGTH,
  MAX_HOURLY_RATE_PENCE,
  MAX_LANGUAGES,
  MAX_SEARCH_RADIUS_MILES,
  Weekday,
} from '../childminder-vocabulary';
import { normaliseLanguage } from '../delimited-list';
import { CARE_WEEKS } from '../search/care-availability.port';
import { HH_MM, IsCareField } from './care-needed.validator';
import { SearchSort } from '../search/search-ranking';

/** `a,b` or `?x=a&x=b`: both become a list of trimmed, non-empty strings. */
const toList = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null) return value;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
    return parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '');
  });

const toBoolean = () =>
  Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  );

/** The postcode (full or district) a search starts from; the geocoder's 400 names it if unknown. */
export const IsSearchPostcode = () => (target: object, property: string) => {
  IsString({ message: 'postcode must be a UK postcode such as SW1A 1AA' })(target, property);
  MaxLength(20, { message: 'postcode must be a UK postcode such as SW1A 1AA' })(target, property);
};

export const DEFAULT_RADIUS_MILES = 5;

/** `GET /api/childminders/search`: postcode and radius, then every filter optional. */
export class SearchChildmindersQuery extends PageQuery {
  @ApiProperty({ example: 'M20 2LS', description: 'A full UK postcode or its first part' })
  @IsSearchPostcode()
  postcode: string;

  @ApiPropertyOptional({ minimum: 0.5, maximum: MAX_SEARCH_RADIUS_MILES, default: DEFAULT_RADIUS_MILES })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'radiusMiles must be a number of miles' })
  @Min(0.5)
  @Max(MAX_SEARCH_RADIUS_MILES)
  radiusMiles: number = DEFAULT_RADIUS_MILES;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HOURLY_RATE_PENCE, description: 'Integer pence per hour' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxHourlyRate must be a whole number of pence' })
  @Min(1)
  @Max(MAX_HOURLY_RATE_PENCE)
  maxHourlyRate?: number;

  @ApiPropertyOptional({
    enum: ChildminderService,
    enumName: 'ChildminderService',
    isArray: true,
    description: 'Comma-separated or repeated; every one must be offered',
  })
  @IsOptional()
  @toList()
  @IsArray()
  @ArrayMaxSize(Object.values(ChildminderService).length)
  @IsEnum(ChildminderService, {
    each: true,
    message: `each of services must be one of: ${Object.values(ChildminderService).join(', ')}`,
  })
  services?: ChildminderService[];

  @ApiPropertyOptional({ type: [String], description: 'Comma-separated or repeated; every one must be spoken' })
  @IsOptional()
  @toList()
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? normaliseLanguage(v) : v)) : value,
  )
  @IsArray()
  @ArrayMaxSize(MAX_LANGUAGES)
  @MaxLength(LANGUAGE_MAX_LENGTH, { each: true })
  @Matches(/^\p{L}[\p{L} '-]*$/u, { each: true, message: 'each of languages must be a language name' })
  languages?: string[];

  @ApiPropertyOptional({ enum: [15, 30], description: 'Accepts this many funded hours' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([15, 30], { message: 'fundedHours must be 15 or 30' })
  fundedHours?: 15 | 30;

  @ApiPropertyOptional({ description: 'Only childminders with special-needs experience (true)' })
  @IsOptional()
  @toBoolean()
  @IsBoolean({ message: 'specialNeeds must be true or false' })
  specialNeeds?: boolean;

  @ApiPropertyOptional({
    description: 'Only childminders whose compliance documents are approved and in date (true)',
  })
  @IsOptional()
  @toBoolean()
  @IsBoolean({ message: 'verifiedOnly must be true or false' })
  verifiedOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minRating must be a number from 1 to 5' })
  @Min(1)
  @Max(5)
  minRating?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'date',
    description: "The children's dates of birth (comma-separated): every child's age group must be cared for",
  })
  @IsOptional()
  @toList()
  @IsArray()
  @ArrayMaxSize(10)
  @IsDateOfBirth({ each: true })
  ageOfChildren?: string[];

  @ApiPropertyOptional({
    enum: Weekday,
    enumName: 'Weekday',
    isArray: true,
    description:
      'The weekdays care is needed (comma-separated or repeated); requires from and to. A childminder ' +
      'matches when, on every one of these days, their availability (available blocks minus time off, ' +
      `repeats expanded in Europe/London) covers from-to, in at least one of the next ${CARE_WEEKS} full ` +
      'weeks (Monday to Sunday, starting next Monday): a one-off holiday does not hide anyone, a month off does.',
  })
  @toList()
  @Transform(({ value }) =>
    Array.isArray(value)
      ? [...new Set(value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)))]
      : value,
  )
  @IsCareField('days')
  days?: Weekday[];

  @ApiPropertyOptional({
    example: '08:00',
    pattern: HH_MM.source,
    description: 'When care starts on each of days: HH:mm, 24-hour, UK local time; requires days and to',
  })
  @IsCareField('from')
  from?: string;

  @ApiPropertyOptional({
    example: '18:00',
    pattern: HH_MM.source,
    description: 'When care ends on each of days: HH:mm, UK local time, after from (the same day)',
  })
  @IsCareField('to')
  to?: string;

  @ApiPropertyOptional({ enum: SearchSort, enumName: 'SearchSort', default: SearchSort.Distance })
  @IsOptional()
  @IsEnum(SearchSort, { message: 'sort must be one of: distance, rating, price' })
  sort: SearchSort = SearchSort.Distance;
}

export class ChildminderIdParams {
  @ApiProperty({ format: 'uuid', description: 'The childminder profile' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
