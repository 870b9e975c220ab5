import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { CronSecretCaller } from '@app/common/auth/cron-secret';
import { Authenticated, AuthOrCronSecret } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { CronService } from './cron.service';
import { JobListResponse, JobRunResponse, RunJobDto } from './dto/cron.dto';

const WHO =
  'For admins, or for an outside scheduler with `Authorization: Bearer <CRON_SECRET>` when the server has CRON_SECRET set.';

/** The scheduled jobs, for admins and for an outside scheduler holding CRON_SECRET. */
@ApiTags('Scheduled jobs')
@Controller('cron')
export class CronController {
  constructor(private readonly cron: CronService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES, cronSecret: true })
  @ApiOperation({
    summary: 'The scheduled jobs: what each does, when it runs, whether it is running now, and its recent runs',
    description: WHO,
  })
  @ApiOkResponse({ type: JobListResponse })
  list() {
    return this.cron.list();
  }

  @Post()
  @Authenticated({ roles: ADMIN_ROLES, cronSecret: true })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Run a scheduled job now, once across the cluster; answers with the recorded run',
    description: `${WHO} A job that fails is still answered with 200 and its run (outcome \`failed\`, with the error). Every run is audited.`,
  })
  @ApiOkResponse({ type: JobRunResponse })
  @ApiBadRequestResponse({ description: '`job` is missing or names no scheduled job (named in details)' })
  @ApiConflictResponse({ description: 'The job is running already, on this or another server' })
  run(@AuthOrCronSecret() caller: AuthContext | CronSecretCaller, @Body() dto: RunJobDto) {
    return this.cron.run(caller, dto);
  }
}
