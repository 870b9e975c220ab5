import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { MessageResponse } from '@app/modules/auth/dto/auth.response';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import {
  AdminUserIdParams,
  CreateAdminUserDto,
  DeleteAdminUserQuery,
  ListAdminUsersQuery,
  MakeAdminDto,
  SearchAdminUsersQuery,
  UpdateAdminUserDto,
} from './admin-user.dto';
import { AdminUserDetailResponse, AdminUserPageResponse, AdminUserResponse } from './admin-user.response';
import { AdminUsersService } from './admin-users.service';

@ApiTags('Admin users')
@Controller('admin')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get('users')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Users, with filters (role, status, verified, 2FA, created range), sort and paging' })
  @ApiOkResponse({ type: AdminUserPageResponse })
  list(@Query() query: ListAdminUsersQuery) {
    return this.users.list(query);
  }

  @Post('users')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Create a user; without a password they are emailed a link to choose one. Admin roles: super admins only',
  })
  @ApiCreatedResponse({ type: AdminUserResponse })
  @ApiConflictResponse({ description: 'The email address is taken' })
  create(@Auth() auth: AuthContext, @Body() dto: CreateAdminUserDto, @ReqMeta() meta: RequestMeta) {
    return this.users.create(auth, dto, meta);
  }

  // Declared before 'users/:id' so that "search" is never taken for an id.
  @Get('users/search')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Find users by name, email or postcode' })
  @ApiOkResponse({ type: AdminUserPageResponse })
  search(@Query() query: SearchAdminUsersQuery) {
    return this.users.search(query);
  }

  @Get('users/:id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'A user with their recent activity, sessions, bookings, subscription, documents, tickets' })
  @ApiOkResponse({ type: AdminUserDetailResponse })
  @ApiNotFoundResponse({ description: 'No such user' })
  get(@Param() params: AdminUserIdParams) {
    return this.users.get(params.id);
  }

  @Patch('users/:id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Edit profile fields, role or status; suspending signs the user out everywhere at once (audited)',
  })
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiForbiddenResponse({ description: 'SUPER_ADMIN_ONLY: admin roles and admin accounts are for super admins' })
  @ApiConflictResponse({ description: 'LAST_SUPER_ADMIN, OWN_ACCOUNT, USER_ERASED or EMAIL_TAKEN' })
  update(
    @Auth() auth: AuthContext,
    @Param() params: AdminUserIdParams,
    @Body() dto: UpdateAdminUserDto,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.update(auth, params.id, dto, meta);
  }

  @Delete('users/:id')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Erase a user (UK GDPR): personal data removed everywhere, files deleted, sessions ended (audited)',
  })
  @ApiNoContentResponse({ description: 'Erased; bookings and payments remain, anonymised' })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'LAST_SUPER_ADMIN, OWN_ACCOUNT or USER_ERASED' })
  erase(
    @Auth() auth: AuthContext,
    @Param() params: AdminUserIdParams,
    @Query() query: DeleteAdminUserQuery,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.erase(auth, params.id, query, meta);
  }

  @Post('users/:id/reset-password')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Email the user a password reset link (audited)' })
  @ApiOkResponse({ type: MessageResponse })
  @ApiNotFoundResponse({ description: 'No such user' })
  resetPassword(@Auth() auth: AuthContext, @Param() params: AdminUserIdParams, @ReqMeta() meta: RequestMeta) {
    return this.users.sendResetLink(auth, params.id, meta);
  }

  @Post('make-admin')
  @Authenticated({ roles: [Role.SuperAdmin] })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make a user an admin (or super admin): super admins only (audited)' })
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiNotFoundResponse({ description: 'No such user' })
  makeAdmin(@Auth() auth: AuthContext, @Body() dto: MakeAdminDto, @ReqMeta() meta: RequestMeta) {
    return this.users.makeAdmin(auth, dto, meta);
  }
}
