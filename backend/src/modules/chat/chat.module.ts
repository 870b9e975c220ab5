import { Module } from '@nestjs/common';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { UsersModule } from '@app/modules/users/users.module';
import { ChatAgentsService } from './chat-agents.service';
import { ChatAssignment } from './chat-assignment.service';
import { ChatNotifier } from './chat-notifier';
import { ChatQueueJob } from './chat-queue.job';
import { ChatTicketPort, PendingChatTicketPort } from './chat-ticket.port';
import { ChatController, ChatStatusController } from './chat.controllers';
import { ChatGateway } from './chat.gateway';
import { ChatRepository } from './chat.repository';
import { ChatService } from './chat.service';

/**
 * Live chat between parents or childminders and support agents: sessions, messages over REST
 * and socket.io, auto-assignment under a per-agent capacity, transfer, ratings, canned replies,
 * and the agents' chat status. Needs the global realtime and settings modules.
 */
@Module({
  imports: [UsersModule, BookingsModule],
  controllers: [ChatController, ChatStatusController],
  providers: [
    ChatRepository,
    ChatNotifier,
    ChatAssignment,
    ChatService,
    ChatAgentsService,
    ChatGateway,
    ChatQueueJob,
    // A message left in the widget becomes a support ticket. Until the support module provides
    // ChatTicketPort (SupportService.createFromChat), the message stays on the closed session.
    { provide: ChatTicketPort, useClass: PendingChatTicketPort },
  ],
  exports: [ChatService],
})
export class ChatModule {}
