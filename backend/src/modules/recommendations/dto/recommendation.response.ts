import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { ChildminderSearchResult, SearchOriginResponse } from '@app/modules/childminders/dto/childminder.response';

/** A recommended childminder: her search result, how well she matches and why. */
export class RecommendationResponse extends ChildminderSearchResult {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Names this recommendation in POST /api/recommendations/click; null when nobody is signed in as a parent',
  })
  recommendationId: string | null;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 82,
    description:
      'How likely the model thinks this family would choose her over the typical childminder shown beside her, in percent',
  })
  matchScore: number;

  @ApiProperty({
    type: [String],
    example: ['1.2 miles away', 'Has places for a 2-year-old and is free on Tuesdays', 'Rated 4.9 by 23 parents'],
    description: 'What counted most in her favour, in words',
  })
  reasons: string[];

  @ApiProperty({
    description: 'On a plan that features her in recommendations (ranked a little higher, shown as featured)',
  })
  featured: boolean;
}

/** What a parent must tell us before there is anything to recommend. */
export enum RecommendationsNeed {
  Postcode = 'postcode',
}

export class RecommendationPageResponse extends PageResponse {
  @ApiProperty({ type: [RecommendationResponse] }) items: RecommendationResponse[];
  @ApiProperty({
    type: SearchOriginResponse,
    nullable: true,
    description: 'Where distances are measured from; null when `needs` is set',
  })
  origin: SearchOriginResponse | null;
  @ApiProperty({ description: 'The version of the trained weights that scored this list (0: the prior weights)' })
  modelVersion: number;
  @ApiProperty({
    enum: RecommendationsNeed,
    enumName: 'RecommendationsNeed',
    nullable: true,
    description:
      'Set when there is nothing to recommend until the parent adds something: `postcode` when no postcode was ' +
      'given and their account has none (the list is empty, not an error)',
  })
  needs: RecommendationsNeed | null;
}
