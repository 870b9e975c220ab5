import { Injectable } from '@nestjs/common';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { ChatStatus, type User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { toChatMessageResponse } from './dto/chat.response';
import { ChatMessage } from './entities/chat-message.entity';
import { ChatSession } from './entities/chat-session.entity';

/**
 * Tells the people concerned, live, after a change has committed: both sides of a chat get its
 * messages; online staff also hear of every session change (the queue and the console's badges).
 */
@Injectable()
export class ChatNotifier {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly users: UsersService,
  ) {}

  async messages(session: ChatSession, messages: readonly ChatMessage[], people: ReadonlyMap<string, User>) {
    const recipients = [session.requesterId, ...(session.agentId ? [session.agentId] : [])];
    for (const message of messages) {
      await this.realtime.publish(recipients, {
        type: 'chat.message',
        data: { sessionId: session.id, message: toChatMessageResponse(message, people) },
      });
    }
  }

  /** `alsoTell`: e.g. the agent a chat was taken from. */
  async sessionChanged(session: ChatSession, change: string, alsoTell: readonly (string | null)[] = []) {
    const staff = await this.users.listChatStaff();
    const online = staff.filter((user) => user.chatStatus !== ChatStatus.Offline).map((user) => user.id);
    const recipients = [session.requesterId, session.agentId, ...alsoTell, ...online].filter(
      (id): id is string => !!id,
    );
    await this.realtime.publish(recipients, {
      type: 'chat.session',
      data: { sessionId: session.id, state: session.state, agentId: session.agentId, change },
    });
  }
}
