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
    path: 'subscriptions',
    title: 'Subscriptions',
    loadComponent: () => import('./subscriptions/subscription-list').then((m) => m.SubscriptionList),
  },
  {
    path: 'subscriptions/:subscriptionId',
    title: 'Subscription',
    loadComponent: () => import('./subscriptions/subscription-detail').then((m) => m.SubscriptionDetail),
  },
] satisfies Routes;
