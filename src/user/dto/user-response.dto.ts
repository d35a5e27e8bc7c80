/** The answers of the user routes: a user's profile, and what creating, updating or resetting returns. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_ROLES, type AccessRole } from '../../shared/http/api-docs.decorators.js';
import { PageOf } from '../../shared/pagination/page.dto.js';
import { ACCESS_LEVELS } from './user-request.dto.js';

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
