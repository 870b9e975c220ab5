import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { ConfiguredBillingGateway } from '@app/modules/subscriptions/gateway/configured-billing-gateway';
import { planByKey } from '@app/modules/subscriptions/plans';
import { SubscriptionErrorCode, SubscriptionException } from '@app/modules/subscriptions/subscription.exception';
import { SubscriptionsService } from '@app/modules/subscriptions/subscriptions.service';
import { SimulatorResultResponse, SimulatorSessionResponse } from './payment-simulator.dto';
import { SimulatedBillingGateway, SimulatedSession } from './simulated-billing-gateway';

/** The simulator's test-mode checkout page: what it shows, "Pay" and "Decline". */
@Injectable()
export class PaymentSimulatorService implements OnModuleInit {
  constructor(
    private readonly simulator: SimulatedBillingGateway,
    private readonly payments: ConfiguredBillingGateway,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  /** Takes payments in test mode when no Stripe key is configured (a no-op with Stripe). */
  onModuleInit(): void {
    this.payments.useSimulator(this.simulator);
  }

  async session(auth: AuthContext, sessionId: string): Promise<SimulatorSessionResponse> {
    const session = await this.requireSession(auth, sessionId);
    const plan = planByKey(session.planKey);
    return {
      sessionId,
      planKey: session.planKey,
      planName: plan.name,
      interval: session.interval,
      amountPence: plan.prices![session.interval],
      trialDays: session.trialDays,
      testMode: true,
    };
  }

  async pay(auth: AuthContext, sessionId: string): Promise<SimulatorResultResponse> {
    const session = await this.requireSession(auth, sessionId);
    if (await this.subscriptions.isSubscribed(auth.userId)) {
      throw new SubscriptionException(SubscriptionErrorCode.AlreadySubscribed, 'This checkout has already been paid');
    }
    await this.simulator.pay(sessionId, session);
    return {
      outcome: 'paid',
      redirectUrl: session.successUrl.replace('{CHECKOUT_SESSION_ID}', encodeURIComponent(sessionId)),
    };
  }

  async decline(auth: AuthContext, sessionId: string): Promise<SimulatorResultResponse> {
    const session = await this.requireSession(auth, sessionId);
    return { outcome: 'declined', redirectUrl: session.cancelUrl };
  }

  /** The caller's own unexpired session, signed by this server, while the simulator takes payments. */
  private async requireSession(auth: AuthContext, sessionId: string): Promise<SimulatedSession> {
    const active = this.payments.paymentsMode === 'simulator';
    const customerId = active ? await this.subscriptions.billingCustomerId(auth.userId) : null;
    const session = active ? this.simulator.readSession(sessionId, customerId) : null;
    if (!session || session.userId !== auth.userId) {
      throw new SubscriptionException(SubscriptionErrorCode.CheckoutSessionNotFound, 'Checkout session not found');
    }
    return session;
  }
}
