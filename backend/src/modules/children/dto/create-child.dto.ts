import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsShortText } from '@app/common/validation/validators';
import { CHILD_NOTE_MAX_LENGTH, IsChildNote } from './child-notes.validator';
import { IsDateOfBirth } from './date-of-birth.validator';

export const CHILD_FIRST_NAME_MAX_LENGTH = 50;

export class CreateChildDto {
  @ApiProperty({ maxLength: CHILD_FIRST_NAME_MAX_LENGTH, example: 'Maya' })
  @IsShortText(CHILD_FIRST_NAME_MAX_LENGTH)
  firstName: string;

  @ApiProperty({
    format: 'date',
    example: '2022-03-14',
    description: 'YYYY-MM-DD; not in the future and not more than 18 years ago (UK date)',
  })
  @IsDateOfBirth()
  dateOfBirth: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CHILD_NOTE_MAX_LENGTH })
  @IsChildNote()
  specialNeeds?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CHILD_NOTE_MAX_LENGTH, example: 'Peanuts' })
  @IsChildNote()
  allergies?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CHILD_NOTE_MAX_LENGTH })
  @IsChildNote()
  medicalNotes?: string | null;
}
