import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { UK_ZONE } from '@app/modules/children/child-age';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { BookingErrorCode } from '../booking.exception';
import { BookingStatus } from '../entities/booking.entity';

export enum BookingAction {
  Modify = 'modify',
  Cancel = 'cancel',
  Confirm = 'confirm',
  Reject = 'reject',
}

export class BookingSessionResponse {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

/** Sensitive details: for the parent, admins, and the childminder while a booking for the child is confirmed or in progress. */
export class BookingChildDetailsResponse {
  @ApiProperty({ format: 'date', example: '2024-05-01' }) dateOfBirth: string;
  @ApiProperty({ type: String, nullable: true }) specialNeeds: string | null;
  @ApiProperty({ type: String, nullable: true }) allergies: string | null;
  @ApiProperty({ type: String, nullable: true }) medicalNotes: string | null;
}

export class BookingChildResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Maya' }) firstName: string;
  @ApiProperty({
    enum: AgeGroup,
    enumName: 'AgeGroup',
    nullable: true,
    description: 'Age group on the day of the first session: what a childminder needs to judge a request',
  })
  ageGroup: AgeGroup | null;
  @ApiProperty({
    type: BookingChildDetailsResponse,
    nullable: true,
    description: 'Null for a childminder unless the booking is confirmed and not yet finished',
  })
  details: BookingChildDetailsResponse | null;
}

export class BookingParentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

export class BookingChildminderResponse {
  @ApiProperty({ format: 'uuid', description: 'The childminder user' }) userId: string;
  @ApiProperty({ format: 'uuid', description: 'The profile (link to /childminders/:id)' }) profileId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
}

export class BookingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BookingStatus, enumName: 'BookingStatus' }) status: BookingStatus;
  @ApiProperty({ format: 'date-time', description: 'Start of the first session' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'End of the last session' }) endsAt: string;
  @ApiProperty({ description: '1 for a single session, else the number of weekly sessions' }) weeks: number;
  @ApiProperty({ example: 'Tue 3 Mar 09:00-12:00', description: 'The schedule in words, Europe/London' })
  schedule: string;
  @ApiProperty({ type: [BookingSessionResponse] }) sessions: BookingSessionResponse[];
  @ApiProperty({ example: 3, description: 'Hours of care across all sessions' }) totalHours: number;
  @ApiProperty({ type: [BookingChildResponse] }) children: BookingChildResponse[];
  @ApiProperty({ type: BookingParentResponse }) parent: BookingParentResponse;
  @ApiProperty({ type: BookingChildminderResponse }) childminder: BookingChildminderResponse;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ description: 'The rate when requested, integer pence' }) hourlyRatePence: number;
  @ApiProperty({ description: 'hourlyRatePence x hours x children, integer pence' }) priceEstimatePence: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected or cancelled' }) statusReason:
    string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['parent', 'childminder', 'admin'] }) cancelledBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a pending request expires' })
  expiresAt: string | null;
  @ApiProperty({
    enum: BookingAction,
    enumName: 'BookingAction',
    isArray: true,
    description: 'What the caller may do now',
  })
  allowedActions: BookingAction[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class BookingPageResponse extends PageResponse {
  @ApiProperty({ type: [BookingResponse] }) items: BookingResponse[];
}

export class BookingProblemResponse {
  @ApiProperty({ enum: BookingErrorCode, enumName: 'BookingErrorCode' }) code: BookingErrorCode;
  @ApiProperty({ example: 'only 1 place for under-1s on Tue 3 Mar 09:00-12:00' }) message: string;
  @ApiProperty({ type: String, nullable: true }) field: string | null;
}

/** A dry run of a request: the price and every rule it would break, without booking anything. */
export class BookingQuoteResponse {
  @ApiProperty({ description: 'True when the request would be accepted now' }) bookable: boolean;
  @ApiProperty({ type: [BookingProblemResponse] }) problems: BookingProblemResponse[];
  @ApiProperty({ type: [BookingSessionResponse] }) sessions: BookingSessionResponse[];
  @ApiProperty() schedule: string;
  @ApiProperty() totalHours: number;
  @ApiProperty() hourlyRatePence: number;
  @ApiProperty() priceEstimatePence: number;
}

export class SubscriptionStatusResponse {
  @ApiProperty({ type: String, nullable: true, example: 'parent_plus' }) planKey: string | null;
  @ApiProperty({ example: 'active', description: 'active, trialing, past_due, ... or free' }) status: string;
}

export class ParentStatsResponse {
  @ApiProperty({ description: 'Confirmed bookings not yet finished' }) upcomingBookings: number;
  @ApiProperty({ description: 'Requests awaiting the childminder' }) pendingRequests: number;
  @ApiProperty({ description: 'Children on the account' }) childrenCount: number;
  @ApiProperty() unreadMessages: number;
  @ApiProperty({ type: SubscriptionStatusResponse }) subscription: SubscriptionStatusResponse;
}

export class ChildminderStatsResponse {
  @ApiProperty({ description: 'Confirmed bookings not yet finished' }) upcomingBookings: number;
  @ApiProperty({ description: 'Requests awaiting an answer' }) pendingRequests: number;
  @ApiProperty({ description: 'Distinct children in confirmed bookings not yet finished' }) childrenCount: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: '0 until the profile is started' }) profileCompleteness: number;
  @ApiProperty({ description: 'Every required profile item is there (the profile can be listed)' })
  profileComplete: boolean;
  @ApiProperty() unreadMessages: number;
  @ApiProperty({ type: SubscriptionStatusResponse }) subscription: SubscriptionStatusResponse;
}

export enum CalendarEventKind {
  Booking = 'booking',
  Available = 'available',
  Unavailable = 'unavailable',
  /** Busy time read from the childminder's Google Calendar (calendar sync). */
  GoogleBusy = 'google_busy',
}

/** One event on a calendar: a booking session or an occurrence of an availability block. */
export class CalendarEventResponse {
  @ApiProperty({ description: 'Stable per event: booking:<sessionId> or block:<blockId>:<date>' }) id: string;
  @ApiProperty({ enum: CalendarEventKind, enumName: 'CalendarEventKind' }) kind: CalendarEventKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bookingId: string | null;
  @ApiProperty({ enum: BookingStatus, enumName: 'BookingStatus', nullable: true }) status: BookingStatus | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) blockId: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'UK date of a block occurrence (to skip it)',
  })
  date: string | null;
  @ApiProperty({ description: 'A block occurrence that is part of a series' }) recurring: boolean;
}

export class CalendarResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ example: UK_ZONE }) timeZone: string;
  @ApiProperty({ type: [CalendarEventResponse] }) events: CalendarEventResponse[];
}
