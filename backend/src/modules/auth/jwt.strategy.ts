import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthContext } from '@app/common/auth/auth-context';
import { AppConfig } from '@app/config/app-config';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './access-tokens.service';
import { SessionsService } from './sessions/sessions.service';

/**
 * Accepts only HS256 tokens we signed (an allow-list, so `alg: none` and algorithm confusion
 * fail), then checks the session is still live and the account active, so logout, a password
 * reset or a suspension takes effect on the next request rather than when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A secret key object: given a string, jsonwebtoken first tries it as a public key (and
      // fails) on every verification. passport-jwt passes it on to jsonwebtoken untouched; only
      // its type declaration is narrower (string | Buffer).
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthContext | false> {
    if (claims.typ !== 'access' || !claims.sid || !claims.sub) return false;
    return (await this.sessions.liveCaller(claims.sid, claims.sub)) ?? false;
  }
}
