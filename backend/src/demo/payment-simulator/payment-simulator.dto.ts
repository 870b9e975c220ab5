import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { BillingInterval, PlanKey } from '@app/modules/subscriptions/plans';

export class SimulatorSessionParams {
  @ApiProperty({ description: 'The simulated checkout session id (cs_sim_...)' })
  @IsString()
  @MaxLength(2000)
  @Matches(/^cs_sim_[A-Za-z0-9_.-]+$/, { message: 'sessionId must be a simulated checkout session id' })
  sessionId: string;
}

export class SimulatorSessionResponse {
  @ApiProperty() sessionId: string;
  @ApiProperty({ enum: PlanKey, enumName: 'PlanKey' }) planKey: PlanKey;
  @ApiProperty() planName: string;
  @ApiProperty({ enum: BillingInterval, enumName: 'BillingInterval' }) interval: BillingInterval;
  @ApiProperty() amountPence: number;
  @ApiProperty() trialDays: number;
  @ApiProperty() testMode: true;
}

export class SimulatorResultResponse {
  @ApiProperty({ enum: ['paid', 'declined'] }) outcome: 'paid' | 'declined';
  @ApiProperty({ description: 'Where the page sends the browser next' }) redirectUrl: string;
}
