import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Admin dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.AdminDashboard),
  },
  {
    path: 'documents',
    title: 'Document review',
    loadComponent: () => import('./documents/document-review').then((m) => m.DocumentReview),
  },
  {
    path: 'compliance',
    title: 'Compliance',
    loadComponent: () => import('./compliance/compliance-overview').then((m) => m.ComplianceOverview),
  },
  {
    path: 'messages',
    title: 'Messages',
    loadComponent: () => import('./messages/conversation-browser').then((m) => m.ConversationBrowser),
  },
  {
    path: 'messages/search',
    title: 'Search messages',
    loadComponent: () => import('./messages/message-search').then((m) => m.MessageSearch),
  },
  {
    path: 'messages/:conversationId',
    title: 'Conversation',
    loadComponent: () => import('./messages/admin-conversation').then((m) => m.AdminConversation),
  },
  {
    path: 'bookings',
    title: 'Bookings',
    loadComponent: () => import('./bookings/booking-list').then((m) => m.BookingList),
  },
  {
    path: 'bookings/:bookingId',
    title: 'Booking',
    loadComponent: () => import('./bookings/admin-booking-detail').then((m) => m.AdminBookingDetail),
  },
  {
    path: 'subscriptions',
    title: 'Subscriptions',
    loadComponent: () => import('./subscriptions/subscription-list').then((m) => m.SubscriptionList),
  },
  {
    path: 'subscriptions/:subscriptionId',
    title: 'Subscription',
    loadComponent: () => import('./subscriptions/subscription-detail').then((m) => m.SubscriptionDetail),
  },
  {
    path: 'users',
    title: 'Users',
    loadComponent: () => import('./users/user-list').then((m) => m.UserList),
  },
  {
    path: 'users/:userId',
    title: 'User',
    loadComponent: () => import('./users/user-detail').then((m) => m.UserDetail),
  },
  {
    path: 'security-settings',
    title: 'Security settings',
    loadComponent: () => import('./security/security-settings').then((m) => m.SecuritySettings),
  },
  {
    path: 'settings',
    title: 'My admin settings',
    loadComponent: () => import('./settings/admin-settings').then((m) => m.AdminSettings),
  },
  {
    path: 'email',
    title: 'Email users',
    loadComponent: () => import('./email/email-composer').then((m) => m.EmailComposer),
  },
  {
    path: 'email-outbox',
    title: 'Email outbox',
    loadComponent: () => import('./outbox/email-outbox').then((m) => m.EmailOutbox),
  },
  {
    path: 'jobs',
    title: 'Scheduled jobs',
    loadComponent: () => import('./jobs/job-list').then((m) => m.JobList),
  },
  {
    path: 'monitoring',
    title: 'Monitoring',
    loadComponent: () => import('./monitoring/monitoring-page').then((m) => m.MonitoringPage),
  },
  {
    path: 'logs',
    title: 'Logs',
    loadComponent: () => import('./logs/log-viewer').then((m) => m.LogViewer),
  },
  {
    path: 'backups',
    title: 'Backups',
    loadComponent: () => import('./backups/backups-page').then((m) => m.BackupsPage),
  },
  {
    path: 'maintenance',
    title: 'Maintenance mode',
    loadComponent: () => import('./maintenance/maintenance-settings').then((m) => m.MaintenanceSettings),
  },
] satisfies Routes;
