import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SettingKey } from '@app/modules/settings/settings.registry';

/** Each security setting: its field in the API, its key in the settings registry, and its bounds. */
export const SECURITY_SETTINGS = {
  passwordMinLength: { key: 'password.minLength', min: 8, max: 64 },
  rejectBreachedPasswords: { key: 'password.rejectBreached' },
  sessionIdleTimeoutMinutes: { key: 'session.idleTimeoutMinutes', min: 5, max: 43_200 },
  sessionAbsoluteLifetimeDays: { key: 'session.absoluteLifetimeDays', min: 1, max: 365 },
  refreshTokenLifetimeDays: { key: 'auth.refreshTokenLifetimeDays', min: 1, max: 90 },
  lockoutThreshold: { key: 'auth.lockout.maxFailures', min: 3, max: 50 },
  lockoutWindowMinutes: { key: 'auth.lockout.windowMinutes', min: 1, max: 1440 },
  adminsRequireTwoFactor: { key: 'auth.adminsRequireTwoFactor' },
  hideNonCompliantChildminders: { key: 'compliance.hideNonCompliantFromSearch' },
  chatAgentCapacity: { key: 'chat.agentCapacity', min: 1, max: 20 },
} as const satisfies Record<string, { key: SettingKey; min?: number; max?: number }>;

export type SecuritySettingField = keyof typeof SECURITY_SETTINGS;

export class SecuritySettingsResponse {
  @ApiProperty({ minimum: 8, maximum: 64 }) passwordMinLength: number;
  @ApiProperty({ description: 'Refuse passwords found in breached-password lists' }) rejectBreachedPasswords: boolean;
  @ApiProperty({ minimum: 5, maximum: 43_200 }) sessionIdleTimeoutMinutes: number;
  @ApiProperty({ minimum: 1, maximum: 365 }) sessionAbsoluteLifetimeDays: number;
  @ApiProperty({ minimum: 1, maximum: 90 }) refreshTokenLifetimeDays: number;
  @ApiProperty({ minimum: 3, maximum: 50, description: 'Failed sign-ins before an account is locked' })
  lockoutThreshold: number;
  @ApiProperty({ minimum: 1, maximum: 1440 }) lockoutWindowMinutes: number;
  @ApiProperty({ description: 'Admins without 2FA are sent to set it up at sign-in' }) adminsRequireTwoFactor: boolean;
  @ApiProperty({ description: 'Non-compliant childminders are left out of search' })
  hideNonCompliantChildminders: boolean;
  @ApiProperty({ minimum: 1, maximum: 20, description: 'Live chats one support agent is given at most' })
  chatAgentCapacity: number;
}

export class UpdateSecuritySettingsDto {
  @ApiPropertyOptional({ minimum: 8, maximum: 64 })
  @IsOptional()
  @IsInt()
  @Min(8)
  @Max(64)
  passwordMinLength?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() rejectBreachedPasswords?: boolean;

  @ApiPropertyOptional({ minimum: 5, maximum: 43_200 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(43_200)
  sessionIdleTimeoutMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  sessionAbsoluteLifetimeDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  refreshTokenLifetimeDays?: number;

  @ApiPropertyOptional({ minimum: 3, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(50)
  lockoutThreshold?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  lockoutWindowMinutes?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() adminsRequireTwoFactor?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hideNonCompliantChildminders?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  chatAgentCapacity?: number;
}
