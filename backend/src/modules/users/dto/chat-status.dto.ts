import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ChatStatus } from '../entities/user.entity';

export class UpdateChatStatusDto {
  @ApiProperty({ enum: ChatStatus, enumName: 'ChatStatus' })
  @IsEnum(ChatStatus, { message: 'status must be one of: available, busy, offline' })
  status: ChatStatus;
}

export class ChatStatusResponse {
  @ApiProperty({ enum: ChatStatus, enumName: 'ChatStatus' }) status: ChatStatus;
}
