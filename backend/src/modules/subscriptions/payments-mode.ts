/** How payments are taken: Stripe, the payment simulator (never in production), or not at all. */
export enum PaymentsMode {
  Stripe = 'stripe',
  Simulator = 'simulator',
  NotSetUp = 'not_set_up',
}
