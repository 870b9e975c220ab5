import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponse } from '@app/modules/users/dto/user.response';
import { Role } from '@app/common/auth/role';

export class MessageResponse {
  @ApiProperty() message: string;
}

export class RegisterResponse extends MessageResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiPropertyOptional({
    description: 'true: the security settings require this admin to set up two-factor authentication now',
  })
  twoFactorSetupRequired?: boolean;
}

export class TwoFactorChallengeResponse {
  @ApiProperty({ enum: [true] }) twoFactorRequired: true;
  @ApiProperty({ description: 'Send with the code to POST /api/auth/login/2fa; valid for 5 minutes' })
  challengeToken: string;
}

export class SessionInfo {
  @ApiProperty() id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
}

export class SessionResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiProperty({ type: SessionInfo }) session: SessionInfo;
}

export class DemoAccount {
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty() label: string;
  @ApiProperty() email: string;
  @ApiProperty() password: string;
}

export class DemoAccountsResponse {
  @ApiProperty() demoMode: boolean;
  @ApiProperty({ type: [DemoAccount] }) accounts: DemoAccount[];
}

export class TwoFactorStatusResponse {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: String, nullable: true }) enabledAt: string | null;
  @ApiProperty() recoveryCodesRemaining: number;
}

export class TwoFactorSetupResponse {
  @ApiProperty({ description: 'Base32 secret for manual entry' }) secret: string;
  @ApiProperty() otpauthUrl: string;
  @ApiProperty({ description: 'PNG QR code as a data: URL' }) qrCodeDataUrl: string;
}

export class TwoFactorEnabledResponse {
  @ApiProperty({ enum: [true] }) enabled: true;
  @ApiProperty({ type: [String], description: 'Shown once: each signs in once without the app' })
  recoveryCodes: string[];
}

export class TwoFactorDisabledResponse {
  @ApiProperty({ enum: [false] }) enabled: false;
}
