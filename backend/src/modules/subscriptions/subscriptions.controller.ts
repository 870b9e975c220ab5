import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, RawBodyRequest, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import { CancelSubscriptionDto, CreateCheckoutSessionDto, UpdateSubscriptionDto } from './dto/subscription.dto';
import {
  CheckoutSessionResponse,
  CheckSubscriptionResponse,
  CurrentSubscriptionResponse,
  FixSubscriptionsResponse,
  PlanResponse,
  ProrationPreviewResponse,
  PaymentsStatusResponse,
  SubscriptionResponse,
  WebhookReceivedResponse,
} from './dto/subscription.response';
import { SubscriptionsService } from './subscriptions.service';
import { StripeWebhookService } from './webhook/stripe-webhook.service';

const PAYING = [Role.Parent, Role.Childminder] as const;

@ApiTags('Subscriptions')
@Controller()
@ApiExtraModels(ProrationPreviewResponse, SubscriptionResponse)
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('subscription/plans')
  @Public()
  @ApiOperation({ summary: 'The plan catalogue for parents and childminders (prices in pence)' })
  @ApiOkResponse({ type: [PlanResponse] })
  plans() {
    return this.subscriptions.plans();
  }

  @Get('subscription/payments')
  @Public()
  @ApiOperation({ summary: 'Whether paid plans can be bought: Stripe, the test-mode simulator, or not set up' })
  @ApiOkResponse({ type: PaymentsStatusResponse })
  payments() {
    return this.subscriptions.payments();
  }

  @Get('subscription/current')
  @Authenticated({ roles: PAYING })
  @ApiOperation({ summary: 'The plan in force for the caller, their subscription and entitlements' })
  @ApiOkResponse({ type: CurrentSubscriptionResponse })
  current(@Auth() auth: AuthContext) {
    return this.subscriptions.current(auth);
  }

  @Post('subscription/update')
  @Authenticated({ roles: PAYING })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Change plan or interval: `preview: true` returns the prorated amount; then send without it',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(ProrationPreviewResponse) }, { $ref: getSchemaPath(SubscriptionResponse) }],
    },
  })
  @ApiConflictResponse({ description: 'No active plan, or already on this plan' })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateSubscriptionDto) {
    return this.subscriptions.update(auth, dto);
  }

  @Post('subscription/cancel')
  @Authenticated({ roles: PAYING })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel at the end of the paid period (default) or immediately' })
  @ApiOkResponse({ type: SubscriptionResponse })
  @ApiConflictResponse({
    description: 'No active plan, or Stripe no longer has the subscription (SUBSCRIPTION_GONE_AT_PAYMENT_PROVIDER)',
  })
  cancel(@Auth() auth: AuthContext, @Body() dto: CancelSubscriptionDto) {
    return this.subscriptions.cancel(auth, dto);
  }

  @Post('create-checkout-session')
  @Authenticated({ roles: PAYING })
  @ApiOperation({ summary: 'Start checkout for a paid plan; send the browser to the returned url' })
  @ApiOkResponse({ type: CheckoutSessionResponse })
  @ApiBadRequestResponse({ description: 'Unknown plan, or a plan for the other role' })
  @ApiConflictResponse({ description: 'Already subscribed: change plan instead' })
  @ApiServiceUnavailableResponse({ description: 'PAYMENTS_NOT_SET_UP: the server has no payment provider' })
  createCheckoutSession(@Auth() auth: AuthContext, @Body() dto: CreateCheckoutSessionDto) {
    return this.subscriptions.createCheckoutSession(auth, dto);
  }

  @Get('check-subscription')
  @Authenticated({ roles: PAYING })
  @ApiOperation({ summary: 'Whether the caller has an active (or trialing) paid plan' })
  @ApiOkResponse({ type: CheckSubscriptionResponse })
  check(@Auth() auth: AuthContext) {
    return this.subscriptions.check(auth);
  }

  @Get('fix-subscriptions')
  @Authenticated({ roles: PAYING })
  @ApiOperation({ summary: "Reconcile the caller's subscriptions with Stripe" })
  @ApiOkResponse({ type: FixSubscriptionsResponse })
  fix(@Auth() auth: AuthContext) {
    return this.subscriptions.fix(auth);
  }
}

@ApiTags('Subscriptions')
@Controller('webhooks')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Post('stripe')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stripe events, verified on the raw body (Stripe-Signature, 300 s tolerance)' })
  @ApiOkResponse({ type: WebhookReceivedResponse })
  @ApiBadRequestResponse({ description: 'Bad signature or stale timestamp' })
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string) {
    const outcome = await this.webhooks.receive(request.rawBody, signature);
    return { received: true, duplicate: outcome.duplicate };
  }
}
