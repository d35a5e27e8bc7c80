import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Selectable } from 'kysely';
import type { UserProfilesTable } from '../../infrastructure/database/database.types.js';
import { ACCESS_ROLES, type AccessRole } from '../../shared/http/api-docs.decorators.js';
import { PageOf, PageQueryDto } from '../../shared/pagination/page.dto.js';

export const ACCESS_LEVELS = ['full', 'advanced', 'basic'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
/** The original's rule for passwords an admin sets (checked by the service, answered 400). */
export const MIN_PASSWORD_LENGTH = 8;

export class UserIdParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

/**
 * The original client's bodies. Members that are null count as not given; "" in a text field
 * means none (the client sends "" for blank fields).
 */
export class CreateUserDto {
  @ApiProperty({ example: 'therapist@example.org' })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email!: string;
  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    nullable: true,
    description: 'The password to set; generated and shown once when omitted or null',
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  custom_password?: string | null;
  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    nullable: true,
    description: "Same as custom_password (this service's earlier name for it)",
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
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

export class ResetPasswordDto {
  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    nullable: true,
    description: 'The password to set; generated and shown once when omitted or null',
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
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

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACCESS_ROLES }) @IsOptional() @IsIn(ACCESS_ROLES) role?: AccessRole;
}

export class AuditLogQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: ACCESS_ROLES }) role!: AccessRole;
  @ApiProperty({ example: 'T001' }) user_code!: string;
  @ApiProperty({ nullable: true, type: String }) first_name!: string | null;
  @ApiProperty({ nullable: true, type: String }) last_name!: string | null;
  @ApiProperty({ example: 'Ada Lovelace' }) full_name!: string;
  @ApiProperty({ nullable: true, type: String }) institution!: string | null;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
  @ApiProperty({ enum: ACCESS_LEVELS }) access_level!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) last_login!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class UserPageDto extends PageOf(UserDto) {}

export class CreatedUserDto {
  @ApiProperty({ example: true }) success!: boolean;
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ example: 'T001' }) user_code!: string;
  @ApiProperty({ example: 'User created successfully.' }) message!: string;
  @ApiProperty() user!: UserDto;
  @ApiPropertyOptional({ description: 'Only when generated; shown this once and never stored in clear' })
  temporary_password?: string;
}

export class UpdatedUserDto extends UserDto {
  @ApiProperty({ example: true }) success!: boolean;
  @ApiProperty({ example: 'User updated successfully' }) message!: string;
  @ApiProperty({ description: 'The profile again, where the original client reads it' }) user!: UserDto;
}

export class PasswordResetDto {
  @ApiProperty({ example: true }) success!: boolean;
  @ApiProperty({ example: 'Password reset successfully.' }) message!: string;
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({
    example: 'Te**************56',
    description: 'First 2 + one * per hidden character + last 2',
  })
  masked_password!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "null: passwords set here do not expire (the original reported its vault copy's 4 h)",
  })
  expires_in_hours!: number | null;
  @ApiProperty({ example: 'Deliver via manual. The password is not stored and cannot be shown again.' })
  delivery_instructions!: string;
  @ApiPropertyOptional({ description: 'Only when generated; shown this once' }) temporary_password?: string;
}

export type ProfileRow = Selectable<UserProfilesTable> & { email: string | null };

export function fullName(first: string | null, last: string | null): string {
  const name = [first, last].filter((p) => p && p.trim()).join(' ');
  return name || 'Unknown User';
}

export function maskPassword(password: string): string {
  if (password.length <= 4) return '****';
  return password.slice(0, 2) + '*'.repeat(password.length - 4) + password.slice(-2);
}

export function toUserDto(row: ProfileRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    user_code: row.user_code,
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: fullName(row.first_name, row.last_name),
    institution: row.institution,
    department: row.department,
    access_level: row.access_level,
    active: row.active,
    last_login: row.last_login ? row.last_login.toISOString() : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
