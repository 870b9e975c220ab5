import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import { SimulatorResultResponse, SimulatorSessionParams, SimulatorSessionResponse } from './payment-simulator.dto';
import { PaymentSimulatorService } from './payment-simulator.service';

const PAYING = [Role.Parent, Role.Childminder] as const;

/** The test-mode checkout page's routes: they do not exist in production. */
@ApiTags('Subscriptions')
@Controller('subscription/simulator')
export class PaymentSimulatorController {
  constructor(private readonly simulator: PaymentSimulatorService) {}

  @Get(':sessionId')
  @Authenticated({ roles: PAYING })
  @ApiOperation({ summary: 'Test mode only (never in production): what the simulated checkout page shows' })
  @ApiOkResponse({ type: SimulatorSessionResponse })
  @ApiNotFoundResponse({ description: 'No such session for the caller, or Stripe is configured' })
  simulatorSession(@Auth() auth: AuthContext, @Param() params: SimulatorSessionParams) {
    return this.simulator.session(auth, params.sessionId);
  }

  @Post(':sessionId/pay')
  @Authenticated({ roles: PAYING })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Test mode only: pay; signed events go through the Stripe webhook handler' })
  @ApiOkResponse({ type: SimulatorResultResponse })
  @ApiNotFoundResponse({ description: 'No such session for the caller, or Stripe is configured' })
  simulatorPay(@Auth() auth: AuthContext, @Param() params: SimulatorSessionParams) {
    return this.simulator.pay(auth, params.sessionId);
  }

  @Post(':sessionId/decline')
  @Authenticated({ roles: PAYING })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Test mode only: decline the payment; nothing changes' })
  @ApiOkResponse({ type: SimulatorResultResponse })
  @ApiNotFoundResponse({ description: 'No such session for the caller, or Stripe is configured' })
  simulatorDecline(@Auth() auth: AuthContext, @Param() params: SimulatorSessionParams) {
    return this.simulator.decline(auth, params.sessionId);
  }
}
