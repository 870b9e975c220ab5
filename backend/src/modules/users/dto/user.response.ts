import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@app/common/auth/role';
import { User } from '../entities/user.entity';

/** What anyone may know about the signed-in user: never the hash, the 2FA secret or internals. */
export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() displayName: string;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The photo shown as the avatar, if any' })
  avatarUrl: string | null;
}

export class ProfileResponse extends UserResponse {
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SW1A 1AA' }) postcode: string | null;
}

export const toUserResponse = (user: User): UserResponse => ({
  id: user.id,
  email: user.email,
  role: user.role,
  firstName: user.firstName,
  lastName: user.lastName,
  displayName: user.displayName,
  emailVerified: user.emailVerified,
  twoFactorEnabled: user.twoFactorEnabled,
  createdAt: user.createdAt.toISOString(),
  avatarUrl: user.avatarUrl ?? null,
});

export const toProfileResponse = (user: User): ProfileResponse => ({
  ...toUserResponse(user),
  phone: user.phone,
  postcode: user.postcode,
});
