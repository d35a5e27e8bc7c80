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
  MinLength,
} from 'class-validator';
import type { Selectable } from 'kysely';
import type { UserProfilesTable } from '../../infrastructure/database/database.types.js';
import { ACCESS_ROLES, type AccessRole } from '../../shared/http/api-docs.decorators.js';
import { PageOf, PageQueryDto } from '../../shared/pagination/page.dto.js';

export const ACCESS_LEVELS = ['full', 'advanced', 'basic'] as const;

export class UserIdParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'therapist@example.org' })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email!: string;
  @ApiPropertyOptional({ description: 'At least 8 characters; generated and shown once when omitted' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  password?: string;
  @ApiProperty({ enum: ACCESS_ROLES }) @IsIn(ACCESS_ROLES) role!: AccessRole;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) first_name!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) last_name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) institution?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) department?: string;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS, default: 'basic' })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  access_level?: (typeof ACCESS_LEVELS)[number];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ACCESS_ROLES }) @IsOptional() @IsIn(ACCESS_ROLES) role?: AccessRole;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) institution?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) department?: string;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  access_level?: (typeof ACCESS_LEVELS)[number];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: 'At least 8 characters; generated and shown once when omitted' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  new_password?: string;
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
  @ApiProperty({ nullable: true }) email!: string | null;
  @ApiProperty({ enum: ACCESS_ROLES }) role!: AccessRole;
  @ApiProperty({ example: 'T001' }) user_code!: string;
  @ApiProperty({ nullable: true }) first_name!: string | null;
  @ApiProperty({ nullable: true }) last_name!: string | null;
  @ApiProperty({ example: 'Ada Lovelace' }) full_name!: string;
  @ApiProperty({ nullable: true }) institution!: string | null;
  @ApiProperty({ nullable: true }) department!: string | null;
  @ApiProperty({ enum: ACCESS_LEVELS }) access_level!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true }) last_login!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class UserPageDto extends PageOf(UserDto) {}

export class CreatedUserDto {
  @ApiProperty() user!: UserDto;
  @ApiPropertyOptional({ description: 'Only when generated; shown this once and never stored in clear' })
  temporary_password?: string;
}

export class PasswordResetDto {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ example: 'Te**************56' }) masked_password!: string;
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
