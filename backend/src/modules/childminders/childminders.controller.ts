import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { ChildmindersService } from './childminders.service';
import {
  ChildminderResponse,
  ChildminderSearchPageResponse,
  ChildminderSummaryPageResponse,
  FavoritePageResponse,
  FavoriteStatusResponse,
  OwnChildminderProfileResponse,
} from './dto/childminder.response';
import { CreateChildminderProfileDto } from './dto/create-childminder-profile.dto';
import { ChildminderIdParams, SearchChildmindersQuery } from './dto/search-childminders.query';
import { CARE_WEEKS } from './search/care-availability.port';

const PARENT_ONLY = [Role.Parent] as const;

@ApiTags('Childminders')
@Controller('childminders')
export class ChildmindersController {
  constructor(private readonly childminders: ChildmindersService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Listed childminders (visible, active, complete), best rated first' })
  @ApiOkResponse({ type: ChildminderSummaryPageResponse })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range' })
  list(@Query() query: PageQuery) {
    return this.childminders.list(query);
  }

  @Post()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Create the profile of an existing childminder user' })
  @ApiCreatedResponse({ type: OwnChildminderProfileResponse })
  @ApiBadRequestResponse({
    description: 'A field is missing, unknown or not acceptable, or the user is not a childminder',
  })
  @ApiConflictResponse({ description: 'The childminder already has a profile' })
  create(@Body() dto: CreateChildminderProfileDto) {
    return this.childminders.create(dto);
  }

  @Get('search')
  @Public()
  @ApiOperation({
    summary: 'Childminders within a radius of a postcode, filtered, sorted and paged; each with its distance',
    description:
      'With `days`, `from` and `to` (all three or none), only childminders free for that care are found: ' +
      'on each of the days their available time, less their time off (recurring blocks expanded in ' +
      `Europe/London), must cover from-to, in at least one of the next ${CARE_WEEKS} full weeks from next ` +
      'Monday. A one-off holiday therefore hides nobody; being away for all of those weeks does. ' +
      '`total` and the pages count only the childminders who match.',
  })
  @ApiOkResponse({ type: ChildminderSearchPageResponse })
  @ApiBadRequestResponse({ description: 'Unknown postcode or a filter out of range (named in details)' })
  search(@Query() query: SearchChildmindersQuery) {
    return this.childminders.search(query);
  }

  @Get('favorites')
  @Authenticated({ roles: PARENT_ONLY })
  @ApiOperation({ summary: 'My favourite childminders, newest first' })
  @ApiOkResponse({ type: FavoritePageResponse })
  listFavorites(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.childminders.listFavorites(auth, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A childminder’s public profile (never the full postcode or address)' })
  @ApiOkResponse({ type: ChildminderResponse })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such childminder, or not listed' })
  get(@Param() params: ChildminderIdParams) {
    return this.childminders.get(params.id);
  }

  @Post(':id/favorite')
  @Authenticated({ roles: PARENT_ONLY })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Add a childminder to my favourites (again is harmless)' })
  @ApiOkResponse({ type: FavoriteStatusResponse })
  @ApiNotFoundResponse({ description: 'No such childminder, or not listed' })
  addFavorite(@Auth() auth: AuthContext, @Param() params: ChildminderIdParams) {
    return this.childminders.addFavorite(auth, params.id);
  }

  @Delete(':id/favorite')
  @Authenticated({ roles: PARENT_ONLY })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a childminder from my favourites' })
  @ApiNoContentResponse({ description: 'Not a favourite (any more)' })
  @ApiNotFoundResponse({ description: 'No such childminder' })
  removeFavorite(@Auth() auth: AuthContext, @Param() params: ChildminderIdParams) {
    return this.childminders.removeFavorite(auth, params.id);
  }
}
