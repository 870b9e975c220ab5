import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { SELF_SERVICE_ROLES } from '@app/common/auth/role';
import { IsPasswordInput, IsShortText } from '@app/common/validation/validators';

/** What Google adds to the redirect back (RFC 6749 4.1.2 and Google's own extras). */
export class GoogleCallbackQuery {
  @ApiPropertyOptional({ maxLength: 2048 }) @IsOptional() @IsString() @MaxLength(2048) code?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) state?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'access_denied when the user said no' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  error?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) scope?: string;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) authuser?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) prompt?: string;
  @ApiPropertyOptional({ maxLength: 255 }) @IsOptional() @IsString() @MaxLength(255) hd?: string;
  @ApiPropertyOptional({ maxLength: 255 }) @IsOptional() @IsString() @MaxLength(255) iss?: string;
}

const PENDING_TOKEN = { description: 'The token from the address Google sign-in sent the browser back to' };

export class PendingGoogleSignInDto {
  @ApiProperty(PENDING_TOKEN) @IsString() @Length(20, 200) token: string;
}

export class GoogleRegisterDto {
  @ApiProperty(PENDING_TOKEN) @IsString() @Length(20, 200) token: string;

  @ApiProperty({ enum: SELF_SERVICE_ROLES, description: 'Staff accounts are never created by Google sign-in' })
  @IsIn(SELF_SERVICE_ROLES, { message: 'role must be parent or childminder' })
  role: (typeof SELF_SERVICE_ROLES)[number];

  @ApiPropertyOptional({ maxLength: 100, description: 'Instead of the first name Google gave' })
  @IsOptional()
  @IsShortText(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Instead of the last name Google gave' })
  @IsOptional()
  @IsShortText(100)
  lastName?: string;

  @ApiProperty({
    enum: [true],
    description: 'The person has read the privacy notice (/privacy) and agrees to it, as at registration',
  })
  @Equals(true, { message: 'acceptPrivacyNotice must be true: please read and accept the privacy notice' })
  acceptPrivacyNotice: true;
}

export class GoogleLinkDto {
  @ApiProperty(PENDING_TOKEN) @IsString() @Length(20, 200) token: string;

  @ApiProperty({ description: 'The password of the existing account' })
  @IsPasswordInput()
  password: string;

  @ApiPropertyOptional({ example: '123456', description: 'When the account has two-factor authentication on' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by your authenticator app' })
  code?: string;

  @ApiPropertyOptional({ example: 'k7qp-9x2m-4t', description: 'One of the recovery codes, instead of code' })
  @IsOptional()
  @IsString()
  @Length(8, 20)
  recoveryCode?: string;
}
