import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum RecommendationErrorCode {
  /** No such recommendation, or it was shown to someone else: never told apart. */
  NotFound = 'RECOMMENDATION_NOT_FOUND',
}

export class RecommendationException extends defineDomainException<RecommendationErrorCode>('RecommendationException', {
  [RecommendationErrorCode.NotFound]: HttpStatus.NOT_FOUND,
}) {}

export const recommendationNotFound = () =>
  new RecommendationException(RecommendationErrorCode.NotFound, 'Recommendation not found');
