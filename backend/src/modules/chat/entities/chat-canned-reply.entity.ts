import { Column, Entity } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

export const CANNED_REPLY_TITLE_MAX_LENGTH = 80;
export const CANNED_REPLY_TEXT_MAX_LENGTH = 1000;

/** A ready-made answer agents insert into a chat; admins keep the list. */
@Entity('chat_canned_replies')
export class ChatCannedReply extends UuidEntity {
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: CANNED_REPLY_TITLE_MAX_LENGTH })
  title: string;

  @Column({ type: 'varchar', length: CANNED_REPLY_TEXT_MAX_LENGTH })
  text: string;
}
