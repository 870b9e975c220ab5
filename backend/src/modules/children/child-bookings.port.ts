/**
 * What the children module needs to know about bookings. The bookings module depends on this
 * one, so it provides the answer under this token from a small module of its own
 * (bookings/child-bookings.module.ts) that this one imports.
 */
export abstract class ChildBookingsPort {
  /** Whether the child is in a pending or confirmed booking that has not finished. */
  abstract hasActiveBooking(childId: string): Promise<boolean>;
}
