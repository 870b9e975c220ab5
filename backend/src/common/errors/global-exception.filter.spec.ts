import { BadRequestException, NotFoundException } from '@nestjs/common';
import { CommonErrorCode, CommonException } from './common.exception';
import { GlobalExceptionFilter } from './global-exception.filter';

describe(GlobalExceptionFilter.name, () => {
  const filter = new GlobalExceptionFilter();

  describe('toBody', () => {
    it('keeps a domain error’s code, message and details', () => {
      const body = filter.toBody(
        new CommonException(CommonErrorCode.ValidationFailed, 'email must be an email address', [
          { field: 'email', message: 'email must be an email address' },
        ]),
        'req-1',
      );
      expect(body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'email must be an email address',
        details: [{ field: 'email', message: 'email must be an email address' }],
        requestId: 'req-1',
      });
    });

    it('maps framework HTTP errors to the same shape', () => {
      expect(filter.toBody(new NotFoundException('Cannot GET /api/nope'), 'r')).toMatchObject({
        statusCode: 404,
        code: 'NOT_FOUND',
      });
      expect(filter.toBody(new BadRequestException(['a', 'b']), 'r').message).toBe('a; b');
    });

    it('hides everything about an unexpected error except the request id', () => {
      const error = new Error("ER_NO_SUCH_TABLE: Table 'x.users' doesn't exist at SELECT * FROM users");
      const body = filter.toBody(error, 'req-9');
      expect(body.statusCode).toBe(500);
      expect(JSON.stringify(body)).not.toMatch(/users|SELECT|ER_/);
      expect(body.requestId).toBe('req-9');
    });

    it('passes on a client error raised by Fastify (bad JSON, body too large)', () => {
      const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
      expect(filter.toBody(tooLarge, 'r')).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    });
  });
});
