import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { Notification } from '../entities/notification.entity';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'message' }) type: string;
  @ApiProperty({ example: 'New message from Sarah' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, example: '/parent/messages' }) link: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageResponse extends PageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
  @ApiProperty({ description: 'Unread notifications in all, for the bell' }) unreadCount: number;
}

export class UnreadCountResponse {
  @ApiProperty() unreadCount: number;
}

export const toNotificationResponse = (n: Notification): NotificationResponse => ({
  id: n.id,
  type: n.type,
  title: n.title,
  body: n.body,
  link: n.link,
  readAt: n.readAt ? n.readAt.toISOString() : null,
  createdAt: n.createdAt.toISOString(),
});
