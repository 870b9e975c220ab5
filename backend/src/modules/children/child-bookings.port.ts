/**
 * What the children module needs to know about bookings. The bookings module depends on this
 * one, so it provides the answer under this token (resolved lazily) rather than being imported.
 */
export abstract class ChildBookingsPort {
  /** Whether the child is in a pending or confirmed booking that has not finished. */
  abstract hasActiveBooking(childId: string): Promise<boolean>;
}
