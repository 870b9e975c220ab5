import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES, NotificationType } from '../notification-types';

/** One type's new settings; a channel left out keeps its current setting. */
export class NotificationPreferenceUpdateDto {
  @ApiProperty({ enum: NotificationType, enumName: 'NotificationType' })
  @IsIn(NOTIFICATION_TYPE_NAMES, { message: `$property must be one of: ${NOTIFICATION_TYPE_NAMES.join(', ')}` })
  type: NotificationType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ type: [NotificationPreferenceUpdateDto], maxItems: NOTIFICATION_TYPES.length })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ArrayUnique((item: NotificationPreferenceUpdateDto) => item?.type, {
    message: 'preferences must name each type at most once',
  })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceUpdateDto)
  preferences: NotificationPreferenceUpdateDto[];
}
