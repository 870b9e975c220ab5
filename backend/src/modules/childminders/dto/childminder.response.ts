import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import {
  AgeGroup,
  ChildminderService,
  LegacyGrade,
  OfstedRegistrationStatus,
  REPORT_CARD_AREAS,
  ReportCardGrade,
  WEEKDAYS,
} from '../childminder-vocabulary';
import { DocumentType } from '@app/modules/documents/entities/document.entity';
import { ChildminderProfile } from '../entities/childminder-profile.entity';
import { profileCompleteness } from '../profile-completeness';

export class DayHoursResponse {
  @ApiProperty({ example: '07:30' }) open: string;
  @ApiProperty({ example: '18:00' }) close: string;
}

export class OpeningHoursResponse {
  @ApiProperty({ type: DayHoursResponse, nullable: true }) monday: DayHoursResponse | null;
  @ApiProperty({ type: DayHoursResponse, nullable: true }) tuesday: DayHoursResponse | null;
  @ApiProperty({ type: DayHoursResponse, nullable: true }) wednesday: DayHoursResponse | null;
  @ApiProperty({ type: DayHoursResponse, nullable: true }) thursday: DayHoursResponse | null;
  @ApiProperty({ type: DayHoursResponse, nullable: true }) friday: DayHoursResponse | null;
  @ApiProperty({ type: DayHoursResponse, nullable: true }) saturday: DayHoursResponse | null;
  @ApiProperty({ type: DayHoursResponse, nullable: true }) sunday: DayHoursResponse | null;
}

export class ReportCardGradesResponse {
  @ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' }) inclusion: ReportCardGrade;
  @ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' }) curriculumAndTeaching: ReportCardGrade;
  @ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' }) achievement: ReportCardGrade;
  @ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' }) behaviourAttitudesAndRoutines: ReportCardGrade;
  @ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' }) childrensWelfareAndWellBeing: ReportCardGrade;
  @ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' }) leadershipAndGovernance: ReportCardGrade;
}

export class InspectionResponse {
  @ApiProperty({ enum: ['legacy', 'report_card'] }) framework: 'legacy' | 'report_card';
  @ApiProperty({ format: 'date' }) inspectedOn: string;
  @ApiPropertyOptional({ enum: LegacyGrade, enumName: 'LegacyGrade' }) overallGrade?: LegacyGrade;
  @ApiPropertyOptional() safeguardingMet?: boolean;
  @ApiPropertyOptional({ type: ReportCardGradesResponse }) grades?: ReportCardGradesResponse;
}

export class CapacityResponse {
  @ApiProperty({ example: 6 }) under8: number;
  @ApiProperty({ example: 3 }) young: number;
  @ApiProperty({ example: 1 }) under1: number;
}

/** What a search result card shows. */
export class ChildminderSummaryResponse {
  @ApiProperty({ format: 'uuid', description: 'The profile id: the handle of /api/childminders/:id' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The childminder’s user id, to message them' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Didsbury' }) town: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'M20', description: 'The postcode’s first part only' })
  postcodeDistrict: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 650, description: 'Integer pence' })
  hourlyRatePence: number | null;
  @ApiProperty({ enum: AgeGroup, enumName: 'AgeGroup', isArray: true }) ageGroups: AgeGroup[];
  @ApiProperty({ type: [String], example: ['English', 'Polish'] }) languages: string[];
  @ApiProperty({ enum: ChildminderService, enumName: 'ChildminderService', isArray: true })
  services: ChildminderService[];
  @ApiProperty() specialNeedsExperience: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 4.8 }) ratingAverage: number | null;
  @ApiProperty({ example: 12 }) ratingCount: number;
  @ApiProperty({ type: String, nullable: true, description: 'The first 200 characters of the bio' })
  bioExcerpt: string | null;
  @ApiProperty({
    enum: DocumentType,
    enumName: 'DocumentType',
    isArray: true,
    description: 'Verification badges: one per document type with an approved document that has not expired',
  })
  badges: DocumentType[];
}

export class DistrictPointResponse {
  @ApiProperty({ example: 53.4167 }) latitude: number;
  @ApiProperty({ example: -2.2322 }) longitude: number;
}

/** A search or recommendation hit: a summary and how far away it is. */
export class ChildminderSearchResult extends ChildminderSummaryResponse {
  @ApiProperty({ example: 1.4, description: 'Miles from the searched postcode’s district, one decimal' })
  distanceMiles: number;
  @ApiProperty({
    type: DistrictPointResponse,
    description: 'The centre of the childminder’s postcode district (never the home), for a map',
  })
  district: DistrictPointResponse;
}

export class SearchOriginResponse {
  @ApiProperty({ example: 'M20' }) outcode: string;
  @ApiProperty({ type: String, nullable: true }) town: string | null;
  @ApiProperty({ enum: ['district', 'area'] }) precision: 'district' | 'area';
  @ApiProperty() radiusMiles: number;
  @ApiProperty({ example: 53.4167, description: 'Where distances are measured from: the district centre' })
  latitude: number;
  @ApiProperty({ example: -2.2322 }) longitude: number;
}

export class ChildminderSearchPageResponse extends PageResponse {
  @ApiProperty({ type: [ChildminderSearchResult] }) items: ChildminderSearchResult[];
  @ApiProperty({ type: SearchOriginResponse }) origin: SearchOriginResponse;
}

export class ChildminderSummaryPageResponse extends PageResponse {
  @ApiProperty({ type: [ChildminderSummaryResponse] }) items: ChildminderSummaryResponse[];
}

/** The public profile: never the full postcode, the address or the childminder's own children. */
export class ChildminderResponse extends ChildminderSummaryResponse {
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ type: String, nullable: true }) specialNeedsDetails: string | null;
  @ApiProperty({ type: OpeningHoursResponse }) openingHours: OpeningHoursResponse;
  @ApiProperty({ type: String, nullable: true, example: 'EY123456' }) ofstedUrn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) ofstedRegisteredOn: string | null;
  @ApiProperty({
    enum: OfstedRegistrationStatus,
    enumName: 'OfstedRegistrationStatus',
    nullable: true,
    description: "The status on Ofsted's register (from the register feed); null until the feed reported it",
  })
  ofstedRegistrationStatus: OfstedRegistrationStatus | null;
  @ApiProperty({ type: InspectionResponse, nullable: true }) inspection: InspectionResponse | null;
  @ApiProperty({ type: CapacityResponse }) capacity: CapacityResponse;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 95,
    description:
      'Her median minutes to answer a parent who wrote to her first (last 90 days); null until enough parents ' +
      'have written to judge, and on her own profile',
  })
  usualReplyMinutes: number | null;
}

export class FavoriteResponse extends ChildminderSummaryResponse {
  @ApiProperty({ format: 'date-time' }) favoritedAt: string;
}

export class FavoritePageResponse extends PageResponse {
  @ApiProperty({ type: [FavoriteResponse] }) items: FavoriteResponse[];
}

export class FavoriteStatusResponse {
  @ApiProperty({ format: 'uuid' }) childminderId: string;
  @ApiProperty() favorite: boolean;
}

export class CompletenessItemResponse {
  @ApiProperty({ example: 'bio' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Needed before the profile appears in search' }) required: boolean;
}

export class CompletenessResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ description: 'Every required item is there' }) complete: boolean;
  @ApiProperty({ type: [CompletenessItemResponse] }) missing: CompletenessItemResponse[];
}

/** The owner's (and admins') view: the public profile plus the private fields and the checklist. */
export class OwnChildminderProfileResponse extends ChildminderResponse {
  @ApiProperty({ type: String, nullable: true, example: 'M20 2LS' }) postcode: string | null;
  @ApiProperty({ type: [String], format: 'date' }) ownChildrenDatesOfBirth: string[];
  @ApiProperty({ description: 'The childminder’s choice to be listed' }) visible: boolean;
  @ApiProperty({ description: 'Set by admins' }) active: boolean;
  @ApiProperty({ description: 'Visible, active and complete: shown in search' }) listed: boolean;
  @ApiProperty({ type: CompletenessResponse }) completeness: CompletenessResponse;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const BIO_EXCERPT_LENGTH = 200;
const excerpt = (bio: string | null) =>
  !bio ? null : bio.length <= BIO_EXCERPT_LENGTH ? bio : `${bio.slice(0, BIO_EXCERPT_LENGTH - 1).trimEnd()}…`;

/** `badges` come from the compliance module (approved, unexpired documents), not from the profile row. */
export const toChildminderSummary = (p: ChildminderProfile, badges: DocumentType[]): ChildminderSummaryResponse => ({
  id: p.id,
  userId: p.userId,
  displayName: p.displayName,
  photoUrl: p.photoUrl,
  town: p.town,
  postcodeDistrict: p.postcodeDistrict,
  hourlyRatePence: p.hourlyRatePence,
  ageGroups: p.ageGroups,
  languages: p.languages,
  services: p.services,
  specialNeedsExperience: p.specialNeedsExperience,
  ratingAverage: p.ratingAverage,
  ratingCount: p.ratingCount,
  bioExcerpt: excerpt(p.bio),
  badges: [...badges],
});

const toOpeningHours = (p: ChildminderProfile): OpeningHoursResponse =>
  Object.fromEntries(WEEKDAYS.map((day) => [day, p.openingHours?.[day] ?? null])) as unknown as OpeningHoursResponse;

const toInspection = (p: ChildminderProfile): InspectionResponse | null => {
  const inspection = p.inspection;
  if (!inspection) return null;
  if (inspection.framework === 'legacy') {
    return { framework: 'legacy', inspectedOn: inspection.inspectedOn, overallGrade: inspection.overallGrade };
  }
  return {
    framework: 'report_card',
    inspectedOn: inspection.inspectedOn,
    safeguardingMet: inspection.safeguardingMet,
    grades: Object.fromEntries(
      REPORT_CARD_AREAS.map((area) => [area, inspection.grades[area]]),
    ) as unknown as ReportCardGradesResponse,
  };
};

export const toChildminderResponse = (p: ChildminderProfile, badges: DocumentType[]): ChildminderResponse => ({
  ...toChildminderSummary(p, badges),
  usualReplyMinutes: null,
  bio: p.bio,
  specialNeedsDetails: p.specialNeedsDetails,
  openingHours: toOpeningHours(p),
  ofstedUrn: p.ofstedUrn,
  ofstedRegisteredOn: p.ofstedRegisteredOn,
  ofstedRegistrationStatus: p.ofstedRegistrationStatus ?? null,
  inspection: toInspection(p),
  capacity: { ...p.capacity },
});

export const toOwnProfileResponse = (p: ChildminderProfile, badges: DocumentType[]): OwnChildminderProfileResponse => ({
  ...toChildminderResponse(p, badges),
  postcode: p.postcode,
  ownChildrenDatesOfBirth: [...p.ownChildrenDatesOfBirth],
  visible: p.visible,
  active: p.active,
  listed: p.visible && p.active && p.complete,
  completeness: profileCompleteness(p),
  updatedAt: p.updatedAt.toISOString(),
});
