import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Childminder dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.ChildminderDashboard),
  },
] satisfies Routes;
