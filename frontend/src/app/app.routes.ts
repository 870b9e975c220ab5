import type { Routes } from '@angular/router';
import { roleGuard, signedInGuard, signedOutGuard } from '@core/auth/guards';
import { withStylesheet } from '@core/layout/stylesheet';

/** Every page but home, under Material's form field and dialog defaults (see `routes`). */
const pages: Routes = [
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./public/login/login').then((m) => m.Login),
  },
  {
    // Where Google sign-in comes back to; not behind signedOutGuard, since it may have just signed in.
    path: 'login/google',
    title: 'Sign in with Google',
    loadComponent: () => import('./public/google-sign-in/google-sign-in').then((m) => m.GoogleSignIn),
  },
  {
    path: 'register',
    title: 'Create an account',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./public/register/register').then((m) => m.Register),
  },
  {
    path: 'verify-email',
    title: 'Verify your email address',
    loadComponent: () => import('./public/verify-email/verify-email').then((m) => m.VerifyEmail),
  },
  {
    path: 'forgot-password',
    title: 'Reset your password',
    loadComponent: () => import('./public/forgot-password/forgot-password').then((m) => m.ForgotPassword),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password',
    loadComponent: () => import('./public/reset-password/reset-password').then((m) => m.ResetPassword),
  },
  {
    path: 'search',
    title: 'Find a childminder',
    loadComponent: withStylesheet('leaflet', () => import('./search/search').then((m) => m.Search)),
  },
  {
    path: 'childminders/:id',
    title: 'Childminder profile',
    loadComponent: () => import('./childminder-profile/childminder-profile').then((m) => m.ChildminderProfile),
  },
  {
    path: 'maintenance',
    title: 'Down for maintenance',
    loadComponent: () => import('./public/maintenance/maintenance-page').then((m) => m.MaintenancePage),
  },
  {
    path: 'contact',
    title: 'Contact us',
    loadComponent: () => import('./public/contact/contact').then((m) => m.Contact),
  },
  {
    path: 'privacy',
    title: 'Privacy notice',
    loadComponent: () => import('./public/legal/privacy').then((m) => m.Privacy),
  },
  {
    path: 'terms',
    title: 'Terms of use',
    loadComponent: () => import('./public/legal/terms').then((m) => m.Terms),
  },
  {
    path: 'pricing',
    title: 'Plans and prices',
    loadComponent: () => import('./billing/pricing').then((m) => m.Pricing),
  },
  {
    path: 'billing',
    canMatch: [roleGuard('parent', 'childminder')],
    loadChildren: () => import('./billing/routes'),
  },
  {
    path: 'account',
    canMatch: [signedInGuard],
    loadChildren: () => import('./account/routes'),
  },
  {
    path: 'parent',
    canMatch: [roleGuard('parent')],
    loadChildren: () => import('./parent/routes'),
  },
  {
    path: 'childminder',
    canMatch: [roleGuard('childminder')],
    loadChildren: () => import('./childminder/routes'),
  },
  {
    path: 'admin',
    canMatch: [roleGuard('admin', 'super_admin')],
    loadChildren: () => import('./admin/routes'),
  },
  {
    // Admins answer the live chat too (they have a chat status), so they may use the console.
    path: 'support',
    canMatch: [roleGuard('support_agent', 'admin', 'super_admin')],
    loadChildren: () => import('./support/routes'),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./public/not-found/not-found').then((m) => m.NotFound),
  },
];

export const routes: Routes = [
  {
    // Home has no form field and opens no dialog: it is shown without waiting for their code.
    path: '',
    pathMatch: 'full',
    title: 'Find a registered childminder',
    loadComponent: () => import('./public/home/home').then((m) => m.Home),
  },
  {
    // The defaults come with the pages, lazily, so that the form field, dialog and overlay code
    // stays out of the initial bundle (importing a Material token imports its whole entry point).
    path: '',
    loadChildren: () =>
      import('@core/layout/material-defaults').then((m) => [
        { path: '', providers: m.materialDefaults, children: pages },
      ]),
  },
];
