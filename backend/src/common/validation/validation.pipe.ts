import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { validationExceptionFactory } from '../errors/validation';
import { inputDepth, MAX_INPUT_DEPTH, shapeProblems } from './body-shape';

/**
 * The one global pipe: unknown fields are refused, values are converted to their DTO types.
 * Before any of that, the input's depth and shape are checked (see body-shape.ts), so that no
 * input can make the transformers overflow or hand a service a null or an array it never expects.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      stopAtFirstError: false,
      validationError: { target: false, value: false },
      exceptionFactory: validationExceptionFactory,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      if (inputDepth(value) > MAX_INPUT_DEPTH) {
        const where = metadata.type === 'body' ? 'request body' : 'query string';
        throw new CommonException(
          CommonErrorCode.ValidationFailed,
          `The ${where} nests more than ${MAX_INPUT_DEPTH} levels deep`,
        );
      }
      const dto = metadata.metatype;
      // A query string has no nulls and sends one value where a DTO takes a list: bodies only.
      if (metadata.type === 'body' && dto && this.toValidate(metadata)) {
        const problems = shapeProblems(value, dto);
        if (problems.length) {
          // Name every problem at once: the DTO's own findings on the other fields too.
          const named = new Set(problems.map((p) => p.field));
          const others = await super.transform(value, metadata).then(
            () => [],
            (error: unknown) => (error instanceof CommonException ? (error.details ?? []) : []),
          );
          const all = [...problems, ...others.filter((d) => !named.has(d.field))];
          throw new CommonException(CommonErrorCode.ValidationFailed, all.map((p) => p.message).join('; '), all);
        }
      }
    }
    return super.transform(value, metadata);
  }
}

export const createValidationPipe = () => new AppValidationPipe();
