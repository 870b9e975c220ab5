import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum WebhookErrorCode {
  /** Unknown integration, missing or bad signature, stale timestamp: never told apart. */
  Unverified = 'WEBHOOK_UNVERIFIED',
  BadDeliveryId = 'WEBHOOK_BAD_DELIVERY_ID',
  TooLarge = 'WEBHOOK_PAYLOAD_TOO_LARGE',
}

export class WebhookException extends defineDomainException<WebhookErrorCode>('WebhookException', {
  [WebhookErrorCode.Unverified]: HttpStatus.UNAUTHORIZED,
  [WebhookErrorCode.BadDeliveryId]: HttpStatus.BAD_REQUEST,
  [WebhookErrorCode.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
}) {}
