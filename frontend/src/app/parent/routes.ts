import { withStylesheet } from '@core/layout/stylesheet';
import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Parent dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.ParentDashboard),
  },
  {
    path: 'children',
    title: 'Your children',
    loadComponent: () => import('./children/children').then((m) => m.Children),
  },
  {
    path: 'bookings',
    pathMatch: 'full',
    title: 'Your bookings',
    loadComponent: () => import('./bookings/booking-list').then((m) => m.BookingList),
  },
  {
    path: 'bookings/new',
    title: 'Request a booking',
    loadComponent: () => import('./bookings/booking-request').then((m) => m.BookingRequest),
  },
  {
    path: 'bookings/:id',
    title: 'Booking',
    loadComponent: () => import('./bookings/booking-detail').then((m) => m.BookingDetail),
  },
  {
    path: 'calendar',
    title: 'Your calendar',
    loadComponent: withStylesheet('fullcalendar', () =>
      import('./calendar/parent-calendar').then((m) => m.ParentCalendar),
    ),
  },
  {
    path: 'favourites',
    title: 'Your favourites',
    loadComponent: () => import('./favourites/favourites').then((m) => m.Favourites),
  },
  {
    path: 'last-minute',
    title: 'Last-minute places',
    loadComponent: () => import('./last-minute/last-minute-places').then((m) => m.LastMinutePlaces),
  },
  {
    // Where alert emails link to change the settings: the same page, at the settings.
    path: 'last-minute/settings',
    title: 'Last-minute alert settings',
    data: { focus: 'settings' },
    loadComponent: () => import('./last-minute/last-minute-places').then((m) => m.LastMinutePlaces),
  },
  {
    path: 'messages',
    title: 'Messages',
    data: { side: 'parent' },
    loadComponent: () => import('../messages/messages').then((m) => m.Messages),
  },
  {
    path: 'help',
    pathMatch: 'full',
    title: 'Help',
    data: { side: 'parent' },
    loadComponent: () => import('../help/help-list').then((m) => m.HelpList),
  },
  {
    path: 'help/new',
    title: 'Ask for help',
    data: { side: 'parent' },
    loadComponent: () => import('../help/help-new').then((m) => m.HelpNew),
  },
  {
    path: 'help/:id',
    title: 'Help request',
    data: { side: 'parent' },
    loadComponent: () => import('../help/help-detail').then((m) => m.HelpDetail),
  },
] satisfies Routes;
