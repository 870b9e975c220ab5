import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { redactColumns } from '@app/modules/privacy/redact';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';

export const ERASED_MESSAGE_TEXT = 'This message was removed when its sender deleted their account.';

/** What the user wrote is removed; the other side keeps their own messages, without the user's name in them. */
@Injectable()
export class MessagingPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'messages',
      export: async (userId) => {
        const conversations = await this.dataSource
          .getRepository(Conversation)
          .find({ where: [{ parentId: userId }, { childminderId: userId }] });
        const sent = await this.dataSource
          .getRepository(Message)
          .find({ where: { senderId: userId }, order: { createdAt: 'ASC' } });
        return {
          conversations: conversations.map(({ id, parentId, childminderId, createdAt }) => ({
            id,
            parentId,
            childminderId,
            createdAt,
          })),
          sent: sent.map(({ id, conversationId, text, createdAt }) => ({ id, conversationId, text, createdAt })),
        };
      },
      erase: async (subject, manager) => {
        await manager.getRepository(Message).update({ senderId: subject.userId }, { text: ERASED_MESSAGE_TEXT });
        await redactColumns(manager, Message, ['text'], subject);
      },
    });
  }
}
