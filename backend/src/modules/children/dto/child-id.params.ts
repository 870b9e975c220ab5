import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` of a child route: anything but a UUID is a 400 naming `id`, never a database lookup. */
export class ChildIdParams {
  @ApiProperty({ format: 'uuid', description: 'The child' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
