import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
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
import { Role } from '@app/common/auth/role';
import { AvailabilityService } from './availability.service';
import { AvailabilityBlockDto, TimeRangeQuery } from './dto/availability-block.dto';
import { AvailabilityIdParams } from './dto/availability.params';
import {
  AvailabilityBlockPageResponse,
  AvailabilityBlockResponse,
  PublicAvailabilityResponse,
} from './dto/availability.response';
import { ListAvailabilityQuery } from './dto/list-availability.query';

const MINDER = [Role.Childminder] as const;

/** The signed-in childminder's availability blocks. */
@ApiTags('Childminder dashboard')
@Controller('dashboard/childminder/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Authenticated({ roles: MINDER })
  @ApiOperation({
    summary: 'My availability blocks, earliest first; with from/to, only blocks that may occur in that range',
  })
  @ApiOkResponse({ type: AvailabilityBlockPageResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is not acceptable (named in details)' })
  list(@Auth() auth: AuthContext, @Query() query: ListAvailabilityQuery) {
    return this.availability.list(auth, query);
  }

  @Post()
  @Authenticated({ roles: MINDER })
  @ApiOperation({ summary: 'Add an available or unavailable block, optionally recurring (RRULE, Europe/London)' })
  @ApiCreatedResponse({ type: AvailabilityBlockResponse })
  @ApiBadRequestResponse({ description: 'A field is missing, unknown or not acceptable (named in details)' })
  @ApiConflictResponse({ description: 'Too many blocks' })
  create(@Auth() auth: AuthContext, @Body() dto: AvailabilityBlockDto) {
    return this.availability.create(auth, dto);
  }

  @Get(':id')
  @Authenticated({ roles: MINDER })
  @ApiOperation({ summary: 'One of my availability blocks' })
  @ApiOkResponse({ type: AvailabilityBlockResponse })
  @ApiNotFoundResponse({ description: 'No such block, or not yours' })
  get(@Auth() auth: AuthContext, @Param() params: AvailabilityIdParams) {
    return this.availability.get(auth, params.id);
  }

  @Put(':id')
  @Authenticated({ roles: MINDER })
  @ApiOperation({ summary: 'Replace a block (times, type, title, description, recurrence, exceptions)' })
  @ApiOkResponse({ type: AvailabilityBlockResponse })
  @ApiBadRequestResponse({ description: 'A field is missing, unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such block, or not yours' })
  replace(@Auth() auth: AuthContext, @Param() params: AvailabilityIdParams, @Body() dto: AvailabilityBlockDto) {
    return this.availability.replace(auth, params.id, dto);
  }

  @Delete(':id')
  @Authenticated({ roles: MINDER })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a block with all its occurrences' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such block, or not yours' })
  remove(@Auth() auth: AuthContext, @Param() params: AvailabilityIdParams) {
    return this.availability.remove(auth, params.id);
  }
}

/** A listed childminder's open time, for the availability preview on the profile page. */
@ApiTags('Childminders')
@Controller('childminders/:id/availability')
export class PublicAvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'When a childminder is open: available time minus time off, merged (bookings are not shown)',
    description: 'Default range: today (UK) for 28 days; at most 62 days per request.',
  })
  @ApiOkResponse({ type: PublicAvailabilityResponse })
  @ApiBadRequestResponse({ description: 'from/to not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such listed childminder' })
  preview(@Param() params: AvailabilityIdParams, @Query() query: TimeRangeQuery) {
    return this.availability.publicPreview(params.id, query);
  }
}
