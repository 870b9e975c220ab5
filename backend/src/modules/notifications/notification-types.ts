/**
 * Every kind of notification a user can hear about, and on which channels by default. The
 * settings page lists them in this order; a user's stored choice overrides a default, except
 * for locked types, which the product always sends because they protect the account.
 */
export enum NotificationChannel {
  Email = 'email',
  InApp = 'in_app',
}

export enum NotificationType {
  AccountSecurity = 'account_security',
  Messages = 'messages',
  Bookings = 'bookings',
  Reminders = 'reminders',
  LastMinute = 'last_minute',
  ProductNews = 'product_news',
}

export interface NotificationTypeDefinition {
  type: NotificationType;
  label: string;
  description: string;
  defaults: Record<NotificationChannel, boolean>;
  /** Always on: the user cannot turn it off. */
  locked: boolean;
}

export const NOTIFICATION_TYPES: readonly NotificationTypeDefinition[] = [
  {
    type: NotificationType.AccountSecurity,
    label: 'Account security',
    description:
      'Sign-ins from a new device, password and two-factor authentication changes. Always on, to keep your account safe.',
    defaults: { [NotificationChannel.Email]: true, [NotificationChannel.InApp]: true },
    locked: true,
  },
  {
    type: NotificationType.Messages,
    label: 'Messages',
    description: 'New messages from parents, childminders and our support team.',
    defaults: { [NotificationChannel.Email]: true, [NotificationChannel.InApp]: true },
    locked: false,
  },
  {
    type: NotificationType.Bookings,
    label: 'Bookings',
    description: 'Booking requests, confirmations, changes and cancellations.',
    defaults: { [NotificationChannel.Email]: true, [NotificationChannel.InApp]: true },
    locked: false,
  },
  {
    type: NotificationType.Reminders,
    label: 'Reminders',
    description: 'Compliance documents about to expire, and billing reminders.',
    defaults: { [NotificationChannel.Email]: true, [NotificationChannel.InApp]: true },
    locked: false,
  },
  {
    type: NotificationType.LastMinute,
    label: 'Last-minute places',
    description: 'New last-minute childcare places near you.',
    defaults: { [NotificationChannel.Email]: true, [NotificationChannel.InApp]: true },
    locked: false,
  },
  {
    type: NotificationType.ProductNews,
    label: 'Product news',
    description: 'Occasional news about new features and improvements to Childminder Connect.',
    defaults: { [NotificationChannel.Email]: false, [NotificationChannel.InApp]: false },
    locked: false,
  },
];

export const NOTIFICATION_TYPE_NAMES: readonly string[] = NOTIFICATION_TYPES.map((t) => t.type);

const BY_TYPE = new Map(NOTIFICATION_TYPES.map((definition) => [definition.type as string, definition]));

export function notificationTypeDefinition(type: NotificationType): NotificationTypeDefinition {
  const definition = BY_TYPE.get(type);
  if (!definition) throw new Error(`Unknown notification type ${type}`); // unreachable: the enum and the list agree
  return definition;
}
