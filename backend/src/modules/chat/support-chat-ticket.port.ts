import { Injectable, OnModuleInit } from '@nestjs/common';
import { SupportSatisfaction } from '@app/modules/support/support-satisfaction';
import { SupportService } from '@app/modules/support/support.service';
import { ChatTicketPort, ChatTicketRef, LeftChatMessage, RequesterTicket } from './chat-ticket.port';
import { ChatRepository } from './chat.repository';

const SENDER_LABELS: Record<string, string> = { requester: 'You', agent: 'Support', system: 'Chat' };

/** The chat as the ticket's body: what was asked, then the conversation line by line. */
export function transcriptText(left: LeftChatMessage): string {
  const lines = left.transcript.map(
    (line) =>
      `[${line.at.toISOString().slice(0, 16).replace('T', ' ')} UTC] ${line.senderName ?? SENDER_LABELS[line.sender] ?? line.sender}: ${line.text}`,
  );
  return [left.message, '', '--- The chat before the message was left ---', ...lines].join('\n');
}

/**
 * ChatTicketPort through the support module: a message left in the chat widget becomes a ticket
 * carrying the transcript, and the console lists the requester's recent tickets. At start-up it
 * also hands support the chat ratings for its satisfaction figure (support cannot import chat).
 * The ticket is written in support's own transaction, just before the chat's commits: if the
 * chat's then failed, the person's message would still be in a ticket, which is the safe side.
 */
@Injectable()
export class SupportChatTicketPort extends ChatTicketPort implements OnModuleInit {
  constructor(
    private readonly support: SupportService,
    private readonly satisfaction: SupportSatisfaction,
    private readonly chats: ChatRepository,
  ) {
    super();
  }

  onModuleInit(): void {
    this.satisfaction.provide({ satisfactionBetween: (from, to) => this.chats.ratingsBetween(from, to) });
  }

  async createFromChat(left: LeftChatMessage): Promise<ChatTicketRef | null> {
    const ticket = await this.support.createFromChat({
      requesterUserId: left.requesterId,
      subject: `Message left in the live chat: ${left.message.replace(/\s+/g, ' ').slice(0, 80)}`,
      transcript: transcriptText(left),
    });
    return { ticketId: ticket.id, number: ticket.number };
  }

  async recentTicketsOf(userId: string, limit: number): Promise<RequesterTicket[]> {
    const tickets = await this.support.recentOf(userId, limit);
    return tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      status: t.status,
      createdAt: new Date(t.createdAt),
    }));
  }
}
