import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsShortText, IsUkPostcode } from '@app/common/validation/validators';
import { IsDateOfBirth } from '@app/modules/children/dto/date-of-birth.validator';
import {
  AgeGroup,
  BIO_MAX_LENGTH,
  ChildminderService,
  DISPLAY_NAME_MAX_LENGTH,
  LANGUAGE_MAX_LENGTH,
  MAX_HOURLY_RATE_PENCE,
  MAX_LANGUAGES,
  MAX_OWN_CHILDREN,
  TOWN_MAX_LENGTH,
} from '../childminder-vocabulary';
import { normaliseLanguage } from '../delimited-list';
import { IsPastDate } from './past-date.validator';
import { CapacityDto, InspectionDto, OpeningHoursDto } from './profile-parts.dto';

/** Present and not null: a nullable field's other validators run only then. */
const given = (_: object, value: unknown) => value !== null && value !== undefined;
/** Present: a field that may be left out but not cleared. */
const sent = (_: object, value: unknown) => value !== undefined;
/** Blank text clears a nullable field. */
const trimToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

const LANGUAGE = /^\p{L}[\p{L} '-]*$/u;
const OFSTED_URN = /^(EY\d{6}|\d{6,7})$/;
/** https anywhere, or a photo uploaded here (`/api/profile-images/:id`). */
const PHOTO_URL = /^(https:\/\/[^\s"'<>]+|\/api\/profile-images\/[0-9a-f-]{36})$/i;

/**
 * A change to a childminder profile: absent fields stay as they are; nullable fields take null
 * (or blank text) to clear. Any field not listed here is refused with a 400.
 */
export class UpdateChildminderProfileDto {
  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX_LENGTH, example: 'Claire Hughes' })
  @ValidateIf(sent)
  @IsShortText(DISPLAY_NAME_MAX_LENGTH)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BIO_MAX_LENGTH })
  @trimToNull()
  @ValidateIf(given)
  @IsString()
  @MaxLength(BIO_MAX_LENGTH)
  bio?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    description: 'An https URL, or /api/profile-images/:id of a photo uploaded here',
  })
  @trimToNull()
  @ValidateIf(given)
  @IsString()
  @MaxLength(500)
  @Matches(PHOTO_URL, { message: 'photoUrl must be an https URL or /api/profile-images/:id' })
  photoUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TOWN_MAX_LENGTH,
    description: 'Default: the postcode’s town',
  })
  @trimToNull()
  @ValidateIf(given)
  @IsString()
  @MaxLength(TOWN_MAX_LENGTH)
  town?: string | null;

  @ApiPropertyOptional({ example: 'M20 2LS', description: 'Full postcode: private; only its district is shown' })
  @ValidateIf(sent)
  @IsUkPostcode()
  postcode?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_HOURLY_RATE_PENCE,
    example: 650,
    description: 'Integer pence',
  })
  @ValidateIf(given)
  @IsInt({ message: 'hourlyRatePence must be a whole number of pence' })
  @Min(1)
  @Max(MAX_HOURLY_RATE_PENCE)
  hourlyRatePence?: number | null;

  @ApiPropertyOptional({ enum: AgeGroup, enumName: 'AgeGroup', isArray: true })
  @ValidateIf(sent)
  @IsArray()
  @ArrayMaxSize(Object.values(AgeGroup).length)
  @IsEnum(AgeGroup, { each: true, message: `each of ageGroups must be one of: ${Object.values(AgeGroup).join(', ')}` })
  ageGroups?: AgeGroup[];

  @ApiPropertyOptional({ type: [String], maxItems: MAX_LANGUAGES, example: ['English', 'Polish'] })
  @ValidateIf(sent)
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? normaliseLanguage(v) : v)) : value,
  )
  @IsArray()
  @ArrayMaxSize(MAX_LANGUAGES)
  @IsString({ each: true })
  @MaxLength(LANGUAGE_MAX_LENGTH, { each: true })
  @Matches(LANGUAGE, { each: true, message: 'each of languages must be a language name (letters, spaces, hyphens)' })
  languages?: string[];

  @ApiPropertyOptional({ enum: ChildminderService, enumName: 'ChildminderService', isArray: true })
  @ValidateIf(sent)
  @IsArray()
  @ArrayMaxSize(Object.values(ChildminderService).length)
  @IsEnum(ChildminderService, {
    each: true,
    message: `each of services must be one of: ${Object.values(ChildminderService).join(', ')}`,
  })
  services?: ChildminderService[];

  @ApiPropertyOptional()
  @ValidateIf(sent)
  @IsBoolean()
  specialNeedsExperience?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BIO_MAX_LENGTH })
  @trimToNull()
  @ValidateIf(given)
  @IsString()
  @MaxLength(BIO_MAX_LENGTH)
  specialNeedsDetails?: string | null;

  @ApiPropertyOptional({ type: OpeningHoursDto, nullable: true })
  @ValidateIf(given)
  @IsObject()
  @ValidateNested()
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'EY123456',
    description: 'EY and 6 digits, or 6-7 digits',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value))
  @ValidateIf(given)
  @IsString()
  @Matches(OFSTED_URN, { message: 'ofstedUrn must be an Ofsted URN such as EY123456 or 2123456' })
  ofstedUrn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2019-09-02' })
  @ValidateIf(given)
  @IsPastDate()
  ofstedRegisteredOn?: string | null;

  @ApiPropertyOptional({ type: InspectionDto, nullable: true })
  @ValidateIf(given)
  @IsObject()
  @ValidateNested()
  @Type(() => InspectionDto)
  inspection?: InspectionDto | null;

  @ApiPropertyOptional({ type: CapacityDto, description: 'Registered limits; default EYFS 6 / 3 / 1' })
  @ValidateIf(sent)
  @IsObject()
  @ValidateNested()
  @Type(() => CapacityDto)
  capacity?: CapacityDto;

  @ApiPropertyOptional({
    type: [String],
    format: 'date',
    maxItems: MAX_OWN_CHILDREN,
    description: 'Private: your own children under 8 count against capacity',
  })
  @ValidateIf(sent)
  @IsArray()
  @ArrayMaxSize(MAX_OWN_CHILDREN)
  @IsDateOfBirth({ each: true })
  ownChildrenDatesOfBirth?: string[];

  @ApiPropertyOptional({ description: 'Listed in search (when complete)' })
  @ValidateIf(sent)
  @IsBoolean()
  visible?: boolean;
}
