import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../shared/decorators/public.decorator.js';
import { ApiErrors, ApiJsonBody } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { AuthService } from './auth.service.js';
import { LoginRequestDto, LoginResponseDto } from './dto/login.dto.js';

/** An e-mail and a password; anything larger is refused (413) before it is parsed. */
export const LOGIN_BODY_LIMIT = 16 * 1024;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @RouteConfig({ bodyLimit: LOGIN_BODY_LIMIT })
  @ApiOperation({
    summary: 'Log in with e-mail and password',
    description:
      'Returns a bearer token for the Authorize button. Error codes: invalid_credentials (401), ' +
      'user_inactive (403), too_many_login_attempts (429 with Retry-After, after 5 failures per e-mail and ' +
      'address, 20 per e-mail or 20 per address in 15 minutes).',
  })
  @ApiJsonBody(
    LoginRequestDto,
    { email: 'admin@localhost', password: 'PASTE-THE-PASSWORD-FROM-DATA_DIR/initial-admin-password' },
    'The first admin (embedded mode): the password is in DATA_DIR/initial-admin-password',
  )
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, ERR.invalidCredentials, ERR.userInactive, ERR.tooManyLogins)
  login(@Body() body: LoginRequestDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(body.email, body.password, ip);
  }
}
