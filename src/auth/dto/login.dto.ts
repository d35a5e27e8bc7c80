import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../../shared/http/api-docs.decorators.js';

export class LoginRequestDto {
  // documented as a plain string, not `format: email` (which requires a dotted domain):
  // admin@localhost, the first admin of an embedded install, is a valid login
  @ApiProperty({
    example: 'admin@localhost',
    format: '',
    description: 'An e-mail address; a domain without a dot (admin@localhost) is accepted',
  })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email!: string;
  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class LoginUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ACCESS_ROLES }) role!: AccessRole;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'A JWT with the claims of a Supabase access token (aud "authenticated")' })
  access_token!: string;
  @ApiProperty({ example: 'bearer' }) token_type!: 'bearer';
  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 }) expires_in!: number;
  @ApiProperty() user!: LoginUserDto;
}
