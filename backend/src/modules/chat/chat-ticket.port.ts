import { EntityManager } from 'typeorm';

/** One line of the chat as the ticket quotes it. */
export interface ChatTranscriptLine {
  /** `requester`, `agent` or `system`. */
  sender: string;
  senderName: string | null;
  text: string;
  at: Date;
}

export interface LeftChatMessage {
  chatSessionId: string;
  requesterId: string;
  /** What the requester asked support, typed in the widget's "leave a message" form. */
  message: string;
  transcript: ChatTranscriptLine[];
}

/** The ticket support opened, as shown to people (e.g. `CC-1042`). */
export interface ChatTicketRef {
  ticketId: string;
  number: string;
}

/** A requester's ticket, as the console lists it beside their chat. */
export interface RequesterTicket {
  number: string;
  subject: string;
  status: string;
  createdAt: Date;
}

/**
 * What the chat module needs from support: turning a message left in the chat widget (nobody
 * was available) into a ticket carrying the transcript. The support module implements it
 * (`SupportService.createFromChat`), and lists a requester's recent tickets for the console;
 * ChatModule provides this token. `manager` is the chat's
 * transaction: the ticket stands or falls with the closed session.
 */
export abstract class ChatTicketPort {
  abstract createFromChat(left: LeftChatMessage, manager: EntityManager): Promise<ChatTicketRef | null>;

  /** The requester's newest tickets (at most `limit`), for the console's context panel. */
  abstract recentTicketsOf(userId: string, limit: number): Promise<RequesterTicket[]>;
}
