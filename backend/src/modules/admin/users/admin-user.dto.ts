import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsIn, IsOptional, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { IsNormalisedEmail, IsPasswordInput, IsShortText, IsUkPostcode } from '@app/common/validation/validators';
import { UserStatus } from '@app/modules/users/entities/user.entity';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const USER_SORTS = ['createdAt', 'lastLoginAt', 'email', 'lastName'] as const;

export class ListAdminUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: UserStatus, enumName: 'UserStatus' })
  @IsOptional()
  @IsEnum(UserStatus, { message: `status must be one of: ${Object.values(UserStatus).join(', ')}` })
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'Email address confirmed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({ description: 'Two-factor authentication on' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  twoFactor?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'createdFrom must be a date' })
  createdFrom?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'createdTo must be a date' })
  createdTo?: Date;

  @ApiPropertyOptional({ maxLength: 100, description: 'Name, email or postcode (each word matches the start)' })
  @IsOptional()
  @IsShortText(100)
  q?: string;

  @ApiPropertyOptional({ enum: USER_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(USER_SORTS, { message: `sort must be one of: ${USER_SORTS.join(', ')}` })
  sort: (typeof USER_SORTS)[number] = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order: 'asc' | 'desc' = 'desc';
}

export class SearchAdminUsersQuery extends PageQuery {
  @ApiProperty({ maxLength: 100, description: 'Name, email or postcode' })
  @IsShortText(100)
  q: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;
}

export class AdminUserIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

const PHONE = /^\+?[0-9 ()-]{7,20}$/;

export class CreateAdminUserDto {
  @ApiProperty() @IsNormalisedEmail() email: string;
  @ApiProperty({ maxLength: 100 }) @IsShortText(100) firstName: string;
  @ApiProperty({ maxLength: 100 }) @IsShortText(100) lastName: string;

  @ApiProperty({ enum: Role, enumName: 'Role', description: 'Admins and super admins only by a super admin' })
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ example: '07700 900123' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number such as 07700 900123' })
  phone?: string;

  @ApiPropertyOptional({ example: 'SW1A 1AA' })
  @IsOptional()
  @IsUkPostcode()
  postcode?: string;

  @ApiPropertyOptional({
    description: 'An initial password; without one the user is emailed a link to choose their own',
  })
  @IsOptional()
  @IsPasswordInput()
  password?: string;
}

export class UpdateAdminUserDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsShortText(100) firstName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsShortText(100) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsNormalisedEmail() email?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE, { message: 'phone must be a telephone number such as 07700 900123' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUkPostcode()
  postcode?: string | null;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role', description: 'To or from an admin role: super admins only' })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({
    enum: [UserStatus.Active, UserStatus.Suspended],
    description: 'suspended: signs the user out everywhere at once and blocks sign-in; active: reactivates',
  })
  @IsOptional()
  @IsIn([UserStatus.Active, UserStatus.Suspended], { message: 'status must be active or suspended' })
  status?: UserStatus.Active | UserStatus.Suspended;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsShortText(500)
  reason?: string;

  @ApiPropertyOptional({ description: 'Mark the email address as confirmed' })
  @IsOptional()
  @IsBoolean()
  emailVerified?: boolean;
}

export class MakeAdminDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiPropertyOptional({ enum: [Role.Admin, Role.SuperAdmin], default: Role.Admin })
  @IsOptional()
  @IsIn([Role.Admin, Role.SuperAdmin], { message: 'role must be admin or super_admin' })
  role: Role.Admin | Role.SuperAdmin = Role.Admin;
}

export class DeleteAdminUserQuery {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why (kept in the audit log)' })
  @IsOptional()
  @MaxLength(500)
  reason?: string;
}
