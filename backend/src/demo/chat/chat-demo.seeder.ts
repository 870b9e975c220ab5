import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { ChatRepository } from '@app/modules/chat/chat.repository';
import { ChatSender } from '@app/modules/chat/entities/chat-message.entity';
import { ChatEventType } from '@app/modules/chat/entities/chat-session-event.entity';
import { ChatSession, ChatSessionState } from '@app/modules/chat/entities/chat-session.entity';

interface DemoChat {
  requester: Role.Parent | Role.Childminder;
  daysAgo: number;
  lines: [ChatSender.Requester | ChatSender.Agent, string][];
  rating: number;
  comment: string | null;
}

const DEMO_CHATS: DemoChat[] = [
  {
    requester: Role.Parent,
    daysAgo: 9,
    lines: [
      [ChatSender.Requester, 'Hi, how do I add my second child to a booking request?'],
      [
        ChatSender.Agent,
        'Hello Priya! Add the child under Children first, then tick both children on the booking form.',
      ],
      [ChatSender.Requester, 'Found it, thank you!'],
    ],
    rating: 5,
    comment: 'Quick and friendly.',
  },
  {
    requester: Role.Childminder,
    daysAgo: 6,
    lines: [
      [ChatSender.Requester, 'My DBS certificate upload says pending. How long does verification take?'],
      [ChatSender.Agent, 'Usually within two working days. I can see it in the queue now.'],
    ],
    rating: 4,
    comment: null,
  },
  {
    requester: Role.Parent,
    daysAgo: 3,
    lines: [
      [ChatSender.Requester, 'Can I change the times of a confirmed booking?'],
      [ChatSender.Agent, 'You can ask the childminder from the booking page; they confirm the new times.'],
      [ChatSender.Requester, 'OK, I will try that.'],
    ],
    rating: 4,
    comment: 'Helpful, would like to edit times myself though.',
  },
  {
    requester: Role.Childminder,
    daysAgo: 1,
    lines: [
      [ChatSender.Requester, 'Where do I set my hourly rate?'],
      [ChatSender.Agent, 'Under Profile, in the Rates section. It shows on your public profile at once.'],
    ],
    rating: 5,
    comment: 'Perfect',
  },
];

const DEMO_CANNED_REPLIES = [
  { title: 'Greeting', text: 'Hello! Thanks for contacting Childminder Connect. How can I help today?' },
  { title: 'Verification time', text: 'Documents are usually verified within two working days.' },
  { title: 'Anything else?', text: 'Is there anything else I can help you with?' },
  { title: 'Goodbye', text: 'Thanks for chatting with us. Have a lovely day!' },
];

/**
 * A few closed, rated chats between the demo parent and childminder and the demo support agent,
 * and the starter canned replies: the console's history and the ratings are not empty.
 */
@Injectable()
@DemoData(60)
export class ChatDemoSeeder implements DemoDataSeeder {
  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    // A fixture loader: the chat tables' own writes, inside the seeding transaction.
    const chats = new ChatRepository(manager.connection);
    const agentId = users[Role.SupportAgent];
    await chats.replaceCannedReplies(DEMO_CANNED_REPLIES, manager);
    if (!agentId) return;
    for (const chat of DEMO_CHATS) {
      const requesterId = users[chat.requester];
      if (!requesterId) continue;
      const start = new Date(Date.now() - chat.daysAgo * 24 * 60 * 60 * 1000);
      const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
      const closedAt = at(chat.lines.length + 2);
      const session = Object.assign(new ChatSession(), {
        requesterId,
        agentId,
        state: ChatSessionState.Closed,
        queuedAt: start,
        closedAt,
        lastMessageAt: closedAt,
        leftMessage: false,
        ticketNumber: null,
        rating: chat.rating,
        ratingComment: chat.comment,
        ratedAt: at(chat.lines.length + 3),
        createdAt: start,
      });
      await chats.insertSession(session, manager);
      const system = (text: string, when: Date) =>
        chats.insertMessage(
          { sessionId: session.id, sender: ChatSender.System, senderId: null, text, createdAt: when },
          manager,
        );
      await system('Thanks for getting in touch. An adviser will join you shortly.', start);
      await system('Sam from support joined the chat.', at(0.5));
      let lastId = 0;
      for (const [index, [sender, text]] of chat.lines.entries()) {
        const row = await chats.insertMessage(
          {
            sessionId: session.id,
            sender,
            senderId: sender === ChatSender.Agent ? agentId : requesterId,
            text,
            createdAt: at(index + 1),
          },
          manager,
        );
        lastId = Number(row.id);
      }
      await system('The adviser ended the chat.', closedAt);
      await chats.updateSession(session.id, { requesterReadUpTo: lastId, agentReadUpTo: lastId }, manager);
      for (const [type, when, toAgentId] of [
        [ChatEventType.Created, start, null],
        [ChatEventType.Assigned, at(0.5), agentId],
        [ChatEventType.Closed, closedAt, null],
        [ChatEventType.Rated, at(chat.lines.length + 3), null],
      ] as const) {
        await chats.insertEvent(
          { sessionId: session.id, type, actorId: null, fromAgentId: null, toAgentId, note: null, createdAt: when },
          manager,
        );
      }
    }
  }
}
