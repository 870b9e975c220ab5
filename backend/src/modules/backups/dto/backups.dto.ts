import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageResponse } from '@app/common/pagination/page';
import { BackupKind, BackupStatus, BackupTrigger } from '../entities/backup-run.entity';
import { BackupFrequency } from '../entities/backup-schedule.entity';

/** What the admin types to confirm a restore. */
export const RESTORE_CONFIRMATION = 'RESTORE';

export class TriggerBackupDto {
  @ApiProperty({ enum: ['backup', 'restore'], description: '`backup`: back up now; `restore`: restore `backupId`' })
  @IsIn(['backup', 'restore'])
  action: 'backup' | 'restore';

  @ApiPropertyOptional({ format: 'uuid', description: 'For a restore: the id of a successful backup in the history' })
  @ValidateIf((dto: TriggerBackupDto) => dto.action === 'restore')
  @IsUUID()
  backupId?: string;

  @ApiPropertyOptional({
    example: RESTORE_CONFIRMATION,
    description: `For a restore: exactly \`${RESTORE_CONFIRMATION}\``,
  })
  @ValidateIf((dto: TriggerBackupDto) => dto.action === 'restore')
  @IsString()
  @MaxLength(20)
  confirm?: string;
}

export class UpdateBackupScheduleDto {
  @ApiProperty({ enum: BackupFrequency })
  @IsEnum(BackupFrequency)
  frequency: BackupFrequency;

  @ApiPropertyOptional({ example: '02:00', description: 'HH:MM, UK time (daily and weekly)' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM' })
  time?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 6, description: '0 = Sunday ... 6 = Saturday (weekly)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  weekday?: number;

  @ApiPropertyOptional({ example: '0 */6 * * *', description: 'Five-field cron expression, UK time (cron)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cron?: string;

  @ApiProperty({ minimum: 1, maximum: 365, description: 'How many successful backups to keep' })
  @IsInt()
  @Min(1)
  @Max(365)
  retention: number;
}

export class BackupScheduleResponse {
  @ApiProperty({ enum: BackupFrequency }) frequency: BackupFrequency;
  @ApiProperty() time: string;
  @ApiProperty({ type: Number, nullable: true }) weekday: number | null;
  @ApiProperty({ type: String, nullable: true }) cron: string | null;
  @ApiProperty() retention: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Next scheduled run' })
  nextRunAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class BackupRunResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: BackupKind }) kind: BackupKind;
  @ApiProperty({ enum: BackupTrigger }) trigger: BackupTrigger;
  @ApiProperty({ enum: BackupStatus }) status: BackupStatus;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
  @ApiProperty({ type: String, nullable: true }) startedById: string | null;
  @ApiProperty({ type: String, nullable: true }) startedByEmail: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty() phase: string;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true }) schemaVersion: string | null;
  @ApiProperty({ type: Number, nullable: true }) rowCount: number | null;
  @ApiProperty({ type: String, nullable: true }) sourceRunId: string | null;
  @ApiProperty({ description: 'A successful backup whose archive is still kept' }) restorable: boolean;
}

export class BackupHistoryResponse extends PageResponse {
  @ApiProperty({ type: [BackupRunResponse] }) items: BackupRunResponse[];
  @ApiProperty() backupDir: string;
}
