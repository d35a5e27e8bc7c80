import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, ApiJsonBody, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import { AuditLogDto, AuditLogQueryDto } from './dto/audit-log.dto.js';
import {
  CreateUserDto,
  ListUsersQueryDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserIdParamDto,
} from './dto/user-request.dto.js';
import { CreatedUserDto, PasswordResetDto, UpdatedUserDto, UserPageDto } from './dto/user-response.dto.js';
import { ApiValidation422 } from './original-api.decorators.js';
import { UserAdminService } from './user-admin.service.js';
import { UserPasswordService } from './user-password.service.js';

/**
 * User administration. Create, update, reset-password and audit-log are the original's routes
 * under /admin/users, taking its client's bodies; their validation failures answer 422.
 */
@ApiTags('admin')
@Auth('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly users: UserAdminService,
    private readonly passwords: UserPasswordService,
  ) {}

  @Post()
  @OriginalValidationStatus()
  @ApiOperation({
    summary: 'Create a user account and profile (temporary password generated when none is given)',
    description:
      'A chosen password (custom_password) must have at least 8 characters (400 password_too_short). ' +
      'notify_user, delivery_method and admin_note are recorded in the audit entry; no e-mail is sent.',
  })
  @ApiJsonBody(
    CreateUserDto,
    { email: 'therapist@example.org', role: 'therapist', first_name: 'Ada', last_name: 'Peeters' },
    'A therapist; no password given, so one is generated and shown once in the answer',
  )
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiErrors(400, ERR.passwordTooShort, ERR.emailTaken)
  @ApiValidation422()
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
  @OriginalValidationStatus()
  @ApiOperation({ summary: "Change a user's role, names, institution, access level or active flag" })
  @ApiOkResponse({ type: UpdatedUserDto })
  @ApiErrors(ERR.userNotFound, ERR.cannotDemoteSelf)
  @ApiValidation422()
  update(
    @CurrentUser() admin: AuthUser,
    @Param() params: UserIdParamDto,
    @Body() body: UpdateUserDto,
  ): Promise<UpdatedUserDto> {
    return this.users.update(admin, params.id, body);
  }

  @Post(':id/reset-password')
  @OriginalValidationStatus()
  @HttpCode(200)
  @ApiOperation({
    summary: "Set a user's password (generated and shown once when none is given)",
    description: 'new_password must have at least 8 characters (400 password_too_short).',
  })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiErrors(400, ERR.passwordTooShort, ERR.userNotFound)
  @ApiValidation422()
  resetPassword(
    @CurrentUser() admin: AuthUser,
    @Param() params: UserIdParamDto,
    @Body() body: ResetPasswordDto,
  ): Promise<PasswordResetDto> {
    return this.passwords.reset(admin, params.id, body);
  }

  @Get(':id/audit-log')
  @OriginalValidationStatus()
  @ApiOperation({ summary: 'Audit entries about a user, newest first' })
  @ApiOkResponse({ type: AuditLogDto })
  @ApiValidation422()
  auditLog(
    @CurrentUser() admin: AuthUser,
    @Param() params: UserIdParamDto,
    @Query() query: AuditLogQueryDto,
  ): Promise<AuditLogDto> {
    return this.users.auditLog(admin, params.id, query.limit);
  }
}
