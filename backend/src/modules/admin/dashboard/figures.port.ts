import { Injectable } from '@nestjs/common';

/**
 * Figures that modules built after the dashboard contribute (support tickets, live chats). A
 * module that has them calls `provide` in its `onModuleInit`; until one does, the dashboard and
 * the user page show them as not available instead of failing.
 */
export interface SupportFigures {
  /** Tickets not yet resolved or closed. */
  openTickets(): Promise<number>;
  /** A user's tickets not yet resolved or closed. */
  openTicketsFor(userId: string): Promise<number>;
  /** Chats waiting for or talking with an agent. */
  activeChats(): Promise<number>;
}

@Injectable()
export class SupportFiguresPort {
  private provider: SupportFigures | undefined;

  provide(provider: SupportFigures): void {
    this.provider = provider;
  }

  /** Null when no module provides support figures (yet), or when reading them fails. */
  async read<T>(read: (figures: SupportFigures) => Promise<T>): Promise<T | null> {
    if (!this.provider) return null;
    return read(this.provider).catch(() => null);
  }
}
