import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Support console',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.SupportDashboard),
  },
  {
    path: 'chats',
    title: 'Live chat',
    loadComponent: () => import('./chats/chats').then((m) => m.SupportChats),
  },
] satisfies Routes;
