import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

export class DashboardQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the range (default: 30 days before `to`)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be a date' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the range, exclusive (default: now)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be a date' })
  to?: Date;
}

export class DailyCountResponse {
  @ApiProperty({ example: '2026-12-07' }) day: string;
  @ApiProperty({ description: 'What is counted: a role, a booking status, a plan' }) key: string;
  @ApiProperty() count: number;
}

export class DashboardRangeResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

export class DashboardUsersResponse {
  @ApiProperty({ description: 'Accounts by role (erased ones not counted)', example: { parent: 120 } })
  byRole: Record<string, number>;
  @ApiProperty({ description: 'Sign-ups in the range by role' }) signupsByRole: Record<string, number>;
  @ApiProperty({ type: [DailyCountResponse] }) signupsDaily: DailyCountResponse[];
}

export class DashboardBookingsResponse {
  @ApiProperty({ description: 'Bookings created in the range by status' }) byStatus: Record<string, number>;
  @ApiProperty({ type: [DailyCountResponse] }) daily: DailyCountResponse[];
}

export class DashboardSubscriptionsResponse {
  @ApiProperty({ description: 'Active, trialling and past-due subscriptions by plan' })
  activeByPlan: Record<string, number>;
  @ApiProperty({ description: 'Monthly recurring revenue in pence' }) mrrPence: number;
  @ApiProperty({ description: 'Cancellations in the range' }) churned: number;
  @ApiProperty({ description: 'Cancellations over customers at the start of the range (0..1)' }) churnRate: number;
  @ApiProperty({ type: [DailyCountResponse] }) canceledDaily: DailyCountResponse[];
}

export class DashboardSupportResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'null: not available (no support module yet)' })
  openTickets: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null: not available (no chat module yet)' })
  activeChats: number | null;
}

export class DashboardEmailResponse {
  @ApiProperty({ description: 'Emails waiting to be sent' }) backlog: number;
  @ApiProperty() sent: number;
  @ApiProperty({ description: 'Emails that failed for good' }) failed: number;
}

export class DashboardResponse {
  @ApiProperty({ type: DashboardRangeResponse }) range: DashboardRangeResponse;
  @ApiProperty({ type: DashboardUsersResponse }) users: DashboardUsersResponse;
  @ApiProperty({ type: DashboardBookingsResponse }) bookings: DashboardBookingsResponse;
  @ApiProperty({ type: DashboardSubscriptionsResponse }) subscriptions: DashboardSubscriptionsResponse;
  @ApiProperty({ type: DashboardSupportResponse }) support: DashboardSupportResponse;
  @ApiProperty({ description: 'Childminders by compliance status today', example: { compliant: 10 } })
  compliance: Record<string, number>;
  @ApiProperty() documentsAwaitingReview: number;
  @ApiProperty({ type: DashboardEmailResponse }) email: DashboardEmailResponse;
  @ApiProperty({ description: 'Scheduled job runs that failed in the range' }) failedJobRuns: number;
}
