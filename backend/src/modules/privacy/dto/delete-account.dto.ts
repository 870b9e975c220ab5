import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsPasswordInput } from '@app/common/validation/validators';

/** Proof that it is really the account holder: the password, or a current two-factor code. */
export class DeleteAccountDto {
  @ApiPropertyOptional({ description: 'The current password (or give code)' })
  @ValidateIf((dto: DeleteAccountDto) => dto.code === undefined)
  @IsPasswordInput()
  password?: string;

  @ApiPropertyOptional({ example: '123456', description: 'A current two-factor code, instead of the password' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by your authenticator app' })
  code?: string;
}
