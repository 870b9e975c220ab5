import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { UserActivity } from '../entities/user-activity.entity';

export class ActivityEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'auth.login' }) type: string;
  @ApiProperty({ example: 'Signed in' }) description: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty() createdAt: string;
}

export class ActivityPageResponse extends PageResponse {
  @ApiProperty({ type: [ActivityEntryResponse] }) items: ActivityEntryResponse[];
}

export const toActivityEntryResponse = (row: UserActivity): ActivityEntryResponse => ({
  id: row.id,
  type: row.type,
  description: row.description,
  ip: row.ip,
  userAgent: row.userAgent,
  createdAt: row.createdAt.toISOString(),
});
