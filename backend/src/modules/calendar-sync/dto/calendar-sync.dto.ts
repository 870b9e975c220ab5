import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** What Google adds to the redirect back (RFC 6749 4.1.2 and Google's own extras). */
export class OAuthCallbackQuery {
  @ApiPropertyOptional({ maxLength: 2048 }) @IsOptional() @IsString() @MaxLength(2048) code?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) state?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'access_denied when the user said no' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  error?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) scope?: string;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) authuser?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) prompt?: string;
  @ApiPropertyOptional({ maxLength: 255 }) @IsOptional() @IsString() @MaxLength(255) hd?: string;
  @ApiPropertyOptional({ maxLength: 255 }) @IsOptional() @IsString() @MaxLength(255) iss?: string;
}

export class ChooseCalendarDto {
  @ApiProperty({ maxLength: 255, description: 'Id of one of the calendars listed by GET /api/calendar-sync/calendars' })
  @IsString()
  @Length(1, 255)
  calendarId: string;
}

export class CalendarFeedParams {
  @ApiProperty({ description: 'The secret of the feed URL' })
  @IsString()
  @MaxLength(200)
  token: string;
}
