import { LoggerService } from '@nestjs/common';
import { FastifyBaseLogger, FastifyReply, FastifyRequest, LogController } from 'fastify';
import pino, { Logger } from 'pino';
import { logCapture } from './log-capture';
import { loggableUrl } from './loggable-url';

/**
 * One pino logger for the process: Fastify logs requests through it and Nest logs through it.
 * Besides stdout (at `level`, written asynchronously: pino flushes what is pending when the
 * process exits, so a request never waits for the terminal or the log collector), warnings and
 * worse always go to the log capture, which the admin log viewer reads from the database.
 */
export function createRootLogger(level: string): Logger {
  const levels = pino.levels.values;
  const captured = 'warn';
  const streams: pino.StreamEntry[] = [{ level: captured, stream: logCapture }];
  if (level !== 'silent') {
    streams.push({ level: level as pino.Level, stream: pino.destination({ dest: 1, sync: false }) });
  }
  const lowest = level === 'silent' || levels[level]! > levels[captured]! ? captured : level;
  return pino(
    {
      level: lowest,
      base: { service: 'childminder-connect' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
    },
    pino.multistream(streams),
  );
}

/**
 * One line per request at info (kept on in production), instead of Fastify's two lines with
 * serialised request and response objects: the request id (bound to the request's logger),
 * method, URL, status and duration.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: loggableUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line);
  }
}

type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type LogArgs = Parameters<pino.LogFn>;

/**
 * The logger Fastify binds to each request (with its id), made on first use. Fastify makes a
 * child logger per request, and pino serialises and redacts the bindings of each child: every
 * request paid for that even when nothing was logged for it (at warn, nearly every request).
 * This one asks the parent whether a level is on and makes the pino child only to write a line.
 */
class LazyRequestLogger {
  private made: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: pino.Bindings,
  ) {}

  get level(): string {
    return this.made?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.child$().level = level;
  }
  isLevelEnabled(level: string): boolean {
    return (this.made ?? this.parent).isLevelEnabled(level);
  }
  fatal(...args: LogArgs) {
    this.write('fatal', args);
  }
  error(...args: LogArgs) {
    this.write('error', args);
  }
  warn(...args: LogArgs) {
    this.write('warn', args);
  }
  info(...args: LogArgs) {
    this.write('info', args);
  }
  debug(...args: LogArgs) {
    this.write('debug', args);
  }
  trace(...args: LogArgs) {
    this.write('trace', args);
  }
  silent() {}
  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): Logger {
    return this.child$().child(bindings, options);
  }

  private write(level: LogLevel, args: LogArgs) {
    if (!this.isLevelEnabled(level)) return;
    this.child$()[level](...args);
  }

  private child$(): Logger {
    return (this.made ??= this.parent.child(this.bindings));
  }
}

/**
 * Fastify's `childLoggerFactory`: a lazy request logger, unless the route sets its own level or
 * serializers (then the pino child at once, as Fastify's own factory makes it).
 */
export function requestLoggerFactory(
  logger: FastifyBaseLogger,
  bindings: pino.Bindings,
  options: pino.ChildLoggerOptions,
): FastifyBaseLogger {
  if (Object.keys(options).length > 0) return logger.child(bindings, options);
  return new LazyRequestLogger(logger as Logger, bindings) as unknown as FastifyBaseLogger;
}

const NEST_STARTUP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Adapts pino to Nest's LoggerService so framework and application logs are the same JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    // Nest's start-up chatter (one line per module and route) would bury the start-up banner.
    const context = rest[rest.length - 1];
    const chatter = typeof context === 'string' && NEST_STARTUP_CONTEXTS.has(context);
    this.write(chatter ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]) {
    // Nest passes the context (class name) as the last string argument.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message && typeof message === 'object' && !(message instanceof Error)) {
      this.logger[level]({ context, ...(message as object) }, rest.map(String).join(' ') || undefined);
    } else if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else {
      const stack = rest.find((r) => typeof r === 'string' && r.includes('\n    at '));
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
