import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum NotificationErrorCode {
  PreferenceLocked = 'NOTIFICATION_PREFERENCE_LOCKED',
}

export class NotificationException extends defineDomainException<NotificationErrorCode>('NotificationException', {
  [NotificationErrorCode.PreferenceLocked]: HttpStatus.BAD_REQUEST,
}) {}
