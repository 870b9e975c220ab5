import { LeftChatMessage } from './chat-ticket.port';
import { transcriptText } from './support-chat-ticket.port';

describe('the ticket a message left in the chat becomes', () => {
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
      { sender: 'requester', senderName: 'Priya', text: 'Is anyone there?', at: new Date('2026-12-07T10:06:00Z') },
    ],
  };

  it('starts with what was asked, then quotes the chat line by line with who and when', () => {
    expect(transcriptText(left).split('\n')).toEqual([
      'Please call me back about my booking',
      '',
      '--- The chat before the message was left ---',
      '[2026-12-07 10:00 UTC] Chat: Thanks for getting in touch.',
      '[2026-12-07 10:06 UTC] Priya: Is anyone there?',
    ]);
  });
});
