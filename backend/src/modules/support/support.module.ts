import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsFeedModule } from '@app/modules/notifications-feed/notifications-feed.module';
import { UsersModule } from '@app/modules/users/users.module';
import { ContactThrottle } from './contact-throttle';
import { SupportTicketEvent } from './entities/support-ticket-event.entity';
import { SupportTicketReply } from './entities/support-ticket-reply.entity';
import { SupportTicket } from './entities/support-ticket.entity';
import {
  AdminSupportController,
  ChildminderSupportController,
  ContactController,
  ParentSupportController,
  TicketsController,
} from './support.controllers';
import { SupportNotifier } from './support-notifier';
import { SupportRepository } from './support.repository';
import { SupportSatisfaction } from './support-satisfaction';
import { SupportService } from './support.service';

/**
 * Support tickets: the Help pages, the contact form and the agents' inbox, search and stats.
 * Needs the global audit, notifications (outbox), settings and Redis modules.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SupportTicket, SupportTicketReply, SupportTicketEvent]),
    NotificationsFeedModule,
    UsersModule,
  ],
  controllers: [
    TicketsController,
    ContactController,
    ParentSupportController,
    ChildminderSupportController,
    AdminSupportController,
  ],
  providers: [SupportRepository, SupportNotifier, ContactThrottle, SupportSatisfaction, SupportService],
  // SupportService.createFromChat for the live chat's "leave a message"; SupportSatisfaction for
  // the chat module to hand over its ratings (see SupportSatisfaction).
  exports: [SupportService, SupportSatisfaction],
})
export class SupportModule {}
