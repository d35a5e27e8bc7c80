import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import {
  CreateScoringConfigDto,
  ListScoringConfigsQueryDto,
  ScoringConfigIdParamDto,
  UpdateScoringConfigDto,
} from './dto/scoring-config-request.dto.js';
import { ScoringConfigDto, ScoringConfigPageDto } from './dto/scoring-config.dto.js';
import { ScoringConfigService } from './scoring-config.service.js';

/**
 * This service's own view of scoring configurations: paginated, weights nested, with RPE
 * mapping, targets, scope and version. The original API's flat shape is at the same prefix
 * (ScoringConfigOriginalController); the list and create of this view live under /detailed.
 */
@ApiTags('scoring')
@Controller('scoring/configurations')
export class ScoringConfigController {
  constructor(private readonly configs: ScoringConfigService) {}

  @Get('detailed')
  @Auth()
  @ApiOperation({ summary: 'List scoring configurations, newest first (paginated, detailed view)' })
  @ApiOkResponse({ type: ScoringConfigPageDto })
  @ApiErrors(400)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListScoringConfigsQueryDto,
  ): Promise<ScoringConfigPageDto> {
    return this.configs.list(user, query);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One scoring configuration (404 scoring_config_not_found)' })
  @ApiOkResponse({ type: ScoringConfigDto })
  @ApiErrors(400, ERR.scoringConfigNotFound)
  get(@CurrentUser() user: AuthUser, @Param() params: ScoringConfigIdParamDto): Promise<ScoringConfigDto> {
    return this.configs.get(user, params.id);
  }

  @Post('detailed')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary:
      'Create a scoring configuration (global: admins; therapist or patient scope: admins and the therapist)',
    description:
      'Weights, RPE scores and targets left out take the GHOSTLY-TRIAL-DEFAULT values. Sessions pick it up at ' +
      'upload: session -> patient (current, then newest active patient-scoped) -> therapist (newest active) -> ' +
      'trial default. 403 scoring_config_write_forbidden when the caller may not write the scope; 404 ' +
      'patient_not_found for an unknown or invisible patient_code.',
  })
  @ApiCreatedResponse({ type: ScoringConfigDto })
  @ApiErrors(400, ERR.scoringConfigNotFound)
  @ApiErrors(ERR.weightsInvalid)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateScoringConfigDto): Promise<ScoringConfigDto> {
    return this.configs.create(user, body);
  }

  @Patch(':id')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: 'Rename, describe, activate or deactivate a scoring configuration',
    description:
      'Only active, configuration_name and description change. Weights, RPE mapping and targets are immutable so ' +
      'that stored sessions keep their meaning: create a new configuration instead (and deactivate this one). ' +
      '403 scoring_config_write_forbidden when the caller may not write it.',
  })
  @ApiOkResponse({ type: ScoringConfigDto })
  @ApiErrors(400, ERR.scoringConfigNotFound)
  @ApiErrors(ERR.configMustStayActive)
  update(
    @CurrentUser() user: AuthUser,
    @Param() params: ScoringConfigIdParamDto,
    @Body() body: UpdateScoringConfigDto,
  ): Promise<ScoringConfigDto> {
    return this.configs.update(user, params.id, body);
  }
}
