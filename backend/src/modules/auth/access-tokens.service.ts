import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Role } from '@app/common/auth/role';
import { AppConfig } from '@app/config/app-config';

export const JWT_ISSUER = 'childminder-connect';
export const JWT_ALGORITHM = 'HS256' as const;
const CHALLENGE_TTL_SECONDS = 5 * 60;

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  sid: string;
  typ: 'access';
}

interface ChallengeClaims {
  sub: string;
  typ: 'two_factor_challenge';
}

/** Signs and checks the JWTs the product issues: short-lived access tokens and 2FA challenges. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  signAccess(claims: Omit<AccessTokenClaims, 'typ'>): string {
    return this.jwt.sign({ ...claims, typ: 'access' }, { expiresIn: this.accessTokenTtlSeconds, jwtid: randomUUID() });
  }

  /** The proof, between the password step and the code step, that the password was right. */
  signChallenge(userId: string): string {
    return this.jwt.sign({ sub: userId, typ: 'two_factor_challenge' } satisfies ChallengeClaims, {
      expiresIn: CHALLENGE_TTL_SECONDS,
      jwtid: randomUUID(),
    });
  }

  /**
   * The session an access token was issued for, even once it has expired (its signature must
   * hold): enough to end that session at logout, never to authorize anything.
   */
  sessionOf(token: string): { userId: string; sessionId: string } | undefined {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        ignoreExpiration: true,
      });
      return claims.typ === 'access' ? { userId: claims.sub, sessionId: claims.sid } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The user id in a valid challenge token, or undefined. */
  verifyChallenge(token: string): string | undefined {
    try {
      const claims = this.jwt.verify<ChallengeClaims>(token, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER });
      return claims.typ === 'two_factor_challenge' ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
