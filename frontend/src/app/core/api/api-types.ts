/**
 * Friendly names for the API's schemas. The app imports API types only from here; `schema.d.ts`
 * is generated from the backend's OpenAPI document (`npm run api:types`) and may be replaced at
 * any time. Types are derived by indexing, so the names of nested schemas do not matter.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type User = Schemas['UserResponse'];
export type Role = User['role'];
export type Profile = Schemas['ProfileResponse'];
export type RegisterResponse = Schemas['RegisterResponse'];
export type LoginResponse = Schemas['LoginResponse'];
export type TwoFactorChallenge = Schemas['TwoFactorChallengeResponse'];
export type SessionResponse = Schemas['SessionResponse'];
export type SessionInfo = SessionResponse['session'];
export type MessageResponse = Schemas['MessageResponse'];
export type DemoAccounts = Schemas['DemoAccountsResponse'];
export type DemoAccount = DemoAccounts['accounts'][number];
export type ChatStatusResponse = Schemas['ChatStatusResponse'];
export type ChatStatus = ChatStatusResponse['status'];
export type TwoFactorStatus = Schemas['TwoFactorStatusResponse'];
export type TwoFactorSetup = Schemas['TwoFactorSetupResponse'];
export type TwoFactorEnabled = Schemas['TwoFactorEnabledResponse'];
export type TwoFactorDisabled = Schemas['TwoFactorDisabledResponse'];
export type ActivityPage = Schemas['ActivityPageResponse'];
export type ActivityEntry = Schemas['ActivityEntryResponse'];
export type NotificationPreferences = Schemas['NotificationPreferencesResponse'];
export type NotificationPreference = Schemas['NotificationPreferenceResponse'];
export type ChildResponse = Schemas['ChildResponse'];
export type ChildPageResponse = Schemas['ChildPageResponse'];
export type CreateChildDto = Schemas['CreateChildDto'];
export type UpdateChildDto = Schemas['UpdateChildDto'];
export type ChildminderSummary = Schemas['ChildminderSummaryResponse'];
export type ChildminderSummaryPage = Schemas['ChildminderSummaryPageResponse'];
export type ChildminderSearchResult = Schemas['ChildminderSearchResult'];
export type ChildminderSearchPage = Schemas['ChildminderSearchPageResponse'];
export type Recommendation = Schemas['RecommendationResponse'];
export type RecommendationPage = Schemas['RecommendationPageResponse'];
export type ChildminderProfile = Schemas['ChildminderResponse'];
export type OwnChildminderProfile = Schemas['OwnChildminderProfileResponse'];
export type UpdateChildminderProfileRequest = Schemas['UpdateChildminderProfileDto'];
export type FavoriteChildminderPage = Schemas['FavoritePageResponse'];
export type FavoriteStatus = Schemas['FavoriteStatusResponse'];
export type ConversationMessage = Schemas['ConversationMessageResponse'];
export type ConversationSummary = Schemas['ConversationSummaryResponse'];
export type ConversationPage = Schemas['ConversationPageResponse'];
export type ThreadPage = Schemas['ThreadResponse'];
export type SentMessage = Schemas['SentMessageResponse'];
export type AdminConversation = Schemas['AdminConversationResponse'];
export type AdminConversationPage = Schemas['AdminConversationPageResponse'];
export type AdminThread = Schemas['AdminThreadResponse'];
export type AdminMessage = Schemas['AdminMessageResponse'];
export type AdminMessageSearchPage = Schemas['AdminSearchPageResponse'];
export type AppNotification = Schemas['NotificationResponse'];
export type AppNotificationPage = Schemas['NotificationPageResponse'];
export type NotificationUnreadCount = Schemas['UnreadCountResponse'];
export type ApiErrorBody = Schemas['ErrorResponse'];
export type ApiErrorDetail = NonNullable<ApiErrorBody['details']>[number];

export type RegisterRequest = Schemas['RegisterDto'];
export type RegisterRole = RegisterRequest['role'];
export type LoginRequest = Schemas['LoginDto'];
export type LoginTwoFactorRequest = Schemas['LoginTwoFactorDto'];
export type SignInProviders = Schemas['SignInProvidersResponse'];
export type PendingGoogleSignIn = Schemas['PendingGoogleSignInResponse'];
export type GoogleRegisterRequest = Schemas['GoogleRegisterDto'];
export type GoogleLinkRequest = Schemas['GoogleLinkDto'];
export type GoogleLinkStatus = Schemas['GoogleLinkStatusResponse'];
export type ForgotPasswordRequest = Schemas['ForgotPasswordDto'];
export type ResetPasswordRequest = Schemas['ResetPasswordDto'];
export type VerifyEmailRequest = Schemas['VerifyEmailDto'];
export type ResendVerificationRequest = Schemas['ResendVerificationDto'];
export type UpdateProfileRequest = Schemas['UpdateProfileDto'];
export type ChangePasswordRequest = Schemas['ChangePasswordDto'];
export type TwoFactorCodeRequest = Schemas['TwoFactorCodeDto'];
export type DisableTwoFactorRequest = Schemas['DisableTwoFactorDto'];
export type UpdateChatStatusRequest = Schemas['UpdateChatStatusDto'];
export type UpdateNotificationPreferencesRequest = Schemas['UpdateNotificationPreferencesDto'];
export type NotificationPreferenceUpdate = UpdateNotificationPreferencesRequest['preferences'][number];

/** The login endpoint answers with a session or, for 2FA accounts, a challenge. */
export function isTwoFactorChallenge(response: LoginResponse | TwoFactorChallenge): response is TwoFactorChallenge {
  return 'twoFactorRequired' in response && response.twoFactorRequired === true;
}
export type OwnCompliance = Schemas['OwnComplianceResponse'];
export type ComplianceChecklistItem = Schemas['ChecklistItemResponse'];
export type ComplianceStatus = OwnCompliance['status'];
export type RequirementState = ComplianceChecklistItem['state'];
export type DocumentStanding = OwnCompliance['documents'][number];
export type OfstedRegistrationStatus = NonNullable<Schemas['ChildminderResponse']['ofstedRegistrationStatus']>;
export type VerificationBadge = Schemas['ChildminderSummaryResponse']['badges'][number];

// Bookings, calendars and availability (parent side).
export type Booking = Schemas['BookingResponse'];
export type BookingPage = Schemas['BookingPageResponse'];
export type BookingStatus = Schemas['BookingStatus'];
export type BookingAction = Schemas['BookingAction'];
export type BookingChild = Schemas['BookingChildResponse'];
export type BookingSession = Schemas['BookingSessionResponse'];
export type AgeGroup = Schemas['AgeGroup'];
export type ChildminderBookingAction = Schemas['ChildminderBookingAction'];
export type RespondToBookingRequest = Schemas['RespondToBookingDto'];
export type ChildminderStats = Schemas['ChildminderStatsResponse'];
export type CalendarEvent = Schemas['CalendarEventResponse'];
export type CalendarFeed = Schemas['CalendarResponse'];
export type AvailabilityBlock = Schemas['AvailabilityBlockResponse'];
export type AvailabilityBlockPage = Schemas['AvailabilityBlockPageResponse'];
export type AvailabilityBlockRequest = Schemas['AvailabilityBlockDto'];
export type AvailabilityType = Schemas['AvailabilityType'];
export type BookingErrorCode = Schemas['BookingErrorCode'];
export type BookingProblem = Schemas['BookingProblemResponse'];
export type BookingQuote = Schemas['BookingQuoteResponse'];
export type CreateBookingRequest = Schemas['CreateBookingDto'];
export type UpdateBookingRequest = Schemas['UpdateBookingDto'];
export type CancelBookingRequest = Schemas['CancelBookingDto'];
export type ParentStats = Schemas['ParentStatsResponse'];
export type PublicAvailability = Schemas['PublicAvailabilityResponse'];
export type FreeSlot = Schemas['FreeSlotResponse'];
export type FavoriteChildminder = Schemas['FavoriteResponse'];

// Reviews of completed bookings.
export type ReviewPage = Schemas['ReviewPageResponse'];
export type Review = Schemas['ReviewResponse'];

// Last-minute places: openings, parents' alerts and childminders' auto-accept rules.
export type LastMinuteOpening = Schemas['OpeningResponse'];
export type LastMinuteOpeningList = Schemas['OpeningListResponse'];
export type CreateOpeningRequest = Schemas['CreateOpeningDto'];
export type LastMinuteSettings = Schemas['LastMinuteSettingsResponse'];
export type ParentAlertSettings = Schemas['ParentAlertSettingsResponse'];
export type UpdateLastMinuteSettingsRequest = Schemas['UpdateLastMinuteSettingsDto'];

// Support tickets
export type MyTicket = Schemas['MyTicketResponse'];
export type MyTicketPage = Schemas['MyTicketPageResponse'];
export type MyTicketDetail = Schemas['MyTicketDetailResponse'];
export type MyReply = Schemas['MyReplyResponse'];
export type Ticket = Schemas['TicketResponse'];
export type TicketPage = Schemas['TicketPageResponse'];
export type TicketDetail = Schemas['TicketDetailResponse'];
export type TicketReply = Schemas['TicketReplyResponse'];
export type TicketEvent = Schemas['TicketEventResponse'];
export type TicketStats = Schemas['TicketStatsResponse'];
export type TicketStatus = Ticket['status'];
export type TicketPriority = Ticket['priority'];
export type TicketCategory = Ticket['category'];
export type CreateTicket = Schemas['CreateTicketDto'];
export type UpdateTicket = Schemas['UpdateTicketDto'];
export type ContactForm = Schemas['ContactDto'];
export type ContactReceived = Schemas['ContactReceivedResponse'];
export type ChatSession = Schemas['ChatSessionResponse'];
export type ChatSessionDetail = Schemas['ChatSessionDetailResponse'];
export type ChatSessionPage = Schemas['ChatSessionPageResponse'];
export type ChatSessionState = ChatSession['state'];
export type ChatMessage = Schemas['ChatMessageResponse'];
export type ChatMessages = Schemas['ChatMessagesResponse'];
export type ChatNotifications = Schemas['ChatNotificationsResponse'];
export type ChatAgents = Schemas['ChatAgentsResponse'];
export type ChatAgent = Schemas['ChatAgentResponse'];
export type CannedReplies = Schemas['CannedRepliesResponse'];
export type CannedReply = Schemas['CannedReplyResponse'];
export type UpdateChatSessionRequest = Schemas['UpdateChatSessionDto'];
export type ChatSessionAction = UpdateChatSessionRequest['action'];
export type CalendarSyncStatus = Schemas['CalendarSyncStatusResponse'];
export type CalendarSyncResult = Schemas['SyncResultResponse'];
export type GoogleCalendar = Schemas['GoogleCalendarResponse'];
export type IcsFeed = Schemas['CalendarFeedResponse'];
export type AuthorizationUrl = Schemas['AuthorizationUrlResponse'];
