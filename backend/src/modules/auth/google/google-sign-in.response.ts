import { ApiProperty } from '@nestjs/swagger';

export class SignInProvidersResponse {
  @ApiProperty({ description: 'true: "Sign in with Google" is set up on this server' })
  google: boolean;
}

export enum PendingGoogleStep {
  /** A new person: choose parent or childminder. */
  ChooseRole = 'choose_role',
  /** An account with this address exists: its password (and 2FA code) links Google to it. */
  Link = 'link',
}

export class PendingGoogleSignInResponse {
  @ApiProperty({ enum: PendingGoogleStep, enumName: 'PendingGoogleStep' }) step: PendingGoogleStep;
  @ApiProperty({ description: 'The Google account’s verified address' }) email: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

/** Account settings: Google sign-in for the signed-in user. */
export class GoogleLinkStatusResponse {
  @ApiProperty({ description: 'true: "Sign in with Google" is set up on this server' }) configured: boolean;
  @ApiProperty({ description: 'A Google account signs me in' }) linked: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The linked Google account’s address' })
  googleEmail: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) linkedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt: string | null;
  @ApiProperty({
    description:
      'Unlinking is allowed: false while the account has no password of my choosing (created through Google), ' +
      'which a password reset sets',
  })
  canUnlink: boolean;
}
