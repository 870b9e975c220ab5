import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LegacyGrade, ReportCardGrade } from '../childminder-vocabulary';
import { IsPastDate } from './past-date.validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const present = (_: object, value: unknown) => value !== null && value !== undefined;

export class DayHoursDto {
  @ApiProperty({ example: '07:30', description: 'HH:MM, 24-hour, UK time' })
  @Matches(HH_MM, { message: '$property must be a time such as 07:30' })
  open: string;

  @ApiProperty({ example: '18:00', description: 'HH:MM, after open' })
  @Matches(HH_MM, { message: '$property must be a time such as 18:00' })
  close: string;
}

const day = () => (target: object, property: string) => {
  ApiPropertyOptional({ type: DayHoursDto, nullable: true, description: 'Absent or null: closed' })(target, property);
  ValidateIf(present)(target, property);
  IsObject({ message: `${property} must be an object with open and close, or null` })(target, property);
  ValidateNested()(target, property);
  Type(() => DayHoursDto)(target, property);
};

/** Opening hours per weekday; a missing or null day is closed. */
export class OpeningHoursDto {
  @day() monday?: DayHoursDto | null;
  @day() tuesday?: DayHoursDto | null;
  @day() wednesday?: DayHoursDto | null;
  @day() thursday?: DayHoursDto | null;
  @day() friday?: DayHoursDto | null;
  @day() saturday?: DayHoursDto | null;
  @day() sunday?: DayHoursDto | null;
}

/** Registered limits; the EYFS defaults are 6 under eight, 3 young, 1 under one. */
export class CapacityDto {
  @ApiProperty({ minimum: 1, maximum: 12, example: 6, description: 'Children under 8 at once, own children included' })
  @IsInt()
  @Min(1)
  @Max(12)
  under8: number;

  @ApiProperty({
    minimum: 0,
    maximum: 6,
    example: 3,
    description: 'Of those, children until 1 September after their 5th birthday',
  })
  @IsInt()
  @Min(0)
  @Max(6)
  young: number;

  @ApiProperty({ minimum: 0, maximum: 3, example: 1, description: 'Of those, babies under 1' })
  @IsInt()
  @Min(0)
  @Max(3)
  under1: number;
}

const grade = () => (target: object, property: string) => {
  ApiProperty({ enum: ReportCardGrade, enumName: 'ReportCardGrade' })(target, property);
  IsEnum(ReportCardGrade, { message: `${property} must be one of: ${Object.values(ReportCardGrade).join(', ')}` })(
    target,
    property,
  );
};

/** The 2025 report card's evaluation areas for early years. */
export class ReportCardGradesDto {
  @grade() inclusion: ReportCardGrade;
  @grade() curriculumAndTeaching: ReportCardGrade;
  @grade() achievement: ReportCardGrade;
  @grade() behaviourAttitudesAndRoutines: ReportCardGrade;
  @grade() childrensWelfareAndWellBeing: ReportCardGrade;
  @grade() leadershipAndGovernance: ReportCardGrade;
}

/** The latest Ofsted inspection: a legacy single grade, or a 2025 report card. */
export class InspectionDto {
  @ApiProperty({ enum: ['legacy', 'report_card'] })
  @IsIn(['legacy', 'report_card'], { message: 'framework must be legacy or report_card' })
  framework: 'legacy' | 'report_card';

  @ApiProperty({ format: 'date', example: '2024-05-14' })
  @IsPastDate()
  inspectedOn: string;

  @ApiPropertyOptional({ enum: LegacyGrade, enumName: 'LegacyGrade', description: 'Required for legacy' })
  @ValidateIf((dto: InspectionDto) => dto.framework === 'legacy' || dto.overallGrade !== undefined)
  @IsEnum(LegacyGrade, { message: `overallGrade must be one of: ${Object.values(LegacyGrade).join(', ')}` })
  overallGrade?: LegacyGrade;

  @ApiPropertyOptional({ description: 'Required for report_card' })
  @ValidateIf((dto: InspectionDto) => dto.framework === 'report_card' || dto.safeguardingMet !== undefined)
  @IsBoolean({ message: 'safeguardingMet must be true or false' })
  safeguardingMet?: boolean;

  @ApiPropertyOptional({ type: ReportCardGradesDto, description: 'Required for report_card' })
  @ValidateIf((dto: InspectionDto) => dto.framework === 'report_card' || dto.grades !== undefined)
  @IsObject({ message: 'grades must be an object with a grade per evaluation area' })
  @ValidateNested()
  @Type(() => ReportCardGradesDto)
  grades?: ReportCardGradesDto;
}
