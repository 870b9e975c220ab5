import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PageResponse } from '@app/common/pagination/page';
import { Review } from '../entities/review.entity';

export const REVIEW_TEXT_MAX = 2000;
const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** `POST /api/childminders/:id/reviews`: a parent reviews one of their completed bookings. */
export class CreateReviewDto {
  @ApiProperty({ format: 'uuid', description: 'The completed booking with this childminder being reviewed' })
  @IsUUID('all', { message: 'bookingId must be a UUID' })
  bookingId: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'rating must be a whole number of stars from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number of stars from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number of stars from 1 to 5' })
  rating: number;

  @ApiPropertyOptional({ maxLength: REVIEW_TEXT_MAX })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(REVIEW_TEXT_MAX)
  text?: string;
}

/** `POST /api/childminders/:id/reviews/:reviewId/reply`: the childminder answers, once. */
export class ReplyToReviewDto {
  @ApiProperty({ minLength: 1, maxLength: REVIEW_TEXT_MAX })
  @trim()
  @IsString()
  @Length(1, REVIEW_TEXT_MAX, { message: `text must be 1 to ${REVIEW_TEXT_MAX} characters` })
  text: string;
}

export class ReviewParams {
  @ApiProperty({ format: 'uuid', description: 'The childminder profile' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'reviewId must be a UUID' })
  reviewId: string;
}

export class ReviewReplyResponse {
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) repliedAt: string;
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ description: 'The reviewer’s first name only' }) parentFirstName: string;
  @ApiProperty({ type: ReviewReplyResponse, nullable: true }) reply: ReviewReplyResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReviewPageResponse extends PageResponse {
  @ApiProperty({ type: [ReviewResponse] }) items: ReviewResponse[];
  @ApiProperty({ type: Number, nullable: true, example: 4.7 }) ratingAverage: number | null;
  @ApiProperty() ratingCount: number;
}

export const toReviewResponse = (review: Review, parentFirstName: string): ReviewResponse => ({
  id: review.id,
  rating: review.rating,
  text: review.text,
  parentFirstName,
  reply: review.reply && review.repliedAt ? { text: review.reply, repliedAt: review.repliedAt.toISOString() } : null,
  createdAt: review.createdAt.toISOString(),
});
