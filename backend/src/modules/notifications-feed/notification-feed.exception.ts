import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum NotificationFeedErrorCode {
  /** No such notification, or not the caller's. */
  NotFound = 'NOTIFICATION_NOT_FOUND',
}

export class NotificationFeedException extends defineDomainException<NotificationFeedErrorCode>(
  'NotificationFeedException',
  { [NotificationFeedErrorCode.NotFound]: HttpStatus.NOT_FOUND },
) {}

export const notificationNotFound = () =>
  new NotificationFeedException(NotificationFeedErrorCode.NotFound, 'Notification not found');
