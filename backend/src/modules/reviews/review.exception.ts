import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum ReviewErrorCode {
  /** No such booking or review, or not the caller's: never told apart. */
  NotFound = 'REVIEW_NOT_FOUND',
  /** Only a completed booking can be reviewed. */
  BookingNotCompleted = 'REVIEW_BOOKING_NOT_COMPLETED',
  AlreadyReviewed = 'REVIEW_EXISTS',
  AlreadyReplied = 'REVIEW_REPLY_EXISTS',
}

export class ReviewException extends defineDomainException<ReviewErrorCode>('ReviewException', {
  [ReviewErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ReviewErrorCode.BookingNotCompleted]: HttpStatus.CONFLICT,
  [ReviewErrorCode.AlreadyReviewed]: HttpStatus.CONFLICT,
  [ReviewErrorCode.AlreadyReplied]: HttpStatus.CONFLICT,
}) {}

export const reviewNotFound = () => new ReviewException(ReviewErrorCode.NotFound, 'Review not found');
