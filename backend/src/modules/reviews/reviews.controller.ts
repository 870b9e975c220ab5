import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { ChildminderIdParams } from '@app/modules/childminders/dto/search-childminders.query';
import { CreateReviewDto, ReplyToReviewDto, ReviewPageResponse, ReviewParams, ReviewResponse } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('Childminders')
@Controller('childminders/:id/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "A childminder's reviews, newest first, with the average and count" })
  @ApiOkResponse({ type: ReviewPageResponse })
  @ApiNotFoundResponse({ description: 'No such listed childminder' })
  list(@Param() params: ChildminderIdParams, @Query() query: PageQuery) {
    return this.reviews.list(params.id, query);
  }

  @Post()
  @Authenticated({ roles: [Role.Parent] })
  @ApiOperation({ summary: 'Review one of my completed bookings with this childminder (once, 1-5 stars)' })
  @ApiCreatedResponse({ type: ReviewResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such booking of mine with this childminder' })
  @ApiConflictResponse({ description: 'The booking is not completed, or I have already reviewed it' })
  create(@Auth() auth: AuthContext, @Param() params: ChildminderIdParams, @Body() dto: CreateReviewDto) {
    return this.reviews.create(auth, params.id, dto);
  }

  @Post(':reviewId/reply')
  @Authenticated({ roles: [Role.Childminder] })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reply to a review of mine (once)' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiBadRequestResponse({ description: 'The text is empty or too long' })
  @ApiNotFoundResponse({ description: 'No such review of mine' })
  @ApiConflictResponse({ description: 'I have already replied' })
  reply(@Auth() auth: AuthContext, @Param() params: ReviewParams, @Body() dto: ReplyToReviewDto) {
    return this.reviews.reply(auth, params.id, params.reviewId, dto);
  }
}
