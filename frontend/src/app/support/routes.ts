import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Support console',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.SupportDashboard),
  },
] satisfies Routes;
