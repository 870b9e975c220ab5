import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '@app/config/app-config';
import { UsersModule } from '@app/modules/users/users.module';
import { AccountLinks } from './account-links.service';
import { AccessTokens, JWT_ALGORITHM, JWT_ISSUER } from './access-tokens.service';
import { AccountSecurityController } from './account-security.controller';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountTokensService } from './account-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AccountToken } from './entities/account-token.entity';
import { DeviceCookie } from './device-cookie';
import { EmailRequestLimit } from './email-request-limit';
import { AuthSession } from './entities/auth-session.entity';
import { RecoveryCode } from './entities/recovery-code.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { IdentityConfirmation } from './identity-confirmation.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password/password-hasher';
import { PasswordPolicy } from './password/password-policy.service';
import { RefreshCookie } from './refresh-cookie';
import { SessionCache } from './sessions/session-cache';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { RecoveryCodesRepository } from './two-factor/recovery-codes.repository';
import { TwoFactorService } from './two-factor/two-factor.service';
import { AuthPersonalData } from './auth.personal-data';
import { GoogleIdentity } from './entities/google-identity.entity';
import { GooglePendingSignIn } from './entities/google-pending-sign-in.entity';
import { GoogleSignInState } from './entities/google-sign-in-state.entity';
import { GoogleIdentityGateway } from './google/google-identity.gateway';
import { GoogleSignInController } from './google/google-sign-in.controller';
import { GoogleSignInRepository } from './google/google-sign-in.repository';
import { GoogleSignInService } from './google/google-sign-in.service';
import { GoogleStateCookie } from './google/google-state-cookie';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AuthSession,
      RefreshToken,
      AccountToken,
      RecoveryCode,
      GoogleIdentity,
      GoogleSignInState,
      GooglePendingSignIn,
    ]),
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, so neither signing nor verifying re-parses the secret on each call.
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController, AccountSecurityController, GoogleSignInController],
  providers: [
    AuthPersonalData,
    AuthService,
    AccessTokens,
    AccountLinks,
    AccountTokensRepository,
    AccountTokensService,
    DeviceCookie,
    EmailRequestLimit,
    GoogleIdentityGateway,
    GoogleSignInRepository,
    GoogleSignInService,
    GoogleStateCookie,
    IdentityConfirmation,
    JwtStrategy,
    LoginThrottle,
    PasswordHasher,
    PasswordPolicy,
    RecoveryCodesRepository,
    SessionsRepository,
    RefreshCookie,
    SessionCache,
    SessionsService,
    TwoFactorService,
  ],
  exports: [PasswordHasher, PasswordPolicy, SessionsService, AccountLinks, IdentityConfirmation],
})
export class AuthModule {}
