import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '@app/common/pagination/page';
import { IsInstant } from './instant.validator';

/** The childminder's blocks, paged; with a range, only blocks that may occur in it. */
export class ListAvailabilityQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'Only blocks still running at or after this time' })
  @IsOptional()
  @IsInstant({ dateOnly: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Only blocks starting before this time' })
  @IsOptional()
  @IsInstant({ dateOnly: true })
  to?: string;
}
