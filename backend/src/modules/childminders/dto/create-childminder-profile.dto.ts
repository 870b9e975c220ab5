import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsShortText, IsUkPostcode } from '@app/common/validation/validators';
import { DISPLAY_NAME_MAX_LENGTH } from '../childminder-vocabulary';
import { UpdateChildminderProfileDto } from './update-childminder-profile.dto';

/**
 * An admin creates the profile of an existing childminder user: the same fields as the
 * childminder's own change, with the name and postcode required (the update's may be left out).
 */
export class CreateChildminderProfileDto extends OmitType(UpdateChildminderProfileDto, ['displayName', 'postcode']) {
  @ApiProperty({ format: 'uuid', description: 'The childminder user the profile belongs to' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ maxLength: DISPLAY_NAME_MAX_LENGTH, example: 'Claire Hughes' })
  @IsShortText(DISPLAY_NAME_MAX_LENGTH)
  displayName: string;

  @ApiProperty({ example: 'M20 2LS' })
  @IsUkPostcode()
  postcode: string;

  @ApiPropertyOptional({ description: 'Admins may create a profile inactive (hidden whatever its owner chooses)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
