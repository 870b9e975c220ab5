import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { describeAge, ukToday } from '../child-age';
import { Child } from '../entities/child.entity';

export class ChildResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Maya' }) firstName: string;
  @ApiProperty({ format: 'date', example: '2022-03-14' }) dateOfBirth: string;
  @ApiProperty({ example: '2 years 3 months', description: 'Age today (UK date), for display' })
  ageDescription: string;
  @ApiProperty({ type: String, nullable: true }) specialNeeds: string | null;
  @ApiProperty({ type: String, nullable: true }) allergies: string | null;
  @ApiProperty({ type: String, nullable: true }) medicalNotes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ChildPageResponse extends PageResponse {
  @ApiProperty({ type: [ChildResponse] }) items: ChildResponse[];
}

export const toChildResponse = (child: Child, today = ukToday()): ChildResponse => ({
  id: child.id,
  firstName: child.firstName,
  dateOfBirth: child.dateOfBirth,
  ageDescription: describeAge(child.dateOfBirth, today),
  specialNeeds: child.specialNeeds,
  allergies: child.allergies,
  medicalNotes: child.medicalNotes,
  createdAt: child.createdAt.toISOString(),
});
