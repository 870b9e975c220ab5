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
