// Angular's libraries are partially compiled; outside the Angular CLI the JIT compiler links them.
import '@angular/compiler';
import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { applyFieldErrors, controlError, describeWait, parseRetryAfter, toApiProblem } from './api-error';

function httpError(status: number, body: unknown, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(headers), url: '/api/x' });
}

describe('toApiProblem', () => {
  it('keeps the server message, code, details and request id', () => {
    const problem = toApiProblem(
      httpError(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        details: [{ field: 'password', message: 'Too short' }],
        requestId: 'req-1',
      }),
    );
    expect(problem).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Check the highlighted fields.',
      details: [{ field: 'password', message: 'Too short' }],
      retryAfterSeconds: null,
      requestId: 'req-1',
    });
  });

  it('reads Retry-After from a 429', () => {
    const problem = toApiProblem(
      httpError(
        429,
        { code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts', requestId: 'r' },
        { 'Retry-After': '600' },
      ),
    );
    expect(problem.code).toBe('TOO_MANY_ATTEMPTS');
    expect(problem.retryAfterSeconds).toBe(600);
  });

  it('explains a network failure instead of showing status 0', () => {
    const problem = toApiProblem(httpError(0, { type: 'error' }));
    expect(problem.code).toBe('NETWORK');
    expect(problem.message).toMatch(/internet connection/);
  });

  it('never shows a raw proxy page for a 502', () => {
    const problem = toApiProblem(httpError(502, '<html>Bad gateway</html>'));
    expect(problem.message).toMatch(/Something went wrong/);
  });
});

describe('parseRetryAfter', () => {
  it('accepts seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(parseRetryAfter('90', now)).toBe(90);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('describeWait', () => {
  it('rounds up to whole minutes', () => {
    expect(describeWait(600)).toBe('try again in 10 minutes');
    expect(describeWait(61)).toBe('try again in 2 minutes');
    expect(describeWait(60)).toBe('try again in 1 minute');
    expect(describeWait(20)).toBe('try again in a few seconds');
    expect(describeWait(null)).toBe('try again later');
  });
});

describe('applyFieldErrors', () => {
  it('puts server errors on matching controls and returns the rest', () => {
    const form = new FormGroup({ email: new FormControl('a@b.c'), password: new FormControl('x') });
    const unmatched = applyFieldErrors(form, [
      { field: 'password', message: 'This password appears in a list of breached passwords' },
      { field: 'captcha', message: 'Missing' },
    ]);
    expect(controlError(form.controls.password, 'Password')).toBe(
      'This password appears in a list of breached passwords',
    );
    expect(form.controls.password.touched).toBe(true);
    expect(form.controls.email.errors).toBeNull();
    expect(unmatched).toEqual([{ field: 'captcha', message: 'Missing' }]);
  });

  it('maps API field names to control names', () => {
    const form = new FormGroup({ password: new FormControl('x') });
    applyFieldErrors(form, [{ field: 'newPassword', message: 'Too short' }], { newPassword: 'password' });
    expect(form.controls.password.getError('server')).toBe('Too short');
  });
});
