import { withStylesheet } from '@core/layout/stylesheet';
import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Childminder dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.ChildminderDashboard),
  },
  {
    path: 'profile',
    title: 'Your profile',
    loadComponent: () => import('./profile/profile-editor').then((m) => m.ProfileEditor),
  },
  {
    path: 'documents',
    title: 'Compliance and documents',
    loadComponent: () => import('./documents/documents').then((m) => m.Documents),
  },
  {
    path: 'bookings',
    title: 'Bookings',
    loadComponent: () => import('./bookings/booking-inbox').then((m) => m.BookingInbox),
  },
  {
    path: 'bookings/:bookingId',
    title: 'Booking',
    loadComponent: () => import('./bookings/booking-detail').then((m) => m.BookingDetail),
  },
  {
    path: 'availability',
    title: 'Availability',
    loadComponent: withStylesheet('fullcalendar', () =>
      import('./availability/availability-editor').then((m) => m.AvailabilityEditor),
    ),
  },
  {
    path: 'calendar',
    title: 'Calendar',
    loadComponent: withStylesheet('fullcalendar', () =>
      import('./calendar/childminder-calendar').then((m) => m.ChildminderCalendar),
    ),
  },
  {
    path: 'reviews',
    title: 'Reviews',
    loadComponent: () => import('./reviews/review-replies').then((m) => m.ReviewReplies),
  },
  {
    path: 'last-minute',
    title: 'Last-minute places',
    loadComponent: () => import('./last-minute/last-minute-openings').then((m) => m.LastMinuteOpenings),
  },
  {
    path: 'messages',
    title: 'Messages',
    data: { side: 'childminder' },
    loadComponent: () => import('../messages/messages').then((m) => m.Messages),
  },
  {
    path: 'help',
    pathMatch: 'full',
    title: 'Help',
    data: { side: 'childminder' },
    loadComponent: () => import('../help/help-list').then((m) => m.HelpList),
  },
  {
    path: 'help/new',
    title: 'Ask for help',
    data: { side: 'childminder' },
    loadComponent: () => import('../help/help-new').then((m) => m.HelpNew),
  },
  {
    path: 'help/:id',
    title: 'Help request',
    data: { side: 'childminder' },
    loadComponent: () => import('../help/help-detail').then((m) => m.HelpDetail),
  },
] satisfies Routes;
