import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Admin dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.AdminDashboard),
  },
] satisfies Routes;
