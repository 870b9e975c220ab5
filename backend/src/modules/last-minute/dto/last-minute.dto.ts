import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { LastMinuteOpening } from '../entities/last-minute-opening.entity';
import { LastMinuteSettings } from '../entities/last-minute-settings.entity';

export const MAX_PLACES = 6;
export const MIN_RADIUS_MILES = 1;
export const MAX_RADIUS_MILES = 25;
const AGE_GROUPS = Object.values(AgeGroup);

/** `POST /api/user/last-minute-schedule`: a childminder publishes an opening (UK local date and times). */
export class CreateOpeningDto {
  @ApiProperty({ example: '2026-12-07', description: 'The UK calendar day' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date as YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: '09:00', description: 'UK local time, HH:mm' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be a time as HH:mm' })
  startTime: string;

  @ApiProperty({ example: '13:00', description: 'UK local time, HH:mm; after startTime' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'endTime must be a time as HH:mm' })
  endTime: string;

  @ApiProperty({ minimum: 1, maximum: MAX_PLACES })
  @IsInt({ message: `places must be a whole number from 1 to ${MAX_PLACES}` })
  @Min(1, { message: `places must be a whole number from 1 to ${MAX_PLACES}` })
  @Max(MAX_PLACES, { message: `places must be a whole number from 1 to ${MAX_PLACES}` })
  places: number;

  @ApiProperty({ enum: AgeGroup, enumName: 'AgeGroup', isArray: true })
  @IsArray({ message: 'ageGroups must be a list of age groups' })
  @ArrayNotEmpty({ message: 'ageGroups must name at least one age group' })
  @ArrayUnique({ message: 'ageGroups must not repeat an age group' })
  @IsEnum(AgeGroup, { each: true, message: `ageGroups must each be one of: ${AGE_GROUPS.join(', ')}` })
  ageGroups: AgeGroup[];
}

export class OpeningIdQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class OpeningResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The childminder profile' }) profileId: string;
  @ApiProperty() childminderName: string;
  @ApiProperty({ type: String, nullable: true }) town: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ minimum: 1, maximum: MAX_PLACES }) places: number;
  @ApiProperty({ enum: AgeGroup, enumName: 'AgeGroup', isArray: true }) ageGroups: AgeGroup[];
  @ApiProperty({ type: Number, nullable: true, description: 'Miles from my postcode (parents only)' })
  distanceMiles: number | null;
}

export class OpeningListResponse {
  @ApiProperty({ type: [OpeningResponse] }) items: OpeningResponse[];
}

export const toOpeningResponse = (
  opening: LastMinuteOpening,
  distanceMiles: number | null = null,
): OpeningResponse => ({
  id: opening.id,
  profileId: opening.profileId,
  childminderName: opening.profile?.displayName ?? '',
  town: opening.profile?.town ?? null,
  startsAt: opening.startsAt.toISOString(),
  endsAt: opening.endsAt.toISOString(),
  places: opening.places,
  ageGroups: opening.ageGroups,
  distanceMiles: distanceMiles === null ? null : Math.round(distanceMiles * 10) / 10,
});

export class AlertChannelsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'channels.email must be true or false' }) email?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'channels.inApp must be true or false' }) inApp?: boolean;
}

/**
 * `PATCH /api/user/last-minute-settings`. Parents change the alert fields, childminders the
 * auto-accept rules; a field of the other role is refused (400 naming it).
 */
export class UpdateLastMinuteSettingsDto {
  @ApiPropertyOptional({ description: 'Parents: send me alerts' })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: MIN_RADIUS_MILES, maximum: MAX_RADIUS_MILES })
  @IsOptional()
  @IsInt({ message: `radiusMiles must be a whole number from ${MIN_RADIUS_MILES} to ${MAX_RADIUS_MILES}` })
  @Min(MIN_RADIUS_MILES, {
    message: `radiusMiles must be a whole number from ${MIN_RADIUS_MILES} to ${MAX_RADIUS_MILES}`,
  })
  @Max(MAX_RADIUS_MILES, {
    message: `radiusMiles must be a whole number from ${MIN_RADIUS_MILES} to ${MAX_RADIUS_MILES}`,
  })
  radiusMiles?: number;

  @ApiPropertyOptional({ type: [String], description: 'Parents: my children the alerts are for; empty = all' })
  @IsOptional()
  @IsArray({ message: 'childIds must be a list of child ids' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'childIds must not repeat a child' })
  @IsUUID('all', { each: true, message: 'childIds must each be a UUID' })
  childIds?: string[];

  @ApiPropertyOptional({ type: AlertChannelsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlertChannelsDto)
  channels?: AlertChannelsDto;

  @ApiPropertyOptional({ description: 'Childminders: confirm requests from families with a completed booking' })
  @IsOptional()
  @IsBoolean({ message: 'autoAcceptReturningFamilies must be true or false' })
  autoAcceptReturningFamilies?: boolean;
}

export class AlertChannelsResponse {
  @ApiProperty() email: boolean;
  @ApiProperty() inApp: boolean;
}

export class ParentAlertSettingsResponse {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ minimum: MIN_RADIUS_MILES, maximum: MAX_RADIUS_MILES }) radiusMiles: number;
  @ApiProperty({ type: [String], description: 'Empty means all my children' }) childIds: string[];
  @ApiProperty({ type: AlertChannelsResponse }) channels: AlertChannelsResponse;
  @ApiProperty({
    description:
      'Whether my plan includes last-minute alerts (Parent Plus). When false, no alerts are sent even if enabled, and turning them on is refused (402)',
  })
  planIncludesAlerts: boolean;
}

export class AutoAcceptRulesResponse {
  @ApiProperty() autoAcceptReturningFamilies: boolean;
}

/** One of the two, by the caller's role. */
export class LastMinuteSettingsResponse {
  @ApiPropertyOptional({ type: ParentAlertSettingsResponse }) alerts?: ParentAlertSettingsResponse;
  @ApiPropertyOptional({ type: AutoAcceptRulesResponse }) autoAccept?: AutoAcceptRulesResponse;
}

export const toParentSettingsResponse = (
  s: LastMinuteSettings,
  planIncludesAlerts: boolean,
): LastMinuteSettingsResponse => ({
  alerts: {
    enabled: s.alertsEnabled,
    radiusMiles: s.radiusMiles,
    childIds: s.childIds,
    channels: { email: s.emailAlerts, inApp: s.inAppAlerts },
    planIncludesAlerts,
  },
});

export const toChildminderSettingsResponse = (s: LastMinuteSettings): LastMinuteSettingsResponse => ({
  autoAccept: { autoAcceptReturningFamilies: s.autoAcceptReturningFamilies },
});
