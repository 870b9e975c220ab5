/**
 * What messaging needs to know about bookings: whether a childminder may open a conversation
 * with a parent. The bookings module provides it (BookingsService); messaging never reads the
 * bookings tables.
 */
export abstract class BookingRelationshipPort {
  /** Whether the parent has a confirmed (or completed) booking with this childminder (a user id). */
  abstract haveConfirmedBooking(parentId: string, childminderId: string): Promise<boolean>;
}
