// Angular's libraries are partially compiled; outside the Angular CLI the JIT compiler links them.
import '@angular/compiler';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  EnvironmentInjector,
  Injector,
  createEnvironmentInjector,
  provideZonelessChangeDetection,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
} from '@angular/core';
import { ConnectionStatus, connectionInterceptor } from './connection-status';

function setUp() {
  const injector = createEnvironmentInjector(
    [
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      provideZonelessChangeDetection(),
      provideHttpClient(withInterceptors([connectionInterceptor])),
      provideHttpClientTesting(),
    ],
    Injector.NULL as EnvironmentInjector,
  );
  return {
    http: injector.get(HttpClient),
    backend: injector.get(HttpTestingController),
    status: injector.get(ConnectionStatus),
  };
}

const unavailable = {
  status: 503,
  statusText: 'Service Unavailable',
  headers: { 'Retry-After': '5' },
};
const unavailableBody = { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Briefly unavailable' };

describe('connectionInterceptor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows "reconnecting" on a 503 and retries a read after Retry-After, then clears it', () => {
    const { http, backend, status } = setUp();
    const received: unknown[] = [];
    http.get('/api/users/me').subscribe((body) => received.push(body));
    backend.expectOne('/api/users/me').flush(unavailableBody, unavailable);
    expect(status.reconnecting()).toBe(true);
    backend.expectNone('/api/users/me');

    jest.advanceTimersByTime(5000);
    backend.expectOne('/api/users/me').flush({ id: 'u1' });
    expect(received).toEqual([{ id: 'u1' }]);
    expect(status.reconnecting()).toBe(false);
  });

  it('does not retry a write: its screen gets the error, and the notice stays until the server answers', () => {
    const { http, backend, status } = setUp();
    const errors: number[] = [];
    http.post('/api/dashboard/parent/messages/send', { text: 'hi' }).subscribe({ error: (e) => errors.push(e.status) });
    backend.expectOne('/api/dashboard/parent/messages/send').flush(unavailableBody, unavailable);
    expect(errors).toEqual([503]);
    expect(status.reconnecting()).toBe(true);

    // The readiness probe clears it once the database is back.
    jest.advanceTimersByTime(5000);
    backend.expectOne('/api/health').flush({ status: 'degraded' }, { status: 503, statusText: 'Unavailable' });
    expect(status.reconnecting()).toBe(true);
    jest.advanceTimersByTime(5000);
    backend.expectOne('/api/health').flush({ status: 'ok' });
    expect(status.reconnecting()).toBe(false);
    backend.verify();
  });

  it('leaves other errors alone', () => {
    const { http, backend, status } = setUp();
    const errors: number[] = [];
    http.get('/api/users/me').subscribe({ error: (e) => errors.push(e.status) });
    backend.expectOne('/api/users/me').flush({ code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });
    http.get('/api/other').subscribe({ error: (e) => errors.push(e.status) });
    backend.expectOne('/api/other').flush({ code: 'INTERNAL_ERROR' }, { status: 503, statusText: 'Unavailable' });
    expect(errors).toEqual([401, 503]);
    expect(status.reconnecting()).toBe(false);
  });
});
