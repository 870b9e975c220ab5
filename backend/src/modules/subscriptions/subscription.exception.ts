import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum SubscriptionErrorCode {
  NotFound = 'SUBSCRIPTION_NOT_FOUND',
  NoActiveSubscription = 'SUBSCRIPTION_NONE_ACTIVE',
  AlreadySubscribed = 'SUBSCRIPTION_ALREADY_ACTIVE',
  PlanNotForRole = 'SUBSCRIPTION_PLAN_NOT_FOR_ROLE',
  PlanNotPaid = 'SUBSCRIPTION_PLAN_NOT_PAID',
  SamePlan = 'SUBSCRIPTION_SAME_PLAN',
  NotTrialing = 'SUBSCRIPTION_NOT_TRIALING',
  InvalidTrialEnd = 'SUBSCRIPTION_INVALID_TRIAL_END',
  NothingToRefund = 'SUBSCRIPTION_NOTHING_TO_REFUND',
  RefundTooLarge = 'SUBSCRIPTION_REFUND_TOO_LARGE',
  EntitlementRequired = 'ENTITLEMENT_REQUIRED',
  InvalidSignature = 'WEBHOOK_INVALID_SIGNATURE',
  CheckoutSessionNotFound = 'CHECKOUT_SESSION_NOT_FOUND',
  PaymentProviderFailed = 'PAYMENT_PROVIDER_FAILED',
  /** The payment provider has no such subscription any more (deleted there): nothing left to cancel. */
  GoneAtPaymentProvider = 'SUBSCRIPTION_GONE_AT_PAYMENT_PROVIDER',
  PaymentsNotSetUp = 'PAYMENTS_NOT_SET_UP',
  /** An erasure stopped before it began: the user's paid subscription could not be cancelled. */
  CancelBeforeErasureFailed = 'SUBSCRIPTION_CANCEL_BEFORE_ERASURE_FAILED',
}

export class SubscriptionException extends defineDomainException<SubscriptionErrorCode>('SubscriptionException', {
  [SubscriptionErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [SubscriptionErrorCode.NoActiveSubscription]: HttpStatus.CONFLICT,
  [SubscriptionErrorCode.AlreadySubscribed]: HttpStatus.CONFLICT,
  [SubscriptionErrorCode.PlanNotForRole]: HttpStatus.BAD_REQUEST,
  [SubscriptionErrorCode.PlanNotPaid]: HttpStatus.BAD_REQUEST,
  [SubscriptionErrorCode.SamePlan]: HttpStatus.CONFLICT,
  [SubscriptionErrorCode.NotTrialing]: HttpStatus.CONFLICT,
  [SubscriptionErrorCode.InvalidTrialEnd]: HttpStatus.BAD_REQUEST,
  [SubscriptionErrorCode.NothingToRefund]: HttpStatus.CONFLICT,
  [SubscriptionErrorCode.RefundTooLarge]: HttpStatus.BAD_REQUEST,
  [SubscriptionErrorCode.EntitlementRequired]: HttpStatus.PAYMENT_REQUIRED,
  [SubscriptionErrorCode.InvalidSignature]: HttpStatus.BAD_REQUEST,
  [SubscriptionErrorCode.CheckoutSessionNotFound]: HttpStatus.NOT_FOUND,
  [SubscriptionErrorCode.PaymentProviderFailed]: HttpStatus.BAD_GATEWAY,
  [SubscriptionErrorCode.GoneAtPaymentProvider]: HttpStatus.CONFLICT,
  [SubscriptionErrorCode.PaymentsNotSetUp]: HttpStatus.SERVICE_UNAVAILABLE,
  [SubscriptionErrorCode.CancelBeforeErasureFailed]: HttpStatus.BAD_GATEWAY,
}) {}

export const paymentsNotSetUp = () =>
  new SubscriptionException(
    SubscriptionErrorCode.PaymentsNotSetUp,
    'Payments are not set up yet, so paid plans cannot be bought. Please try again later.',
  );

export const subscriptionNotFound = () =>
  new SubscriptionException(SubscriptionErrorCode.NotFound, 'Subscription not found');
export const noActiveSubscription = () =>
  new SubscriptionException(
    SubscriptionErrorCode.NoActiveSubscription,
    'You have no active paid plan. Choose a plan to subscribe first.',
  );
