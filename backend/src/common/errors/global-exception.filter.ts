import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { CommonErrorCode } from './common.exception';
import { DomainException, ErrorDetail } from './domain.exception';
import { CODE_BY_STATUS, INTERNAL_ERROR_CODE, UNKNOWN_ERROR_CODE } from './error-codes';
import { ErrorResponse } from './error.response';
import { isDependencyUnavailable, serviceUnavailable } from './unavailable';
import { loggableUrl } from '../logging/loggable-url';

/** The body every error response carries; documented in OpenAPI as ErrorResponse. */
export type ErrorBody = ErrorResponse;

/**
 * Every error leaves the API as `{statusCode, error, code, message, details?, requestId}`.
 * Anything unexpected becomes a 500 that carries only the request id: the stack trace and any
 * SQL stay in the log.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private indexHtml: string | undefined;

  /** @param spaIndexPath the Angular app's index.html: unknown non-API pages fall back to it. */
  constructor(private readonly spaIndexPath?: string) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    // The database (or Redis where it is required) is down: a 503 to retry, not a crash.
    const exception =
      !(thrown instanceof DomainException) && !(thrown instanceof HttpException) && isDependencyUnavailable(thrown)
        ? serviceUnavailable()
        : thrown;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (this.isClientRoute(exception, request)) {
      this.indexHtml ??= readFileSync(this.spaIndexPath!, 'utf8');
      void reply.status(200).header('content-type', 'text/html; charset=utf-8').send(this.indexHtml);
      return;
    }
    const body = this.toBody(exception, String(request?.id ?? ''));
    if (body.code === CommonErrorCode.ServiceUnavailable) {
      // Expected while a dependency is down: one line each, not a stack trace.
      this.logger.warn(
        { requestId: body.requestId, url: request && loggableUrl(request.url) },
        `Unavailable: ${String(thrown)}`,
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(
        {
          err: exception,
          requestId: body.requestId,
          url: request && loggableUrl(request.url),
          method: request?.method,
        },
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (exception instanceof DomainException) {
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    }
    if (reply.sent) return;
    void reply.status(body.statusCode).header('content-type', 'application/json').send(body);
  }

  /** A browser asking for a client-side route such as /parent/bookings gets the Angular app. */
  private isClientRoute(exception: unknown, request: FastifyRequest | undefined): boolean {
    return (
      !!this.spaIndexPath &&
      exception instanceof NotFoundException &&
      !!request &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      request.url !== '/api' &&
      String(request.headers.accept ?? '').includes('text/html')
    );
  }

  toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainException) {
      return this.body(exception.status, exception.code, exception.message, requestId, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      if (typeof response === 'object' && response && 'message' in response) {
        const raw = (response as { message: unknown }).message;
        message = Array.isArray(raw) ? raw.join('; ') : String(raw);
      }
      return this.body(status, CODE_BY_STATUS[status] ?? UNKNOWN_ERROR_CODE, message, requestId);
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const message =
        (exception as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        /JSON/i.test(String((exception as Error).message))
          ? 'The request body is not valid JSON'
          : String((exception as Error).message);
      return this.body(fastifyStatus, CODE_BY_STATUS[fastifyStatus] ?? 'BAD_REQUEST', message, requestId);
    }
    return this.body(
      HttpStatus.INTERNAL_SERVER_ERROR,
      INTERNAL_ERROR_CODE,
      'Something went wrong on our side. Quote the request id if you contact support.',
      requestId,
    );
  }

  private body(
    statusCode: number,
    code: string,
    message: string,
    requestId: string,
    details?: ErrorDetail[],
  ): ErrorBody {
    return {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      code,
      message,
      ...(details?.length ? { details } : {}),
      requestId,
    };
  }
}
