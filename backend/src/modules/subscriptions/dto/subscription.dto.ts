import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { SubscriptionStatus } from '../entities/subscription.entity';
import { BillingInterval, PaidPlanKey, PAID_PLAN_KEYS, PlanKey } from '../plans';

export class CreateCheckoutSessionDto {
  @ApiProperty({ enum: PAID_PLAN_KEYS })
  @IsIn(PAID_PLAN_KEYS, { message: `planKey must be one of: ${PAID_PLAN_KEYS.join(', ')}` })
  planKey: PaidPlanKey;

  @ApiProperty({ enum: BillingInterval, enumName: 'BillingInterval' })
  @IsEnum(BillingInterval, { message: 'interval must be month or year' })
  interval: BillingInterval;
}

export class UpdateSubscriptionDto extends CreateCheckoutSessionDto {
  @ApiPropertyOptional({ description: 'Only compute what the change would charge now; change nothing' })
  @IsOptional()
  @IsBoolean()
  preview?: boolean;

  @ApiPropertyOptional({ description: 'The prorationDate of the preview the user accepted (Unix seconds)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  prorationDate?: number;
}

export class CancelSubscriptionDto {
  @ApiPropertyOptional({ description: 'End now instead of at the end of the paid period', default: false })
  @IsOptional()
  @IsBoolean()
  immediately?: boolean;
}

export class SubscriptionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'subscriptionId must be a UUID' })
  subscriptionId: string;
}

export class ListSubscriptionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PlanKey, enumName: 'PlanKey' })
  @IsOptional()
  @IsEnum(PlanKey, { message: `planKey must be one of: ${Object.values(PlanKey).join(', ')}` })
  planKey?: PlanKey;

  @ApiPropertyOptional({ enum: SubscriptionStatus, enumName: 'SubscriptionStatus' })
  @IsOptional()
  @IsEnum(SubscriptionStatus, { message: `status must be one of: ${Object.values(SubscriptionStatus).join(', ')}` })
  status?: SubscriptionStatus;

  @ApiPropertyOptional({ enum: [Role.Parent, Role.Childminder] })
  @IsOptional()
  @IsIn([Role.Parent, Role.Childminder], { message: 'role must be parent or childminder' })
  role?: Role;

  @ApiPropertyOptional({ format: 'date-time', description: 'Renews (period ends) at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'renewsFrom must be a date' })
  renewsFrom?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Renews (period ends) at or before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'renewsTo must be a date' })
  renewsTo?: Date;
}

export class AdminUpdateSubscriptionDto {
  @ApiPropertyOptional({ enum: PAID_PLAN_KEYS })
  @IsOptional()
  @IsIn(PAID_PLAN_KEYS, { message: `planKey must be one of: ${PAID_PLAN_KEYS.join(', ')}` })
  planKey?: PaidPlanKey;

  @ApiPropertyOptional({ enum: BillingInterval, enumName: 'BillingInterval' })
  @IsOptional()
  @IsEnum(BillingInterval, { message: 'interval must be month or year' })
  interval?: BillingInterval;

  @ApiPropertyOptional({ format: 'date-time', description: 'New trial end (trialing subscriptions only)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'trialEnd must be a date' })
  trialEnd?: Date;
}

export class AdminCancelSubscriptionDto extends CancelSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'subscriptionId must be a UUID' })
  subscriptionId: string;
}

export class AdminRefundDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'subscriptionId must be a UUID' })
  subscriptionId: string;

  @ApiPropertyOptional({ description: 'Pence to refund of the latest payment; the whole remainder if absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  amountPence?: number;
}
