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
    path: 'messages',
    title: 'Messages',
    data: { side: 'parent' },
    loadComponent: () => import('../messages/messages').then((m) => m.Messages),
  },
] satisfies Routes;
