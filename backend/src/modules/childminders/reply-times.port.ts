/**
 * How quickly a childminder usually answers a parent's first message, for her public profile.
 * The messaging module owns conversations and depends on this one (through bookings), so it
 * provides the answer under this token from a small module of its own (ReplyTimesModule) that
 * this one imports.
 */
export abstract class ReplyTimesPort {
  /** Her median minutes to answer a parent who wrote first, lately; null when too few parents wrote to judge. */
  abstract usualReplyMinutes(childminderUserId: string): Promise<number | null>;
}
