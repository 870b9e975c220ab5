import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Parent dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.ParentDashboard),
  },
] satisfies Routes;
