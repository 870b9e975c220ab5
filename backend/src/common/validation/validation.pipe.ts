import { ValidationPipe } from '@nestjs/common';
import { validationExceptionFactory } from '../errors/validation';

/** The one global pipe: unknown fields are refused, values are converted to their DTO types. */
export const createValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: validationExceptionFactory,
  });
