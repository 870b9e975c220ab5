import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'Childminder dashboard',
    loadComponent: () => import('./dashboard/dashboard').then((m) => m.ChildminderDashboard),
  },
  {
    path: 'profile',
    title: 'Your profile',
    loadComponent: () => import('./profile/profile-editor').then((m) => m.ProfileEditor),
  },
  {
    path: 'documents',
    title: 'Compliance and documents',
    loadComponent: () => import('./documents/documents').then((m) => m.Documents),
  },
  {
    path: 'messages',
    title: 'Messages',
    data: { side: 'childminder' },
    loadComponent: () => import('../messages/messages').then((m) => m.Messages),
  },
] satisfies Routes;
