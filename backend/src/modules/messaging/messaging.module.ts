import { forwardRef, Module } from '@nestjs/common';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsFeedModule } from '@app/modules/notifications-feed/notifications-feed.module';
import { UsersModule } from '@app/modules/users/users.module';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';
import {
  AdminMessagesController,
  ChildminderMessagesController,
  ConversationBlockController,
  ParentMessagesController,
} from './messaging.controllers';
import { MessageDigestJob } from './message-digest.job';
import { MessagingRepository } from './messaging.repository';
import { MessagingService } from './messaging.service';
import { MessagingPersonalData } from './messaging.personal-data';

/**
 * Parent-childminder conversations and their offline email digests. Needs RealtimeModule,
 * AuditModule, NotificationsModule, JobsModule and SubscriptionsModule (all global) and the
 * notifications feed.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Conversation, Message]),
    NotificationsFeedModule,
    // Names and addresses of the people writing, through UsersService.
    UsersModule,
    // BookingRelationshipPort: whether a childminder may write first.
    forwardRef(() => BookingsModule),
  ],
  controllers: [
    ParentMessagesController,
    ChildminderMessagesController,
    ConversationBlockController,
    AdminMessagesController,
  ],
  providers: [MessagingPersonalData, MessagingRepository, MessagingService, MessageDigestJob],
  // Dashboards read unread counts through MessagingService.countUnread.
  exports: [MessagingService],
})
export class MessagingModule {}
