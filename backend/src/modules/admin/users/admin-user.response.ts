import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { Role } from '@app/common/auth/role';
import { ActivityEntryResponse } from '@app/modules/activity/dto/activity-entry.response';
import type { AuthSession } from '@app/modules/auth/entities/auth-session.entity';
import { AdminSubscriptionResponse } from '@app/modules/subscriptions/dto/subscription.response';
import { type User, UserStatus } from '@app/modules/users/entities/user.entity';

/** A user as admins see them: never the password hash or the two-factor secret. */
export class AdminUserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ enum: UserStatus, enumName: 'UserStatus' }) status: UserStatus;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode: string | null;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty({ type: String, nullable: true }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
}

export class AdminUserPageResponse extends PageResponse {
  @ApiProperty({ type: [AdminUserResponse] }) items: AdminUserResponse[];
}

export class AdminSessionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt: string | null;
  @ApiProperty() expiresAt: string;
}

export class AdminUserDetailResponse {
  @ApiProperty({ type: AdminUserResponse }) user: AdminUserResponse;
  @ApiProperty({ type: [ActivityEntryResponse], description: 'The 20 most recent account events' })
  activity: ActivityEntryResponse[];
  @ApiProperty({ type: [AdminSessionResponse], description: 'Where the user is signed in now' })
  sessions: AdminSessionResponse[];
  @ApiProperty({ description: 'Bookings as parent or childminder, by status', example: { confirmed: 2 } })
  bookings: Record<string, number>;
  @ApiProperty({ description: 'Documents by status', example: { pending: 1, approved: 3 } })
  documents: Record<string, number>;
  @ApiPropertyOptional({ type: AdminSubscriptionResponse, nullable: true })
  subscription: AdminSubscriptionResponse | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Open support tickets; null while no support module provides them',
  })
  openTickets: number | null;
}

export const toAdminUserResponse = (user: User): AdminUserResponse => ({
  id: user.id,
  email: user.email,
  role: user.role,
  status: user.status,
  firstName: user.firstName,
  lastName: user.lastName,
  displayName: user.displayName,
  phone: user.phone,
  postcode: user.postcode,
  emailVerified: user.emailVerified,
  twoFactorEnabled: user.twoFactorEnabled,
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});

export const toAdminSessionResponse = (session: AuthSession): AdminSessionResponse => ({
  id: session.id,
  ip: session.ip,
  userAgent: session.userAgent,
  createdAt: session.createdAt.toISOString(),
  lastUsedAt: session.lastUsedAt?.toISOString() ?? null,
  expiresAt: session.expiresAt.toISOString(),
});
