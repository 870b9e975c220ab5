import { RoutePolicy } from '../policy';
import { adminPolicies } from './admin.policy';
import { availabilityPolicies } from './availability.policy';
import { bookingsPolicies } from './bookings.policy';
import { chatPolicies } from './chat.policy';
import { calendarSyncPolicies } from './calendar-sync.policy';
import { childmindersPolicies } from './childminders.policy';
import { childrenPolicies } from './children.policy';
import { compliancePolicies } from './compliance.policy';
import { documentsPolicies } from './documents.policy';
import { foundationPolicies } from './foundation.policy';
import { jobsPolicies } from './jobs.policy';
import { lastMinutePolicies } from './last-minute.policy';
import { messagingPolicies } from './messaging.policy';
import { recommendationsPolicies } from './recommendations.policy';
import { operationsPolicies } from './operations.policy';
import { reviewsPolicies } from './reviews.policy';
import { subscriptionsPolicies } from './subscriptions.policy';
import { supportPolicies } from './support.policy';

/** Every module's route policies. A new module adds its file here; the matrix fails until it does. */
export const ROUTE_POLICIES: RoutePolicy[] = [
  ...foundationPolicies,
  ...childrenPolicies,
  ...childmindersPolicies,
  ...documentsPolicies,
  ...compliancePolicies,
  ...subscriptionsPolicies,
  ...messagingPolicies,
  ...reviewsPolicies,
  ...availabilityPolicies,
  ...bookingsPolicies,
  ...lastMinutePolicies,
  ...jobsPolicies,
  ...recommendationsPolicies,
  ...operationsPolicies,
  ...supportPolicies,
  ...chatPolicies,
  ...calendarSyncPolicies,
  ...adminPolicies,
];
