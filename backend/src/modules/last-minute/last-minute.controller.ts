import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPaymentRequiredResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import {
  CreateOpeningDto,
  LastMinuteSettingsResponse,
  OpeningIdQuery,
  OpeningListResponse,
  OpeningResponse,
  UpdateLastMinuteSettingsDto,
} from './dto/last-minute.dto';
import { LastMinuteService } from './last-minute.service';

@ApiTags('Last-minute places')
@Controller('user')
export class LastMinuteController {
  constructor(private readonly lastMinute: LastMinuteService) {}

  @Get('last-minute-schedule')
  @Authenticated({ roles: [Role.Parent, Role.Childminder] })
  @ApiOperation({
    summary:
      'Childminder: my current last-minute openings. Parent: current openings matching my alert settings (on any plan; alerts need Parent Plus). Soonest first',
  })
  @ApiOkResponse({ type: OpeningListResponse })
  schedule(@Auth() auth: AuthContext) {
    return this.lastMinute.schedule(auth);
  }

  @Post('last-minute-schedule')
  @Authenticated({ roles: [Role.Childminder] })
  @ApiOperation({ summary: 'Publish a last-minute opening (UK local date and times); matching parents are alerted' })
  @ApiCreatedResponse({ type: OpeningResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable (named in details)' })
  @ApiPaymentRequiredResponse({ description: 'The Listed plan’s limit of current openings is reached' })
  @ApiConflictResponse({ description: 'I have no childminder profile yet' })
  publish(@Auth() auth: AuthContext, @Body() dto: CreateOpeningDto) {
    return this.lastMinute.publish(auth, dto);
  }

  @Delete('last-minute-schedule')
  @Authenticated({ roles: [Role.Childminder] })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw one of my last-minute openings' })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiNotFoundResponse({ description: 'No such opening of mine' })
  remove(@Auth() auth: AuthContext, @Query() query: OpeningIdQuery) {
    return this.lastMinute.remove(auth, query.id);
  }

  @Get('last-minute-settings')
  @Authenticated({ roles: [Role.Parent, Role.Childminder] })
  @ApiOperation({ summary: 'Parent: my last-minute alert settings. Childminder: my auto-accept rules' })
  @ApiOkResponse({ type: LastMinuteSettingsResponse })
  settings(@Auth() auth: AuthContext) {
    return this.lastMinute.settings(auth);
  }

  @Patch('last-minute-settings')
  @Authenticated({ roles: [Role.Parent, Role.Childminder] })
  @ApiOperation({ summary: 'Change my last-minute alert settings (parent) or auto-accept rules (childminder)' })
  @ApiOkResponse({ type: LastMinuteSettingsResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable or not for my role (named in details)' })
  @ApiPaymentRequiredResponse({
    description: 'Parent: turning alerts on needs a plan with last-minute alerts (Parent Plus); the message names it',
  })
  @ApiNotFoundResponse({ description: 'A child id is not one of my children' })
  updateSettings(@Auth() auth: AuthContext, @Body() dto: UpdateLastMinuteSettingsDto) {
    return this.lastMinute.updateSettings(auth, dto);
  }
}
