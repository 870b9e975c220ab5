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
  {
    path: 'compliance',
    title: 'Compliance',
    loadComponent: () => import('./compliance/compliance-overview').then((m) => m.ComplianceOverview),
  },
] satisfies Routes;
