import type { Routes } from '@angular/router';

/** `/billing/...`: parents and childminders (guarded in app.routes.ts). */
export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Billing',
    loadComponent: () => import('./billing').then((m) => m.Billing),
  },
  {
    path: 'simulator',
    title: 'Checkout (test mode)',
    loadComponent: () => import('./simulator').then((m) => m.Simulator),
  },
  {
    path: 'success',
    title: 'Checkout complete',
    data: { outcome: 'success' },
    loadComponent: () => import('./checkout-result').then((m) => m.CheckoutResult),
  },
  {
    path: 'cancelled',
    title: 'Checkout cancelled',
    data: { outcome: 'cancelled' },
    loadComponent: () => import('./checkout-result').then((m) => m.CheckoutResult),
  },
] satisfies Routes;
