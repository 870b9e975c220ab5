import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { ChildIdParams } from './dto/child-id.params';
import { ChildPageResponse, ChildResponse } from './dto/child.response';
import { CreateChildDto } from './dto/create-child.dto';
import { UpdateChildDto } from './dto/update-child.dto';
import { ChildrenService } from './children.service';

/**
 * A parent's own children. Childminders (while a booking for the child is confirmed or in
 * progress) and admins will read children through the bookings and admin routes, with the rule
 * in `ChildrenService.requireChildAccess`; these routes stay parent-only.
 */
@ApiTags('Parent dashboard')
@Controller('dashboard/parent/children')
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @Get()
  @Authenticated({ roles: [Role.Parent] })
  @ApiOperation({ summary: 'My children, oldest first' })
  @ApiOkResponse({ type: ChildPageResponse })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range' })
  list(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.children.list(auth, query);
  }

  @Post()
  @Authenticated({ roles: [Role.Parent] })
  @ApiOperation({ summary: 'Add a child' })
  @ApiCreatedResponse({ type: ChildResponse })
  @ApiBadRequestResponse({ description: 'A field is missing, unknown or not acceptable (named in details)' })
  @ApiConflictResponse({ description: 'The account already has the most children allowed' })
  create(@Auth() auth: AuthContext, @Body() dto: CreateChildDto) {
    return this.children.create(auth, dto);
  }

  @Get(':id')
  @Authenticated({ roles: [Role.Parent] })
  @ApiOperation({ summary: 'One of my children' })
  @ApiOkResponse({ type: ChildResponse })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such child, or not yours' })
  get(@Auth() auth: AuthContext, @Param() params: ChildIdParams) {
    return this.children.get(auth, params.id);
  }

  @Patch(':id')
  @Authenticated({ roles: [Role.Parent] })
  @ApiOperation({ summary: "Change a child's details; absent fields stay as they are, null clears a note" })
  @ApiOkResponse({ type: ChildResponse })
  @ApiBadRequestResponse({ description: 'A field is unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such child, or not yours' })
  update(@Auth() auth: AuthContext, @Param() params: ChildIdParams, @Body() dto: UpdateChildDto) {
    return this.children.update(auth, params.id, dto);
  }

  @Delete(':id')
  @Authenticated({ roles: [Role.Parent] })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a child from my account' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such child, or not yours' })
  remove(@Auth() auth: AuthContext, @Param() params: ChildIdParams) {
    return this.children.remove(auth, params.id);
  }
}
