import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthContext } from '@app/common/auth/auth-context';
import { AppConfig } from '@app/config/app-config';
import { UserStatus } from '@app/modules/users/entities/user.entity';
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
      secretOrKey: config.auth.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthContext | false> {
    if (claims.typ !== 'access' || !claims.sid || !claims.sub) return false;
    const active = await this.sessions.findActive(claims.sid, claims.sub);
    if (!active || active.user.status !== UserStatus.Active) return false;
    return { userId: active.user.id, role: active.user.role, sessionId: claims.sid, email: active.user.email };
  }
}
