import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { AppModule } from './app.module';
import { resolveSecurityHeaders } from './common/http/security-headers';
import { createRootLogger, PinoNestLogger, RequestLogController, requestLoggerFactory } from './common/logging/logger';
import { ErrorDetailResponse, ErrorResponse } from './common/errors/error.response';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { applyOpenApiConventions } from './common/http/openapi-conventions';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { RealtimeIoAdapter } from './modules/realtime/socket/realtime-io.adapter';

export const API_PREFIX = 'api';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Where the built Angular app lives, relative to the package root. */
export const WEB_ROOT = resolve(__dirname, '..', '..', '..', 'dist', 'frontend', 'browser');
const webRoot = () => {
  // Compiled: dist/backend/src -> ../../../dist/frontend/browser; ts-node/jest: backend/src -> ../../dist/...
  const candidates = [WEB_ROOT, resolve(__dirname, '..', '..', 'dist', 'frontend', 'browser')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
};

/** Builds the whole application (API, static web app, docs) without listening. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const rootLogger = createRootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: rootLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    logController: new RequestLogController(),
    childLoggerFactory: requestLoggerFactory,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(rootLogger.child({})),
    bufferLogs: false,
    // Throw instead of exiting the process, so callers (main, tests) report the real cause.
    abortOnError: false,
    // The Stripe webhook verifies its signature over the exact bytes received.
    rawBody: true,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const securityHeaders = await resolveSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular Material injects component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.map.tileOrigin ? [config.map.tileOrigin] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The admin review queue previews PDFs inline from a blob: URL.
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // One synchronous hook per request: the request id and the precomputed security headers, set
  // on the raw response so that hijacked replies (the SSE stream) carry them too.
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    raw.setHeader('x-request-id', request.id);
    for (const [name, value] of securityHeaders) raw.setHeader(name, value);
    done();
  });

  // Fastify never reads the body of a GET or HEAD, so the plugin's request decompression (a
  // preParsing hook on every route) would only cost those requests time. Registered before the
  // plugin, whose own onRoute hook then sees `decompress: false`.
  fastify.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    if (route.decompress === undefined && methods.every((m) => m === 'GET' || m === 'HEAD')) route.decompress = false;
  });
  // JSON and other dynamic responses, brotli or gzip as the client prefers; a low brotli level
  // keeps it cheap per request. The web app's files are compressed at build time (below).
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(fastifyCookie);
  // Upload routes stream parts themselves and enforce their own per-kind size limits.
  await app.register(fastifyMultipart);

  // socket.io at /api/socketio, fanned out through Redis when it is configured.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const web = config.serveWeb ? webRoot() : undefined;
  if (web) {
    await app.register(fastifyStatic, {
      root: web,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // scripts/compress-web.js writes .br and .gz beside each text file of the build.
      preCompressed: true,
      setHeaders: (res, path) => {
        // Build output has content hashes in its names: cache it for a year; never cache the shell.
        const hashed =
          /[.-][A-Z0-9]{8,}\.(js|css|woff2?|ttf|svg|png)(\.br|\.gz)?$/i.test(path) || path.includes('/media/');
        void res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.useGlobalFilters(new GlobalExceptionFilter(web ? join(web, 'index.html') : undefined));

  setUpOpenApi(app);
  app.enableShutdownHooks();
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = new DocumentBuilder()
    .setTitle('Childminder Connect API')
    .setDescription(
      'Parents find, message and book registered childminders; childminders run their availability, ' +
        'bookings and compliance documents; support agents answer live chat; admins run the platform. ' +
        'Errors are `{statusCode, error, code, message, details?, requestId}`.',
    )
    .setVersion('1.0')
    .setLicense('Proprietary', 'https://childminder-connect.example/terms')
    .addServer('/', 'This server')
    .addBearerAuth()
    .addCookieAuth('refresh_token')
    .build();
  return applyOpenApiConventions(
    SwaggerModule.createDocument(app, document, {
      extraModels: [ErrorResponse, ErrorDetailResponse],
      operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    }),
  );
}

function setUpOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    customSiteTitle: 'Childminder Connect API',
  });
}

export async function listen(app: NestFastifyApplication, config: AppConfig): Promise<string> {
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url =
    config.publicUrl.includes(`:${config.port}`) || config.port === 0
      ? config.publicUrl.replace(`:${config.port}`, `:${port}`)
      : config.publicUrl;
  new Logger('Bootstrap').log(`Childminder Connect is listening on ${url}`);
  return url;
}
