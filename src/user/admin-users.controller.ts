import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { AuditLogDto } from './dto/audit-log.dto.js';
import {
  AuditLogQueryDto,
  CreatedUserDto,
  CreateUserDto,
  ListUsersQueryDto,
  PasswordResetDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserIdParamDto,
  UserPageDto,
} from './dto/user.dto.js';
import { UserAdminService } from './user-admin.service.js';

@ApiTags('admin')
@Auth('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UserAdminService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a user account and profile (temporary password generated when none is given)',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiErrors(400, 409)
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(admin, body);
  }

  @Get()
  @ApiOperation({ summary: 'List users with their e-mail addresses' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(400)
  list(@CurrentUser() admin: AuthUser, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(admin, query);
  }

  @Put(':id')
  @ApiOperation({ summary: "Change a user's role, names, access level or active flag" })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  update(
    @CurrentUser() admin: AuthUser,
    @Param() params: UserIdParamDto,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(admin, params.id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: "Set a user's password (generated and shown once when none is given)" })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiErrors(400, 404)
  resetPassword(
    @CurrentUser() admin: AuthUser,
    @Param() params: UserIdParamDto,
    @Body() body: ResetPasswordDto,
  ): Promise<PasswordResetDto> {
    return this.users.resetPassword(admin, params.id, body.new_password);
  }

  @Get(':id/audit-log')
  @ApiOperation({ summary: 'Audit entries about a user, newest first' })
  @ApiOkResponse({ type: AuditLogDto })
  @ApiErrors(400)
  auditLog(
    @CurrentUser() admin: AuthUser,
    @Param() params: UserIdParamDto,
    @Query() query: AuditLogQueryDto,
  ): Promise<AuditLogDto> {
    return this.users.auditLog(admin, params.id, query.limit);
  }
}
