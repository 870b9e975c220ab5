import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { AdminSubscriptionsService } from './admin-subscriptions.service';
import {
  AdminCancelSubscriptionDto,
  AdminRefundDto,
  AdminUpdateSubscriptionDto,
  ListSubscriptionsQuery,
  SubscriptionIdParams,
} from './dto/subscription.dto';
import {
  AdminSubscriptionDetailResponse,
  AdminSubscriptionPageResponse,
  BillingSetupResponse,
  PaymentResponse,
} from './dto/subscription.response';

@ApiTags('Admin subscriptions')
@Controller('admin/subscriptions')
export class AdminSubscriptionsController {
  constructor(private readonly subscriptions: AdminSubscriptionsService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Subscriptions, newest first; filter by plan, status, role and renewal date' })
  @ApiOkResponse({ type: AdminSubscriptionPageResponse })
  list(@Query() query: ListSubscriptionsQuery) {
    return this.subscriptions.list(query);
  }

  @Get('setup')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'How payments are taken, and the settings still missing before paid plans can be sold' })
  @ApiOkResponse({ type: BillingSetupResponse })
  setup() {
    return this.subscriptions.setup();
  }

  // Declared before ':subscriptionId' so that "cancel" and "refund" are never taken for an id.
  @Post('cancel')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a subscription at period end or immediately (audited)' })
  @ApiOkResponse({ type: AdminSubscriptionDetailResponse })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  @ApiConflictResponse({
    description: 'Already ended, or Stripe no longer has it (SUBSCRIPTION_GONE_AT_PAYMENT_PROVIDER)',
  })
  cancel(@Auth() auth: AuthContext, @Body() dto: AdminCancelSubscriptionDto, @ReqMeta() meta: RequestMeta) {
    return this.subscriptions.cancel(auth, dto, meta);
  }

  @Post('refund')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Refund the latest payment fully or partly through Stripe (audited)' })
  @ApiOkResponse({ type: PaymentResponse })
  @ApiBadRequestResponse({ description: 'More than is left to refund' })
  @ApiConflictResponse({ description: 'Nothing to refund' })
  refund(@Auth() auth: AuthContext, @Body() dto: AdminRefundDto, @ReqMeta() meta: RequestMeta) {
    return this.subscriptions.refund(auth, dto, meta);
  }

  @Get(':subscriptionId')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'One subscription with its payment history' })
  @ApiOkResponse({ type: AdminSubscriptionDetailResponse })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  get(@Param() params: SubscriptionIdParams) {
    return this.subscriptions.get(params.subscriptionId);
  }

  @Patch(':subscriptionId')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Change plan (no proration charge) or extend the trial (audited)' })
  @ApiOkResponse({ type: AdminSubscriptionDetailResponse })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  update(
    @Auth() auth: AuthContext,
    @Param() params: SubscriptionIdParams,
    @Body() dto: AdminUpdateSubscriptionDto,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.subscriptions.update(auth, params.subscriptionId, dto, meta);
  }
}
