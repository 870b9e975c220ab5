import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// Every page but home sits under the lazy route that provides Material's defaults (app.routes.ts):
// fetch that chunk while the app starts, rather than once the router asks for it.
if (location.pathname !== '/') void import('@core/layout/material-defaults');

bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
