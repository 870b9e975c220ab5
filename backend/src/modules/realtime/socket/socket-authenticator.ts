import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthContext } from '@app/common/auth/auth-context';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from '@app/modules/auth/access-tokens.service';
import { SessionsService } from '@app/modules/auth/sessions/sessions.service';
import { UserStatus } from '@app/modules/users/entities/user.entity';

/** The same checks as the HTTP JwtStrategy, for a token given in the socket.io handshake. */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  async authenticate(token: unknown): Promise<AuthContext | undefined> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return undefined;
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token.replace(/^Bearer\s+/i, ''), {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
      });
    } catch {
      return undefined;
    }
    if (claims.typ !== 'access' || !claims.sid || !claims.sub) return undefined;
    const active = await this.sessions.findActive(claims.sid, claims.sub);
    if (!active || active.user.status !== UserStatus.Active) return undefined;
    return { userId: active.user.id, role: active.user.role, sessionId: claims.sid, email: active.user.email };
  }
}
