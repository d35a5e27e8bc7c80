import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Auth } from '../shared/http/api-docs.decorators.js';
import { UserDto } from './dto/user-response.dto.js';
import { UserService } from './user.service.js';

@ApiTags('users')
@Controller('me')
export class MeController {
  constructor(private readonly users: UserService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: "The caller's profile" })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.me(user);
  }
}
