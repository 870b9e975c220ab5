import http from 'node:http';

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal EventSource over a plain HTTP request: collects events and comments as they arrive. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  /** The server ended the stream. */
  ended = false;
  private buffer = '';
  private request?: http.ClientRequest;
  private waiters: (() => void)[] = [];

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      client.request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        client.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        res.on('end', () => (client.ended = true));
        res.on('close', () => (client.ended = true));
        resolve(client);
      });
      client.request.on('error', reject);
    });
  }

  /** Waits until `predicate` holds for the events received so far. */
  async waitFor(predicate: (events: SseEvent[]) => boolean, timeoutMs = 3000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE: timed out; received ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events;
  }

  async waitForComment(text: string, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.comments.includes(text)) {
      if (Date.now() > deadline) throw new Error(`SSE: no "${text}" comment; got ${JSON.stringify(this.comments)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.request?.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { data: '' };
      let isEvent = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const [field, value] = [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)];
        if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
        else if (field === 'data') event.data += value;
        else continue;
        isEvent = true;
      }
      if (isEvent) this.events.push(event);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
