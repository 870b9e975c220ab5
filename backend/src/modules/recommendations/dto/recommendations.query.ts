import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQuery } from '@app/common/pagination/page';
import { MAX_SEARCH_RADIUS_MILES } from '@app/modules/childminders/childminder-vocabulary';
import { IsSearchPostcode, SearchChildmindersQuery } from '@app/modules/childminders/dto/search-childminders.query';

/** Recommendations look a little wider than a search: a great match two towns away is still worth showing. */
export const DEFAULT_RECOMMENDATION_RADIUS_MILES = 10;

/** `GET /api/childminders/recommended`: for a postcode, or the signed-in user's own. */
export class RecommendedChildmindersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'M20 2LS', description: 'Default: the signed-in user’s postcode' })
  @IsOptional()
  @IsSearchPostcode()
  postcode?: string;

  @ApiPropertyOptional({ minimum: 0.5, maximum: MAX_SEARCH_RADIUS_MILES, default: DEFAULT_RECOMMENDATION_RADIUS_MILES })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'radiusMiles must be a number of miles' })
  @Min(0.5)
  @Max(MAX_SEARCH_RADIUS_MILES)
  radiusMiles: number = DEFAULT_RECOMMENDATION_RADIUS_MILES;
}

/**
 * `GET /api/recommendations`: the parent's own recommendations. What the parent is looking for
 * (budget, languages, days and times) sharpens the match; without it the recommender uses their
 * children and the days they usually book.
 */
export class RecommendationsQuery extends IntersectionType(
  RecommendedChildmindersQuery,
  PickType(SearchChildmindersQuery, ['maxHourlyRate', 'languages', 'days', 'from', 'to'] as const),
) {}

export class RecommendationClickDto {
  @ApiProperty({ format: 'uuid', description: 'The recommendation id the list gave' })
  @IsUUID('all', { message: 'recommendationId must be a UUID' })
  recommendationId: string;
}
