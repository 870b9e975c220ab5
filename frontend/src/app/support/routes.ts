import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    loadComponent: () => import('./console-shell').then((m) => m.ConsoleShell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'tickets' },
      {
        path: 'tickets',
        title: 'Tickets',
        loadComponent: () => import('./tickets/ticket-inbox').then((m) => m.TicketInbox),
      },
      {
        path: 'tickets/:ticketId',
        title: 'Ticket',
        loadComponent: () => import('./tickets/ticket-detail').then((m) => m.TicketDetailPage),
      },
      {
        path: 'chats',
        title: 'Live chat',
        loadComponent: () => import('./chats/chats').then((m) => m.SupportChats),
      },
      {
        path: 'stats',
        title: 'Support stats',
        loadComponent: () => import('./stats/ticket-stats').then((m) => m.TicketStatsPage),
      },
    ],
  },
] satisfies Routes;
