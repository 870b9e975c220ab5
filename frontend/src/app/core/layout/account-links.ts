/** The account pages, in the order the navigation and dashboards list them. */
export interface AccountLink {
  path: string;
  label: string;
  icon: string;
  description: string;
}

export const ACCOUNT_LINKS: readonly AccountLink[] = [
  { path: '/account/profile', label: 'Profile', icon: 'person', description: 'Your name, phone number and postcode.' },
  {
    path: '/account/password',
    label: 'Password',
    icon: 'password',
    description: 'Change the password you sign in with.',
  },
  {
    path: '/account/two-factor',
    label: 'Two-step verification',
    icon: 'shield_lock',
    description: 'Protect your account with a code from an authenticator app.',
  },
  {
    path: '/account/google',
    label: 'Google sign-in',
    icon: 'login',
    description: 'See which Google account signs you in, or unlink it.',
  },
  {
    path: '/account/notifications',
    label: 'Notifications',
    icon: 'notifications',
    description: 'Choose which messages reach you by email and in the app.',
  },
  {
    path: '/account/calendar',
    label: 'Calendar',
    icon: 'calendar_month',
    description: 'Sync with Google Calendar, or subscribe to your calendar in any calendar app.',
  },
  {
    path: '/account/activity',
    label: 'Activity',
    icon: 'history',
    description: 'Recent sign-ins and changes to your account.',
  },
  {
    path: '/account/data',
    label: 'Your data',
    icon: 'folder_shared',
    description: 'Download everything we hold about you, or delete your account.',
  },
];
