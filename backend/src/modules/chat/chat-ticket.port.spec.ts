import { EntityManager } from 'typeorm';
import { ChatTicketPort, LeftChatMessage, PendingChatTicketPort } from './chat-ticket.port';

describe(PendingChatTicketPort.name, () => {
  const left: LeftChatMessage = {
    chatSessionId: 'session-1',
    requesterId: 'parent-1',
    message: 'Please call me back about my booking',
    transcript: [
      {
        sender: 'system',
        senderName: null,
        text: 'Thanks for getting in touch.',
        at: new Date('2026-12-07T10:00:00Z'),
      },
      {
        sender: 'requester',
        senderName: 'Priya',
        text: 'Please call me back about my booking',
        at: new Date('2026-12-07T10:06:00Z'),
      },
    ],
  };

  it('is a ChatTicketPort, so the support module can take its place under the same token', () => {
    expect(new PendingChatTicketPort()).toBeInstanceOf(ChatTicketPort);
  });

  it('opens no ticket and writes nothing: the message stays on the closed session', async () => {
    const manager = { insert: jest.fn(), save: jest.fn(), query: jest.fn() } as unknown as EntityManager;
    await expect(new PendingChatTicketPort().createFromChat(left)).resolves.toBeNull();
    expect(manager.insert).not.toHaveBeenCalled();
  });

  it('lists no tickets for the console until support provides them', async () => {
    await expect(new PendingChatTicketPort().recentTicketsOf()).resolves.toEqual([]);
  });

  it('a real implementation receives the message, the transcript and the chat transaction', async () => {
    class RecordingPort extends ChatTicketPort {
      readonly calls: [LeftChatMessage, EntityManager][] = [];
      createFromChat(message: LeftChatMessage, manager: EntityManager) {
        this.calls.push([message, manager]);
        return Promise.resolve({ ticketId: 't-1', number: 'CC-1042' });
      }
      recentTicketsOf() {
        return Promise.resolve([]);
      }
    }
    const port = new RecordingPort();
    const manager = {} as EntityManager;
    await expect(port.createFromChat(left, manager)).resolves.toEqual({ ticketId: 't-1', number: 'CC-1042' });
    expect(port.calls[0]![0].transcript).toHaveLength(2);
    expect(port.calls[0]![1]).toBe(manager);
  });
});
