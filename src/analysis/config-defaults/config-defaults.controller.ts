import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { OptionalUser } from '../../auth/current-user.decorator.js';
import { AnonymousWhenEnabled } from '../../shared/decorators/anonymous.decorator.js';
import { ApiErrors } from '../../shared/http/api-docs.decorators.js';
import { ERR } from '../../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../../shared/http/original-validation.interceptor.js';
import { ConfigDefaultsDto, ConfigDefaultsQueryDto } from './config-defaults.dto.js';
import { ConfigDefaultsService } from './config-defaults.service.js';

@ApiTags('analysis')
@Controller('config')
@OriginalValidationStatus()
export class ConfigDefaultsController {
  constructor(private readonly defaultsService: ConfigDefaultsService) {}

  @Get('defaults')
  @AnonymousWhenEnabled()
  @ApiOperation({
    summary: 'Clinical defaults of the settings panel (the original’s /config/defaults)',
    description:
      'From the scoring configuration in force: the given patient’s or therapist’s (token needed), ' +
      'else a therapist’s own, else the global one (GHOSTLY-TRIAL-DEFAULT unless another was activated).',
  })
  @ApiOkResponse({ type: ConfigDefaultsDto })
  @ApiErrors(ERR.patientNotFound, ERR.validation422, ERR.rateLimited)
  defaults(
    @OptionalUser() user: AuthUser | undefined,
    @Query() query: ConfigDefaultsQueryDto,
  ): Promise<ConfigDefaultsDto> {
    return this.defaultsService.defaults(user, query);
  }
}
