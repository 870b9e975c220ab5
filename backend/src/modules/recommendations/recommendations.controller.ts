import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { OptionalAuth, OptionalAuthGuard } from '@app/common/auth/optional-auth.guard';
import { Role } from '@app/common/auth/role';
import {
  RecommendationClickDto,
  RecommendationsQuery,
  RecommendedChildmindersQuery,
} from './dto/recommendations.query';
import { RecommendationPageResponse } from './dto/recommendation.response';
import { RecommendationsService } from './recommendations.service';

@ApiTags('Childminders')
@Controller()
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get('recommendations')
  @Authenticated({ roles: [Role.Parent] })
  @ApiOperation({
    summary:
      'Childminders recommended for my family, each with a 0-100 match score and the reasons in words; ' +
      'what I ask for (budget, languages, days and times) sharpens the match',
  })
  @ApiOkResponse({
    type: RecommendationPageResponse,
    description: 'With no postcode given or on my account: an empty list with `needs: "postcode"`',
  })
  @ApiBadRequestResponse({ description: 'An unknown postcode, or a bad filter' })
  forParent(@Auth() auth: AuthContext, @Query() query: RecommendationsQuery) {
    return this.recommendations.forParent(auth, query);
  }

  @Post('recommendations/click')
  @Authenticated({ roles: [Role.Parent] })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Record that I opened a recommendation I was shown (teaches the recommender)' })
  @ApiNoContentResponse({ description: 'Recorded (a second click changes nothing)' })
  @ApiBadRequestResponse({ description: 'recommendationId is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such recommendation shown to me' })
  click(@Auth() auth: AuthContext, @Body() dto: RecommendationClickDto) {
    return this.recommendations.click(auth, dto);
  }

  @Get('childminders/recommended')
  @Public()
  @UseGuards(OptionalAuthGuard)
  @ApiOperation({
    summary:
      'Recommended childminders for a postcode, or (signed in, no postcode) for your own; personal for a signed-in parent',
  })
  @ApiOkResponse({ type: RecommendationPageResponse })
  @ApiBadRequestResponse({ description: 'No postcode given or on the account, or an unknown postcode' })
  near(@OptionalAuth() auth: AuthContext | null, @Query() query: RecommendedChildmindersQuery) {
    return this.recommendations.near(auth, query);
  }
}
