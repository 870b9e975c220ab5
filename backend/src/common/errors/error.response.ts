import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { allErrorCodes } from './error-codes';

/** OpenAPI shape of every error body (see GlobalExceptionFilter). */
export class ErrorDetailResponse {
  @ApiPropertyOptional({ example: 'email' }) field?: string;
  @ApiProperty({ example: 'email must be an email address' }) message: string;
}

export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  /** Read when the document is built, after every feature has registered its codes. */
  @ApiProperty({ enum: () => allErrorCodes(), enumName: 'ErrorCode', example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: [ErrorDetailResponse] }) details?: ErrorDetailResponse[];
  @ApiProperty({ description: 'Quote it to support; it is in the server log' }) requestId: string;
}
