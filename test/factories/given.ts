import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, STAFF_ROLES } from '@app/common/auth/role';
import { PasswordHasher } from '@app/modules/auth/password/password-hasher';
import { PRIVACY_NOTICE_VERSION } from '@app/modules/privacy/privacy-notice';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { BillingInterval, PlanKey } from '@app/modules/subscriptions/plans';
import { ChatStatus, User, UserStatus } from '@app/modules/users/entities/user.entity';

export interface GivenUserOptions {
  role?: Role;
  verified?: boolean;
  password?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  postcode?: string | null;
  /** A paid plan the user is on (an active monthly subscription), e.g. Plus to start conversations. */
  plan?: PlanKey;
}

export interface SignedInUser {
  user: User;
  email: string;
  password: string;
  accessToken: string;
  /** The refresh cookie as the browser would send it back: `cmc_refresh=...`. */
  refreshCookie: string;
  /** Headers for an authenticated request. */
  auth: { Authorization: string };
}

let sequence = 0;
/** A unique, valid address per call, so test files never collide in the shared database. */
export const uniqueEmail = (label = 'user') =>
  `${label}.${Date.now().toString(36)}.${++sequence}.${randomUUID().slice(0, 6)}@example.com`;

export const DEFAULT_PASSWORD = 'correct horse battery staple';

/** Test data factories: `given.parent()`, `given.signedIn(Role.Admin)`. */
export class Given {
  private hashes = new Map<string, Promise<string>>();

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly http: () => ReturnType<typeof request>,
  ) {}

  async user(options: GivenUserOptions = {}): Promise<{ user: User; email: string; password: string }> {
    const role = options.role ?? Role.Parent;
    const password = options.password ?? DEFAULT_PASSWORD;
    const email = (options.email ?? uniqueEmail(role)).toLowerCase();
    // Hashing is deliberately slow; tests reuse one hash per password.
    if (!this.hashes.has(password)) this.hashes.set(password, this.app.get(PasswordHasher).hash(password));
    const user = Object.assign(new User(), {
      email,
      passwordHash: await this.hashes.get(password)!,
      role,
      status: UserStatus.Active,
      firstName: options.firstName ?? 'Test',
      lastName: options.lastName ?? role.replace('_', ' '),
      phone: null,
      postcode: options.postcode === undefined ? null : options.postcode,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      twoFactorSecretEncrypted: null,
      twoFactorEnabledAt: null,
      twoFactorLastStep: null,
      chatStatus: STAFF_ROLES.includes(role) ? ChatStatus.Offline : null,
      lastLoginAt: null,
      // As registration records it: the person agreed to the current privacy notice.
      privacyConsentAt: new Date(),
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      avatarUrl: null,
    });
    await this.app.get(DataSource).getRepository(User).insert(user);
    if (options.plan) await this.plan(user.id, options.plan);
    return { user, email, password };
  }

  /**
   * Puts a user on a paid plan directly, as an active monthly subscription (for stories about
   * other features that need an entitlement, e.g. a Plus parent starting a conversation).
   */
  async plan(userId: string, planKey: PlanKey): Promise<Subscription> {
    const row = Object.assign(new Subscription(), {
      userId,
      planKey,
      interval: BillingInterval.Month,
      status: SubscriptionStatus.Active,
      stripeCustomerId: `cus_given_${userId}`,
      stripeSubscriptionId: `sub_given_${userId}_${Date.now()}_${++sequence}`,
      stripePriceId: `price_given_${planKey}`,
      currentPeriodEnd: new Date(Date.now() + 30 * 24 * 3600_000),
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      hasPaymentMethod: true,
      lastEventCreated: 0,
      renewalReminderFor: null,
      trialReminderFor: null,
    });
    await this.app.get(DataSource).getRepository(Subscription).insert(row);
    return row;
  }

  parent(options: Omit<GivenUserOptions, 'role'> = {}) {
    return this.user({ ...options, role: Role.Parent });
  }

  childminder(options: Omit<GivenUserOptions, 'role'> = {}) {
    return this.user({ ...options, role: Role.Childminder });
  }

  /** A user who has signed in through the API, holding an access token and a refresh cookie. */
  async signedIn(role: Role = Role.Parent, options: Omit<GivenUserOptions, 'role'> = {}): Promise<SignedInUser> {
    const { user, email, password } = await this.user({ ...options, role });
    return { user, email, password, ...(await this.login(email, password)) };
  }

  async login(email: string, password: string): Promise<Pick<SignedInUser, 'accessToken' | 'refreshCookie' | 'auth'>> {
    const response = await this.http().post('/api/auth/login').send({ email, password });
    if (response.status !== 200 || !response.body.accessToken) {
      throw new Error(`Login failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return {
      accessToken: response.body.accessToken,
      refreshCookie: refreshCookieFrom(response.headers['set-cookie']),
      auth: { Authorization: `Bearer ${response.body.accessToken}` },
    };
  }
}

/** Picks the refresh cookie (name=value) out of a Set-Cookie header. */
export function refreshCookieFrom(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('cmc_refresh='));
  if (!cookie) throw new Error('No refresh cookie was set');
  return cookie.split(';')[0]!;
}
