import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { randomToken, sha256Hex } from '@app/common/crypto/secret-box';
import { SessionsService } from '@app/modules/auth/sessions/sessions.service';
import { UserStatus } from '@app/modules/users/entities/user.entity';
import { RealtimeTicket } from '../entities/realtime-ticket.entity';
import { RealtimeErrorCode, RealtimeException } from '../realtime.exception';

export const SSE_TICKET_TTL_MS = 60_000;

export interface SseTicketResponseBody {
  ticket: string;
  expiresAt: string;
}

/** Issues and redeems SSE tickets: valid 60 seconds, usable once, tied to the caller's session. */
@Injectable()
export class SseTicketsService {
  constructor(
    @InjectRepository(RealtimeTicket) private readonly tickets: Repository<RealtimeTicket>,
    private readonly sessions: SessionsService,
  ) {}

  async issue(auth: AuthContext): Promise<SseTicketResponseBody> {
    const ticket = randomToken(32);
    const expiresAt = new Date(Date.now() + SSE_TICKET_TTL_MS);
    await this.tickets.insert(
      Object.assign(new RealtimeTicket(), {
        tokenHash: sha256Hex(ticket),
        userId: auth.userId,
        sessionId: auth.sessionId,
        expiresAt,
        usedAt: null,
      }),
    );
    return { ticket, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The user and session behind a ticket, spending it. A conditional update decides races, so two
   * connections with the same ticket cannot both open; the session must still be live.
   */
  async redeem(ticket: string | undefined): Promise<{ userId: string; sessionId: string }> {
    const invalid = () =>
      new RealtimeException(
        RealtimeErrorCode.TicketInvalid,
        'The stream ticket is missing, expired or already used: request a new one',
      );
    if (!ticket) throw invalid();
    const tokenHash = sha256Hex(ticket);
    const now = new Date();
    const spent = await this.tickets.update({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    if (!spent.affected) throw invalid();
    const row = await this.tickets.findOne({ where: { tokenHash } });
    if (!row) throw invalid();
    const active = await this.sessions.findActive(row.sessionId, row.userId);
    if (!active || active.user.status !== UserStatus.Active) throw invalid();
    return { userId: row.userId, sessionId: row.sessionId };
  }

  async deleteExpired(before: Date): Promise<number> {
    return (await this.tickets.delete({ expiresAt: LessThan(before) })).affected ?? 0;
  }
}
