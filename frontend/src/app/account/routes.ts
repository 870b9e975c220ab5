import type { Routes } from '@angular/router';

/** `/account/...`: the same pages for every role. */
export default [
  {
    path: '',
    loadComponent: () => import('./account-shell').then((m) => m.AccountShell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'profile' },
      {
        path: 'profile',
        title: 'Your profile',
        loadComponent: () => import('./profile/profile').then((m) => m.Profile),
      },
      {
        path: 'password',
        title: 'Change your password',
        loadComponent: () => import('./password/password').then((m) => m.Password),
      },
      {
        path: 'two-factor',
        title: 'Two-step verification',
        loadComponent: () => import('./two-factor/two-factor').then((m) => m.TwoFactor),
      },
      {
        path: 'google',
        title: 'Sign in with Google',
        loadComponent: () => import('./google/google-sign-in-settings').then((m) => m.GoogleSignInSettings),
      },
      {
        path: 'notifications',
        title: 'Notification preferences',
        loadComponent: () => import('./notifications/notifications').then((m) => m.Notifications),
      },
      {
        path: 'calendar',
        title: 'Calendar settings',
        loadComponent: () => import('./calendar/calendar-settings').then((m) => m.CalendarSettings),
      },
      {
        path: 'data',
        title: 'Your data',
        loadComponent: () => import('./data/your-data').then((m) => m.YourData),
      },
      {
        path: 'activity',
        title: 'Account activity',
        loadComponent: () => import('./activity/activity').then((m) => m.Activity),
      },
    ],
  },
] satisfies Routes;
