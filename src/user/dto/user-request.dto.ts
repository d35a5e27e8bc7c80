/**
 * The request bodies and parameters of the admin user routes, as the original client sends them.
 * Members that are null count as not given; "" in a text field means none (the client sends ""
 * for blank fields).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../../shared/http/api-docs.decorators.js';
import { PageQueryDto } from '../../shared/pagination/page.dto.js';

export const ACCESS_LEVELS = ['full', 'advanced', 'basic'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
/** The original's rule for passwords an admin sets (checked by the service, answered 400). */
export const MIN_PASSWORD_LENGTH = 8;

const PASSWORD_TO_SET = 'The password to set; generated and shown once when omitted or null';

/** An optional password an admin sets (null: not given); its length rule is the service's. */
function PasswordField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: 1024,
      minLength: MIN_PASSWORD_LENGTH,
      description,
    }),
    IsOptional(),
    IsString(),
    MaxLength(1024),
  );
}

export class UserIdParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

/** POST /admin/users/{id}/reset-password. */
export class ResetPasswordDto {
  @PasswordField(PASSWORD_TO_SET)
  new_password?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    example: 'manual',
    description: 'Recorded in the audit entry',
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  delivery_method?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Recorded in the audit entry', type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  admin_note?: string | null;
}

/** The user POST /admin/users creates: the body's own members. */
export class NewUserDto {
  @ApiProperty({ example: 'therapist@example.org' })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email!: string;
  @PasswordField(PASSWORD_TO_SET)
  custom_password?: string | null;
  @PasswordField("Same as custom_password (this service's earlier name for it)")
  password?: string | null;
  @ApiProperty({ enum: ACCESS_ROLES }) @IsIn(ACCESS_ROLES) role!: AccessRole;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  first_name?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  last_name?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  institution?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string | null;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS, default: 'basic', nullable: true })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  access_level?: AccessLevel | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Recorded in the audit entry; no e-mail is sent (nor was one by the original)',
    type: Boolean,
  })
  @IsOptional()
  @IsBoolean()
  notify_user?: boolean | null;
}

/** POST /admin/users: the new user, and the delivery members the audit entry records. */
export class CreateUserDto extends IntersectionType(
  NewUserDto,
  PickType(ResetPasswordDto, ['delivery_method', 'admin_note'] as const),
) {}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ACCESS_ROLES }) @IsOptional() @IsIn(ACCESS_ROLES) role?: AccessRole | null;
  @ApiPropertyOptional({ nullable: true, description: '"" clears it', type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  first_name?: string | null;
  @ApiPropertyOptional({ nullable: true, description: '"" clears it', type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  last_name?: string | null;
  @ApiPropertyOptional({ nullable: true, description: '"" clears it', type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  institution?: string | null;
  @ApiPropertyOptional({ nullable: true, description: '"" clears it', type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string | null;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  access_level?: AccessLevel | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) @IsOptional() @IsBoolean() active?: boolean | null;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACCESS_ROLES }) @IsOptional() @IsIn(ACCESS_ROLES) role?: AccessRole;
}
