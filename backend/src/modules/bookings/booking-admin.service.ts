import { Injectable } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { AuditService } from '@app/modules/audit/audit.service';
import { BookingAccess } from './booking-access';
import { BookingAnswersService } from './booking-answers.service';
import { BookingLocks } from './booking-locks';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { AdminUpdateBookingDto } from './dto/booking-requests.dto';
import { BookingResponse } from './dto/booking.response';

/**
 * What an admin changes on a booking. Each change and its audit entry commit in one transaction
 * (under the booking locks): a refused action leaves the notes as they were and audits nothing.
 */
@Injectable()
export class BookingAdminService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly reads: BookingsService,
    private readonly access: BookingAccess,
    private readonly locks: BookingLocks,
    private readonly answers: BookingAnswersService,
    private readonly audit: AuditService,
  ) {}

  /** Admins act for either side, and may correct the notes; every change is audited. */
  async adminUpdate(auth: AuthContext, id: string, dto: AdminUpdateBookingDto): Promise<BookingResponse> {
    if (dto.notes === undefined && !dto.action) return this.reads.get(auth, id);
    const outcome = await this.locks.withLockedBooking(auth, id, async (manager, booking, profile) => {
      const subject = { subjectType: 'booking', subjectId: booking.id, ownerId: booking.parentId };
      if (dto.notes !== undefined) {
        await this.bookings.update(booking.id, { notes: dto.notes ?? null }, manager);
        await this.audit.record(auth, { action: 'booking.notes.update', ...subject }, manager);
      }
      if (!dto.action) return null;
      const changed = await this.answers.applyLocked(manager, booking, profile, 'admin', {
        action: dto.action,
        reason: dto.reason,
      });
      await this.audit.record(
        auth,
        { action: `booking.${dto.action}`, ...subject, metadata: dto.reason ? { reason: dto.reason } : undefined },
        manager,
      );
      return changed;
    });
    return outcome ? this.access.respond(auth, outcome) : this.reads.get(auth, id);
  }

  /** An admin's cancellation: both sides are told, and the action is audited with it. */
  async adminCancel(auth: AuthContext, id: string, reason: string | null): Promise<BookingResponse> {
    const outcome = await this.locks.withLockedBooking(auth, id, async (manager, booking) => {
      const cancelled = await this.answers.cancelLocked(manager, booking, 'admin', reason);
      await this.audit.record(
        auth,
        {
          action: 'booking.cancel',
          subjectType: 'booking',
          subjectId: booking.id,
          ownerId: booking.parentId,
          metadata: { reason },
        },
        manager,
      );
      return cancelled;
    });
    return this.access.respond(auth, outcome);
  }
}
