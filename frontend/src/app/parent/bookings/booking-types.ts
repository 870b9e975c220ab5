/** The bookings API's shapes, from the generated OpenAPI types (core/api/api-types.ts). */
export type {
  Booking,
  BookingAction,
  BookingChild,
  BookingErrorCode,
  BookingPage,
  BookingProblem,
  BookingQuote,
  BookingSession,
  BookingStatus,
  CalendarFeed,
  CalendarEvent,
  CancelBookingRequest,
  CreateBookingRequest,
  ParentStats,
  UpdateBookingRequest,
} from '@core/api/api-types';

/** Limits the server enforces (backend bookings/booking-rules.ts); the form checks them first. */
export const BOOKING_LIMITS = {
  maxWeeks: 52,
  maxChildren: 6,
  minSessionMinutes: 30,
  maxSessionHours: 12,
  notes: 2000,
  reasonMin: 3,
  reason: 500,
} as const;
