import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsShortText } from '@app/common/validation/validators';
import { CHILD_NOTE_MAX_LENGTH, IsChildNote } from './child-notes.validator';
import { CHILD_FIRST_NAME_MAX_LENGTH } from './create-child.dto';
import { IsDateOfBirth } from './date-of-birth.validator';

/**
 * A partial change: absent fields stay as they are. The notes accept null (or blank) to clear
 * them; the name and date of birth cannot be cleared, so null is refused for them.
 */
export class UpdateChildDto {
  @ApiPropertyOptional({ maxLength: CHILD_FIRST_NAME_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @IsShortText(CHILD_FIRST_NAME_MAX_LENGTH)
  firstName?: string;

  @ApiPropertyOptional({ format: 'date', example: '2022-03-14' })
  @ValidateIf((_, value) => value !== undefined)
  @IsDateOfBirth()
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CHILD_NOTE_MAX_LENGTH })
  @IsChildNote()
  specialNeeds?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CHILD_NOTE_MAX_LENGTH })
  @IsChildNote()
  allergies?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CHILD_NOTE_MAX_LENGTH })
  @IsChildNote()
  medicalNotes?: string | null;
}
