import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';
import {
  AdminMessagesController,
  ChildminderMessagesController,
  ConversationBlockController,
  ParentMessagesController,
} from './messaging.controllers';
import { MessagingRepository } from './messaging.repository';
import { MessagingService } from './messaging.service';

/** Parent-childminder conversations. Needs RealtimeModule (global) and AuditModule (global). */
@Module({
  imports: [TypeOrmModule.forFeature([Conversation, Message])],
  controllers: [
    ParentMessagesController,
    ChildminderMessagesController,
    ConversationBlockController,
    AdminMessagesController,
  ],
  providers: [MessagingRepository, MessagingService],
  // Dashboards read unread counts through MessagingService.countUnread.
  exports: [MessagingService],
})
export class MessagingModule {}
