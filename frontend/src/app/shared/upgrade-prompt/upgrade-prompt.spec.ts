// Angular's libraries are partially compiled; outside the Angular CLI the JIT compiler links them.
import '@angular/compiler';
import { HttpErrorResponse } from '@angular/common/http';
import {
  EnvironmentInjector,
  Injector,
  createEnvironmentInjector,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ENTITLEMENT_REQUIRED, UpgradePrompt, entitlementRequirement } from './upgrade-prompt';
import { UpgradePromptDialog } from './upgrade-prompt-dialog';

/** The body the API sends when a Free parent tries to start a conversation. */
const refused = new HttpErrorResponse({
  status: 402,
  url: '/api/dashboard/parent/messages/send',
  error: {
    statusCode: 402,
    error: 'Payment Required',
    code: ENTITLEMENT_REQUIRED,
    message: 'This needs the Plus plan. Upgrade to Plus to unlock it.',
    details: [
      { field: 'entitlement', message: 'conversations.start' },
      { field: 'plan', message: 'parent_plus' },
    ],
    requestId: 'req-1',
  },
});

function setUp() {
  const opened: { component: unknown; config: { data?: unknown } }[] = [];
  const dialog = {
    open: (component: unknown, config: { data?: unknown }) => {
      opened.push({ component, config });
      return { afterClosed: () => ({ subscribe: () => undefined }) };
    },
  };
  const injector = createEnvironmentInjector(
    [
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      { provide: MatDialog, useValue: dialog },
    ],
    Injector.NULL as EnvironmentInjector,
  );
  return { prompt: injector.get(UpgradePrompt), opened };
}

describe('entitlementRequirement', () => {
  it('reads the message naming the plan, the entitlement and the plan key from a 402', () => {
    expect(entitlementRequirement(refused)).toEqual({
      message: 'This needs the Plus plan. Upgrade to Plus to unlock it.',
      entitlement: 'conversations.start',
      planKey: 'parent_plus',
    });
  });

  it('copes with a 402 that names no plan', () => {
    const noPlan = new HttpErrorResponse({
      status: 402,
      error: { code: ENTITLEMENT_REQUIRED, message: 'Your plan does not include this feature.', requestId: 'r' },
    });
    expect(entitlementRequirement(noPlan)).toEqual({
      message: 'Your plan does not include this feature.',
      entitlement: null,
      planKey: null,
    });
  });

  it('ignores every other failure', () => {
    const otherCode = new HttpErrorResponse({ status: 402, error: { code: 'SOMETHING_ELSE', message: 'No' } });
    const forbidden = new HttpErrorResponse({ status: 403, error: { code: ENTITLEMENT_REQUIRED, message: 'No' } });
    const offline = new HttpErrorResponse({ status: 0, error: { type: 'error' } });
    for (const error of [otherCode, forbidden, offline, new Error('bug'), null]) {
      expect(entitlementRequirement(error)).toBeNull();
    }
  });
});

describe(UpgradePrompt.name, () => {
  it('opens the upgrade dialog for a 402 ENTITLEMENT_REQUIRED and says it handled it', () => {
    const { prompt, opened } = setUp();
    expect(prompt.offer(refused)).toBe(true);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.component).toBe(UpgradePromptDialog);
    expect(opened[0]!.config.data).toMatchObject({ planKey: 'parent_plus', message: expect.stringContaining('Plus') });
  });

  it('leaves any other error to the page and opens nothing', () => {
    const { prompt, opened } = setUp();
    const conflict = new HttpErrorResponse({ status: 409, error: { code: 'BLOCKED', message: 'Blocked' } });
    expect(prompt.offer(conflict)).toBe(false);
    expect(opened).toHaveLength(0);
  });
});
