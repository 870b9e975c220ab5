import { MessagingErrorCode, MessagingException } from './messaging.exception';

/** Where a page of a thread ends: the last message's (createdAt, id); the next page is older. */
export interface MessageCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeCursor = (cursor: MessageCursor): string =>
  Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');

export function decodeCursor(value: string): MessageCursor {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) {
    throw new MessagingException(MessagingErrorCode.InvalidCursor, 'cursor is not one this API returned', [
      { field: 'cursor', message: 'cursor is not one this API returned' },
    ]);
  }
  return { createdAt, id };
}
