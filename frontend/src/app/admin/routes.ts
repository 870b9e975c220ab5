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
] satisfies Routes;
