import { Transform, Type } from 'class-transformer';
import { IsDateString, IsEnum, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { OfstedRegistrationStatus } from '@app/modules/childminders/childminder-vocabulary';
import { InspectionDto } from '@app/modules/childminders/dto/profile-parts.dto';
import { IsPastDate } from '@app/modules/childminders/dto/past-date.validator';

/** The event type the `ofsted` integration sends (header `x-webhook-event`); absent means the same. */
export const OFSTED_REGISTER_EVENT = 'registration.updated';

/**
 * The body of one `ofsted` delivery: what Ofsted's register says about one registration. The
 * format is ours (documented in docs/ofsted-register-feed.md): the operator's bridge reads the
 * register and posts one delivery per change.
 */
export class OfstedRegisterEntryDto {
  /** Matched as the register writes it: upper case, no spaces. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^(EY\d{6}|\d{6,7})$/, { message: 'urn must be an Ofsted URN such as EY123456 or 2123456' })
  urn: string;

  @IsEnum(OfstedRegistrationStatus, {
    message: `registrationStatus must be one of: ${Object.values(OfstedRegistrationStatus).join(', ')}`,
  })
  registrationStatus: OfstedRegistrationStatus;

  /** When the register said so (ISO 8601 with a zone). */
  @IsDateString({ strict: true }, { message: 'reportedAt must be an ISO 8601 date and time' })
  reportedAt: string;

  @IsOptional()
  @IsPastDate()
  registeredOn?: string | null;

  @IsOptional()
  @IsObject({ message: 'latestInspection must be an object' })
  @ValidateNested()
  @Type(() => InspectionDto)
  latestInspection?: InspectionDto | null;
}
