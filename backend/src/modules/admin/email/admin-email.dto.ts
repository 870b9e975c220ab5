import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Role } from '@app/common/auth/role';
import { IsShortText } from '@app/common/validation/validators';
import { PAID_PLAN_KEYS, PaidPlanKey } from '@app/modules/subscriptions/plans';

export enum EmailKind {
  /** About the recipient's account or service: sent whatever their email preferences say. */
  Account = 'account',
  /** News and announcements: only to users whose "Product news" email preference is on. */
  News = 'news',
}

/** Who receives it: one user, or everyone matching all the given segment filters. */
export class EmailAudienceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One user (the other filters are then not allowed)' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: PAID_PLAN_KEYS, description: 'Subscribers of a paid plan' })
  @IsOptional()
  @IsIn(PAID_PLAN_KEYS, { message: `plan must be one of: ${PAID_PLAN_KEYS.join(', ')}` })
  plan?: PaidPlanKey;

  @ApiPropertyOptional({ example: 'SW1A', description: 'Postcode area or district: the start of the postcode' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,2}[0-9]{0,2}[A-Za-z]?$/, {
    message: 'postcodePrefix must be the start of a UK postcode, e.g. SW1A',
  })
  postcodePrefix?: string;
}

export class SendEmailDto {
  @ApiProperty({ maxLength: 150 })
  @IsShortText(150)
  subject: string;

  @ApiProperty({
    maxLength: 5000,
    description: 'Plain text; a blank line starts a new paragraph; {{firstName}} becomes the recipient’s first name',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;

  @ApiProperty({ type: EmailAudienceDto })
  @ValidateNested()
  @Type(() => EmailAudienceDto)
  audience: EmailAudienceDto;

  @ApiProperty({ enum: EmailKind, enumName: 'EmailKind' })
  @IsEnum(EmailKind, { message: 'kind must be account or news' })
  kind: EmailKind;

  @ApiPropertyOptional({ default: false, description: 'true: only show what would be sent, and to how many' })
  @IsOptional()
  @IsBoolean()
  preview?: boolean;
}

export class RenderedEmailResponse {
  @ApiProperty() subject: string;
  @ApiProperty() html: string;
  @ApiProperty() text: string;
}

export class SendEmailResponse {
  @ApiProperty({ description: 'false for a preview' }) sent: boolean;
  @ApiProperty({ description: 'Users it goes (or would go) to' }) recipients: number;
  @ApiProperty({ description: 'Users in the audience left out by their email preferences' })
  skippedByPreference: number;
  @ApiProperty({ type: RenderedEmailResponse, description: 'The email as the first recipient gets it' })
  preview: RenderedEmailResponse;
}
