import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { PageQuery } from '@app/common/pagination/page';
import { BackupsService } from './backups.service';
import {
  BackupHistoryResponse,
  BackupRunResponse,
  BackupScheduleResponse,
  TriggerBackupDto,
  UpdateBackupScheduleDto,
} from './dto/backups.dto';

@ApiTags('Admin: backups')
@Controller('admin/backup-recovery')
export class BackupsController {
  constructor(private readonly backups: BackupsService) {}

  @Get('history')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Every backup and restore, newest first: size, duration, outcome, who, live progress' })
  @ApiOkResponse({ type: BackupHistoryResponse })
  history(@Query() query: PageQuery) {
    return this.backups.history(query);
  }

  @Get('schedule')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'When scheduled backups run and how many are kept' })
  @ApiOkResponse({ type: BackupScheduleResponse })
  schedule() {
    return this.backups.getSchedule();
  }

  @Post('schedule')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Set the schedule: off, daily or weekly at a time, or a cron expression; with a retention count',
  })
  @ApiOkResponse({ type: BackupScheduleResponse })
  @ApiBadRequestResponse({ description: 'Invalid schedule (code BACKUP_SCHEDULE_INVALID names the field)' })
  updateSchedule(@Auth() auth: AuthContext, @Body() dto: UpdateBackupScheduleDto, @ReqMeta() meta: RequestMeta) {
    return this.backups.setSchedule(auth, dto, meta.ip);
  }

  @Post('trigger')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Back up now, or restore a backup from the history; answers at once with the running run',
    description:
      'A restore needs `confirm: "RESTORE"`. It verifies the archive (signature, checksums, schema) before changing anything, puts the platform into maintenance mode meanwhile, and brings migrations up to date. Progress: the history, and `backup.progress` realtime events to the admin who started it.',
  })
  @ApiAcceptedResponse({ type: BackupRunResponse })
  @ApiBadRequestResponse({ description: 'Missing or wrong confirmation (BACKUP_CONFIRMATION_MISMATCH)' })
  @ApiNotFoundResponse({ description: 'No kept, successful backup with that id (BACKUP_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'A backup or restore is running already (BACKUP_BUSY)' })
  @ApiUnprocessableEntityResponse({ description: 'Corrupted or foreign archive, or a newer schema: refused' })
  trigger(@Auth() auth: AuthContext, @Body() dto: TriggerBackupDto, @ReqMeta() meta: RequestMeta) {
    return this.backups.trigger(auth, dto, meta.ip);
  }
}
