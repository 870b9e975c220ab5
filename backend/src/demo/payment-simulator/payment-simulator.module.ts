import { Module } from '@nestjs/common';
import { PaymentSimulatorController } from './payment-simulator.controller';
import { PaymentSimulatorService } from './payment-simulator.service';
import { SimulatedBillingGateway } from './simulated-billing-gateway';

/**
 * The payment simulator: without Stripe keys, checkout leads to a test-mode page in the app whose
 * "Pay" sends signed, Stripe-shaped webhooks to the real handler. Imported (through DemoModule)
 * only outside production; the subscriptions module is global, so its services need no import.
 */
@Module({
  controllers: [PaymentSimulatorController],
  providers: [SimulatedBillingGateway, PaymentSimulatorService],
})
export class PaymentSimulatorModule {}
