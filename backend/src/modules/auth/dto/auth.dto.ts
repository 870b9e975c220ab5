import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { SELF_SERVICE_ROLES } from '@app/common/auth/role';
import { IsNormalisedEmail, IsPasswordInput, IsShortText, IsUkPostcode } from '@app/common/validation/validators';

export class RegisterDto {
  @ApiProperty({ example: 'sam@example.co.uk' })
  @IsNormalisedEmail()
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 128, description: 'At least 10 characters; not a common breached password' })
  @IsPasswordInput()
  password: string;

  @ApiProperty({ maxLength: 100 })
  @IsShortText(100)
  firstName: string;

  @ApiProperty({ maxLength: 100 })
  @IsShortText(100)
  lastName: string;

  @ApiProperty({ enum: SELF_SERVICE_ROLES, description: 'Staff accounts are created by admins' })
  @IsIn(SELF_SERVICE_ROLES, { message: 'role must be parent or childminder' })
  role: (typeof SELF_SERVICE_ROLES)[number];

  @ApiPropertyOptional({ example: 'SW1A 1AA' })
  @IsOptional()
  @IsUkPostcode()
  postcode?: string;

  @ApiProperty({
    enum: [true],
    description:
      'The person has read the privacy notice (/privacy) and agrees to it; stored with the account ' +
      '(when, and which version)',
  })
  @Equals(true, { message: 'acceptPrivacyNotice must be true: please read and accept the privacy notice' })
  acceptPrivacyNotice: true;
}

export class LoginDto {
  @ApiProperty() @IsNormalisedEmail() email: string;
  @ApiProperty() @IsPasswordInput() password: string;
}

const TOTP_CODE = /^\d{6}$/;

export class LoginTwoFactorDto {
  @ApiProperty({ description: 'The challengeToken from POST /api/auth/login' })
  @IsString()
  @MaxLength(2000)
  challengeToken: string;

  @ApiPropertyOptional({ example: '123456', description: 'The 6-digit code from the authenticator app' })
  @ValidateIf((dto: LoginTwoFactorDto) => dto.recoveryCode === undefined)
  @Matches(TOTP_CODE, { message: 'code must be the 6 digits shown by your authenticator app' })
  code?: string;

  @ApiPropertyOptional({ example: 'k7qp-9x2m-4t', description: 'One of the recovery codes, instead of code' })
  @IsOptional()
  @IsString()
  @Length(8, 20)
  recoveryCode?: string;
}

export class ForgotPasswordDto {
  @ApiProperty() @IsNormalisedEmail() email: string;
}

export class ResendVerificationDto {
  @ApiProperty() @IsNormalisedEmail() email: string;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @Length(20, 200) token: string;
  @ApiProperty() @IsPasswordInput() password: string;
}

export class VerifyEmailDto {
  @ApiProperty() @IsString() @Length(20, 200) token: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsPasswordInput() currentPassword: string;
  @ApiProperty() @IsPasswordInput() newPassword: string;
}

export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(TOTP_CODE, { message: 'code must be the 6 digits shown by your authenticator app' })
  code: string;
}

export class DisableTwoFactorDto {
  @ApiPropertyOptional({ example: '123456', description: 'A current code, or give password instead' })
  @ValidateIf((dto: DisableTwoFactorDto) => dto.password === undefined)
  @Matches(TOTP_CODE, { message: 'code must be the 6 digits shown by your authenticator app (or give password)' })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsPasswordInput()
  password?: string;
}
