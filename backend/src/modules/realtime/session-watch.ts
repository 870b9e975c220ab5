import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { SessionsService } from '@app/modules/auth/sessions/sessions.service';

/**
 * How often each instance checks that the sessions behind its open sockets and event streams are
 * still live. A suspension or a sign-out everywhere closes them at once (RealtimeService's
 * disconnect); a session that ends by itself (the idle timeout, the absolute lifetime, a revoked
 * refresh token) makes no request to notice it on, so this sweep does, within this interval.
 */
export const SESSION_RECHECK_MS = 10_000;

interface Watched {
  userId: string;
  closers: Set<() => void>;
}

/**
 * The open realtime connections of this instance by session, and the sweep that closes those
 * whose session has ended. One query per sweep however many connections are open.
 */
@Injectable()
export class SessionWatch implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionWatch.name);
  private readonly watched = new Map<string, Watched>();
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(private readonly sessions: SessionsService) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SESSION_RECHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.watched.clear();
  }

  /** Closes the connection with `close` once its session ends; the returned function stops watching it. */
  watch(sessionId: string, userId: string, close: () => void): () => void {
    const entry = this.watched.get(sessionId) ?? { userId, closers: new Set<() => void>() };
    entry.closers.add(close);
    this.watched.set(sessionId, entry);
    return () => {
      entry.closers.delete(close);
      if (entry.closers.size === 0 && this.watched.get(sessionId) === entry) this.watched.delete(sessionId);
    };
  }

  /** Closes the connections whose session has ended; how many it closed. Never throws. */
  async sweep(): Promise<number> {
    if (this.sweeping || this.watched.size === 0) return 0;
    this.sweeping = true;
    try {
      const sessions = new Map([...this.watched].map(([sessionId, { userId }]) => [sessionId, userId]));
      let closed = 0;
      for (const sessionId of await this.sessions.endedAmong(sessions)) {
        const entry = this.watched.get(sessionId);
        this.watched.delete(sessionId);
        for (const close of [...(entry?.closers ?? [])]) {
          closed++;
          try {
            close();
          } catch (error) {
            this.logger.warn(`Could not close a connection of an ended session: ${(error as Error).message}`);
          }
        }
      }
      return closed;
    } catch (error) {
      // The database did not answer: the next sweep tries again.
      this.logger.warn(`Could not check the sessions of open connections: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
