import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class UpdateMaintenanceDto {
  @ApiProperty({ description: 'true puts the platform into maintenance mode' })
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({ maxLength: 500, description: 'Shown to users on the maintenance page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When it is expected to end' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Type(() => Date)
  @IsDate()
  expectedEndAt?: Date | null;
}

export class MaintenanceResponse {
  @ApiProperty() enabled: boolean;
  @ApiProperty() message: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expectedEndAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}
