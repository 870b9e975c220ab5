import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlSegment, UrlTree } from '@angular/router';
import type { Role } from '@core/api/api-types';
import { Notifier } from '@core/errors/notifier';
import { AuthService } from './auth';
import { roleLabel } from './roles';

/** The URL being navigated to, so sign-in can come back to it. */
function attemptedUrl(router: Router, segments: UrlSegment[]): string {
  const navigation = router.currentNavigation();
  if (navigation) return router.serializeUrl(navigation.extractedUrl);
  return '/' + segments.map((segment) => segment.path).join('/');
}

function signInFirst(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/login'], { queryParams: { returnUrl } });
}

/** Any signed-in user (the account pages). */
export const signedInGuard: CanMatchFn = (_route, segments) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.isSignedIn() || signInFirst(router, attemptedUrl(router, segments));
};

/**
 * A role area: signed-out visitors go to sign in and come back; a signed-in user of another
 * role is taken to their own area instead of a page they cannot use.
 */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return (_route, segments) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const role = auth.role();
    if (!role) return signInFirst(router, attemptedUrl(router, segments));
    if (roles.includes(role)) return true;
    inject(Notifier).error(`That page is not available to ${roleLabel(role).toLowerCase()} accounts.`);
    return router.parseUrl(auth.homeUrl());
  };
}

/** Sign-in and registration pages: someone already signed in goes to their area. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.isSignedIn() ? inject(Router).parseUrl(auth.homeUrl()) : true;
};
