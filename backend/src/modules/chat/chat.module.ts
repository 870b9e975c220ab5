import { Module } from '@nestjs/common';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { UsersModule } from '@app/modules/users/users.module';
import { ChatAgentsService } from './chat-agents.service';
import { ChatAssignment } from './chat-assignment.service';
import { ChatNotifier } from './chat-notifier';
import { ChatQueueJob } from './chat-queue.job';
import { ChatTicketPort } from './chat-ticket.port';
import { SupportChatTicketPort } from './support-chat-ticket.port';
import { SupportModule } from '@app/modules/support/support.module';
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
  imports: [UsersModule, BookingsModule, SupportModule],
  controllers: [ChatController, ChatStatusController],
  providers: [
    ChatRepository,
    ChatNotifier,
    ChatAssignment,
    ChatService,
    ChatAgentsService,
    ChatGateway,
    ChatQueueJob,
    // A message left in the widget becomes a support ticket with the transcript.
    { provide: ChatTicketPort, useClass: SupportChatTicketPort },
  ],
  exports: [ChatService],
})
export class ChatModule {}
