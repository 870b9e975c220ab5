import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeEnGb from '@angular/common/locales/en-GB';
import {
  type ApplicationConfig,
  DEFAULT_CURRENCY_CODE,
  ErrorHandler,
  LOCALE_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_ICON_DEFAULT_OPTIONS } from '@angular/material/icon';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { authInterceptor } from '@core/auth/auth-interceptor';
import { connectionInterceptor } from '@core/connection/connection-status';
import { GlobalErrorHandler } from '@core/errors/global-error-handler';
import { maintenanceInterceptor } from '@core/maintenance/maintenance-notice';
import { AppTitleStrategy } from '@core/layout/title-strategy';
import { routes } from './app.routes';

registerLocaleData(localeEnGb);

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    { provide: ErrorHandler, useClass: GlobalErrorHandler },
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top', anchorScrolling: 'enabled' }),
    ),
    // The XMLHttpRequest backend (not withFetch()): fetch reports no upload progress, and the
    // document and photo uploads show a progress bar.
    provideHttpClient(withInterceptors([connectionInterceptor, authInterceptor, maintenanceInterceptor])),
    { provide: TitleStrategy, useClass: AppTitleStrategy },
    { provide: LOCALE_ID, useValue: 'en-GB' },
    { provide: DEFAULT_CURRENCY_CODE, useValue: 'GBP' },
    { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
    // The form field and dialog defaults are in @core/layout/material-defaults, provided by the
    // pages' lazy route so that the initial bundle does not carry those components.
    // Restore the session from the refresh cookie before the first route is resolved, so guards
    // know who is signed in.
    provideAppInitializer(() => inject(AuthService).restoreSession()),
  ],
};
