import { ChatAgent } from '@app/modules/chat/entities/chat-agent.entity';
import { ChatCannedReply } from '@app/modules/chat/entities/chat-canned-reply.entity';
import { ChatMessage } from '@app/modules/chat/entities/chat-message.entity';
import { ChatSessionEvent } from '@app/modules/chat/entities/chat-session-event.entity';
import { ChatSession } from '@app/modules/chat/entities/chat-session.entity';
import { CalendarConnection } from '@app/modules/calendar-sync/entities/calendar-connection.entity';
import { CalendarEventLink } from '@app/modules/calendar-sync/entities/calendar-event-link.entity';
import { CalendarFeed } from '@app/modules/calendar-sync/entities/calendar-feed.entity';
import { CalendarOAuthState } from '@app/modules/calendar-sync/entities/calendar-oauth-state.entity';
import { AdminPreferences } from '@app/modules/admin/entities/admin-preferences.entity';
import { UserActivity } from '@app/modules/activity/entities/user-activity.entity';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { AccountToken } from '@app/modules/auth/entities/account-token.entity';
import { AuthSession } from '@app/modules/auth/entities/auth-session.entity';
import { RecoveryCode } from '@app/modules/auth/entities/recovery-code.entity';
import { GoogleIdentity } from '@app/modules/auth/entities/google-identity.entity';
import { GooglePendingSignIn } from '@app/modules/auth/entities/google-pending-sign-in.entity';
import { GoogleSignInState } from '@app/modules/auth/entities/google-sign-in-state.entity';
import { RefreshToken } from '@app/modules/auth/entities/refresh-token.entity';
import { ChildminderFavorite } from '@app/modules/childminders/entities/childminder-favorite.entity';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { Child } from '@app/modules/children/entities/child.entity';
import { ComplianceOverride } from '@app/modules/compliance/entities/compliance-override.entity';
import { ComplianceReminderSent } from '@app/modules/compliance/entities/compliance-reminder-sent.entity';
import { ComplianceRequirement } from '@app/modules/compliance/entities/compliance-requirement.entity';
import { Document } from '@app/modules/documents/entities/document.entity';
import { ProfileImage } from '@app/modules/documents/entities/profile-image.entity';
import { JobLease } from '@app/modules/jobs/entities/job-lease.entity';
import { JobRun } from '@app/modules/jobs/entities/job-run.entity';
import { EmailOutbox } from '@app/modules/notifications/entities/email-outbox.entity';
import { NotificationPreference } from '@app/modules/notifications/entities/notification-preference.entity';
import { SystemSetting } from '@app/modules/settings/entities/system-setting.entity';
import { BillingCustomer } from '@app/modules/subscriptions/entities/billing-customer.entity';
import { PaymentRecord } from '@app/modules/subscriptions/entities/payment-record.entity';
import { Subscription } from '@app/modules/subscriptions/entities/subscription.entity';
import { ProcessedWebhookEvent } from '@app/modules/subscriptions/entities/processed-webhook-event.entity';
import { InboundWebhookDelivery } from '@app/modules/webhooks/entities/inbound-webhook-delivery.entity';
import { Conversation } from '@app/modules/messaging/entities/conversation.entity';
import { Message } from '@app/modules/messaging/entities/message.entity';
import { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { RealtimeEventRow } from '@app/modules/realtime/entities/realtime-event.entity';
import { RealtimeTicket } from '@app/modules/realtime/entities/realtime-ticket.entity';
import { RecommendationImpression } from '@app/modules/recommendations/entities/recommendation-impression.entity';
import { RecommendationModel } from '@app/modules/recommendations/entities/recommendation-model.entity';
import { Review } from '@app/modules/reviews/entities/review.entity';
import { LastMinuteOpening } from '@app/modules/last-minute/entities/last-minute-opening.entity';
import { LastMinuteSettings } from '@app/modules/last-minute/entities/last-minute-settings.entity';
import { User } from '@app/modules/users/entities/user.entity';
import { AvailabilityBlock } from '@app/modules/availability/entities/availability-block.entity';
import {
  AvailabilityCoverage,
  AvailabilityCoverageStamp,
} from '@app/modules/availability/entities/availability-coverage.entity';
import { Booking } from '@app/modules/bookings/entities/booking.entity';
import { BookingChild } from '@app/modules/bookings/entities/booking-child.entity';
import { BookingSession } from '@app/modules/bookings/entities/booking-session.entity';
import { BackupRun } from '@app/modules/backups/entities/backup-run.entity';
import { BackupSchedule } from '@app/modules/backups/entities/backup-schedule.entity';
import { LogEntry } from '@app/modules/monitoring/entities/log-entry.entity';
import { MonitoringInstance } from '@app/modules/monitoring/entities/monitoring-instance.entity';
import { RequestStat } from '@app/modules/monitoring/entities/request-stat.entity';
import { MaintenanceState } from '@app/modules/system/entities/maintenance-state.entity';
import { SupportTicket } from '@app/modules/support/entities/support-ticket.entity';
import { SupportTicketEvent } from '@app/modules/support/entities/support-ticket-event.entity';
import { SupportTicketReply } from '@app/modules/support/entities/support-ticket-reply.entity';

/**
 * Every entity of the schema. Listed explicitly (not globbed) so that the app, the migration
 * generator and the tests load exactly the same set however they are compiled.
 */
export const ENTITIES = [
  User,
  AuthSession,
  RefreshToken,
  AccountToken,
  RecoveryCode,
  GoogleIdentity,
  GoogleSignInState,
  GooglePendingSignIn,
  UserActivity,
  SystemSetting,
  EmailOutbox,
  NotificationPreference,
  JobLease,
  JobRun,
  AuditEntry,
  Child,
  ChildminderProfile,
  ChildminderFavorite,
  Document,
  ProfileImage,
  ComplianceRequirement,
  ComplianceReminderSent,
  ComplianceOverride,
  Subscription,
  BillingCustomer,
  PaymentRecord,
  ProcessedWebhookEvent,
  InboundWebhookDelivery,
  Conversation,
  Message,
  Notification,
  RealtimeEventRow,
  RealtimeTicket,
  AvailabilityBlock,
  AvailabilityCoverage,
  AvailabilityCoverageStamp,
  Booking,
  BookingSession,
  BookingChild,
  Review,
  LastMinuteOpening,
  LastMinuteSettings,
  RecommendationImpression,
  RecommendationModel,
  MaintenanceState,
  RequestStat,
  MonitoringInstance,
  LogEntry,
  BackupRun,
  BackupSchedule,
  SupportTicket,
  SupportTicketReply,
  SupportTicketEvent,
  ChatSession,
  ChatMessage,
  ChatSessionEvent,
  ChatAgent,
  ChatCannedReply,
  CalendarConnection,
  CalendarEventLink,
  CalendarOAuthState,
  CalendarFeed,
  AdminPreferences,
];
