import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { catchError, from, Observable, switchMap } from 'rxjs';
import { FileStorage } from '../file-storage';
import { ReceivedFile, UploadReceiver } from './upload-receiver';
import { UPLOAD_RULES, UploadKind } from './upload-kind';

const UPLOAD_KIND = 'childminder-connect:upload-kind';
const RECEIVED_FILE = Symbol('receivedFile');

type UploadRequest = FastifyRequest & { [RECEIVED_FILE]?: ReceivedFile; body: unknown };

/**
 * Receives the multipart upload before the handler runs: the file is checked and stored, the
 * other parts become the body (validated by the global pipe against the route's DTO), and the
 * file reaches the handler through `@UploadedFile()`. If validation or the handler fails, the
 * stored file is removed again.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly receiver: UploadReceiver,
    private readonly storage: FileStorage,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<UploadKind>(UPLOAD_KIND, context.getHandler());
    const request = context.switchToHttp().getRequest<UploadRequest>();
    return from(this.receiver.receive(request, kind)).pipe(
      switchMap((upload) => {
        request.body = upload.fields;
        request[RECEIVED_FILE] = upload.file;
        return next.handle().pipe(
          catchError(async (error: unknown) => {
            await this.storage.delete(upload.file.key);
            throw error;
          }),
        );
      }),
    );
  }
}

/**
 * The route takes a multipart upload of `kind`: a `file` part and the text fields described by
 * `fields` (an OpenAPI schema's properties).
 */
export const ReceivesUpload = (kind: UploadKind, fields: Record<string, object> = {}, required: string[] = []) =>
  applyDecorators(
    SetMetadata(UPLOAD_KIND, kind),
    UseInterceptors(UploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...required],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: `${UPLOAD_RULES[kind].describe}; checked by its content`,
          },
          ...fields,
        },
      },
    }),
    ApiBadRequestResponse({ description: 'No file, an empty file, or a field not acceptable (named in details)' }),
    ApiPayloadTooLargeResponse({
      description: `The file is larger than ${UPLOAD_RULES[kind].maxBytes / 1024 / 1024} MB; nothing is kept`,
    }),
    ApiUnsupportedMediaTypeResponse({
      description: 'The content is not one of the accepted types, whatever its name says',
    }),
  );

/** The file an `@ReceivesUpload` route received. */
export const UploadedFile = createParamDecorator((_data: unknown, ctx: ExecutionContext): ReceivedFile => {
  const file = ctx.switchToHttp().getRequest<UploadRequest>()[RECEIVED_FILE];
  if (!file) throw new Error('@UploadedFile() used on a route without @ReceivesUpload()');
  return file;
});
