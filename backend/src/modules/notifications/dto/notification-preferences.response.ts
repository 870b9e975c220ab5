import { ApiProperty } from '@nestjs/swagger';
import { NotificationType } from '../notification-types';

export class NotificationPreferenceResponse {
  @ApiProperty({ enum: NotificationType, enumName: 'NotificationType', example: NotificationType.Bookings })
  type: NotificationType;
  @ApiProperty({ example: 'Bookings' }) label: string;
  @ApiProperty({ example: 'Booking requests, confirmations, changes and cancellations.' }) description: string;
  @ApiProperty({ description: 'Sent by email' }) email: boolean;
  @ApiProperty({ description: 'Shown in the app' }) inApp: boolean;
  @ApiProperty({ description: 'Always on: cannot be changed' }) locked: boolean;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ type: [NotificationPreferenceResponse] }) preferences: NotificationPreferenceResponse[];
}
