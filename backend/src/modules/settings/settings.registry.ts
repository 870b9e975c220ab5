/**
 * Every live-tunable setting with its default. A row in `system_settings` overrides the default;
 * the admin security-settings screen writes those rows, and readers see the change at once.
 */
export const SETTING_DEFAULTS = {
  'password.minLength': 10,
  'password.rejectBreached': true,
  'auth.lockout.maxFailures': 5,
  'auth.lockout.windowMinutes': 15,
  /** Failed logins from one IP address, across all accounts, before it is throttled. */
  'auth.ipThrottle.maxFailures': 50,
  'auth.ipThrottle.windowMinutes': 15,
  /**
   * Once an address has used up its failures, a sign-in from a device that has not signed in to
   * that account before waits this long before it is checked (it is slowed, not refused).
   */
  'auth.ipThrottle.slowDownSeconds': 3,
  /** Password-reset and confirmation emails one address may be sent per hour (more are not sent). */
  'auth.emailRequests.perAddressPerHour': 3,
  /** Password-reset and confirmation requests one IP address may make per hour (more answer 429). */
  'auth.emailRequests.perIpPerHour': 20,
  /** Requests to start or finish "Sign in with Google" one IP address may make per hour (more answer 429). */
  'auth.googleSignIn.perIpPerHour': 60,
  /** Platform policy: childminders whose compliance status is non-compliant are left out of search. */
  'compliance.hideNonCompliantFromSearch': false,
  /**
   * Not tunable: set in the transaction of a requirement change, while every childminder's stored
   * compliance standing still follows the previous requirements; the `compliance-standings` job
   * walks the childminders from `after` and clears it when done (null: the standings are current).
   */
  'compliance.standingsStale': null as StandingsStale | null,
  /** Days the admin log viewer keeps warnings, errors and audit events (the nightly logs-prune job). */
  'logs.retentionDays': 30,
  /** Contact form messages accepted from one IP address, and for one email address, per window. */
  'support.contact.maxPerIp': 5,
  'support.contact.maxPerEmail': 3,
  'support.contact.windowMinutes': 60,
  /** Live chat: how many active chats one agent is given at most. */
  'chat.agentCapacity': 3,
  /** Live chat: minutes a chat may wait with no agent before the widget offers to leave a message. */
  'chat.noAgentMinutes': 5,
  /** A session not refreshed for this long has ended (checked when its refresh token is used). */
  'session.idleTimeoutMinutes': 7 * 24 * 60,
  /** However active, a session ends this long after sign-in. */
  'session.absoluteLifetimeDays': 90,
  /** How long each refresh token (and so a session between two uses) lasts. */
  'auth.refreshTokenLifetimeDays': 30,
  /** Admins and super admins without two-factor authentication are sent to set it up at sign-in. */
  'auth.adminsRequireTwoFactor': false,
} as const;

/** Which requirement change is being applied to the stored standings, and how far the walk got. */
export interface StandingsStale {
  /** Each change sets a new id, so a walk that a newer change overtook starts again. */
  id: string;
  /** When the requirement changed (ISO). */
  since: string;
  /** The last childminder id whose standing was recomputed ('' before the first batch). */
  after: string;
  /** Childminders recomputed so far. */
  done: number;
}

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends number
  ? number
  : (typeof SETTING_DEFAULTS)[K] extends boolean
    ? boolean
    : (typeof SETTING_DEFAULTS)[K];
