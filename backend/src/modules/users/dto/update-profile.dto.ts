import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsShortText, IsUkPostcode } from '@app/common/validation/validators';

/** The fields a user may change about themselves. Anything else (role, email, ids) is a 400. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsShortText(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsShortText(100)
  lastName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '07700 900123' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\+?[0-9 ()-]{7,20}$/, { message: 'phone must be a telephone number such as 07700 900123' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SW1A 1AA' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUkPostcode()
  postcode?: string | null;
}
