import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, ValidateNested } from 'class-validator';
import { AdminEvent } from './admin-events';

export class AdminNotificationChoiceDto {
  @ApiProperty({ enum: AdminEvent, enumName: 'AdminEvent' })
  @IsEnum(AdminEvent, { message: `event must be one of: ${Object.values(AdminEvent).join(', ')}` })
  event: AdminEvent;

  @ApiProperty() @IsBoolean() email: boolean;
  @ApiProperty() @IsBoolean() inApp: boolean;
}

export class UpdateAdminSettingsDto {
  @ApiProperty({ type: [AdminNotificationChoiceDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AdminNotificationChoiceDto)
  notifications: AdminNotificationChoiceDto[];
}

export class AdminNotificationSettingResponse {
  @ApiProperty({ enum: AdminEvent, enumName: 'AdminEvent' }) event: AdminEvent;
  @ApiProperty() label: string;
  @ApiProperty() email: boolean;
  @ApiProperty() inApp: boolean;
}

export class AdminSettingsResponse {
  @ApiProperty({ type: [AdminNotificationSettingResponse] }) notifications: AdminNotificationSettingResponse[];
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty({ description: 'The security settings require admins to use two-factor authentication' })
  twoFactorRequired: boolean;
}
