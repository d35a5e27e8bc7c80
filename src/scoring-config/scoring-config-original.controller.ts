import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import {
  ConfigActivatedDto,
  ConfigDeletedDto,
  CustomConfigQueryDto,
  OriginalScoringConfigBodyDto,
  OriginalScoringConfigDto,
} from './dto/original-config.dto.js';
import { ScoringConfigIdParamDto } from './dto/scoring-config-request.dto.js';
import { ConfigCatalogueService } from './use-cases/config-catalogue.service.js';
import { CustomConfigService } from './use-cases/custom-config.service.js';

/** Invalid body, or weights that do not sum to 1 within 0.001 (main and compliance sub-weights). */
const WEIGHTS_422 = [ERR.validation422, ERR.weightsInvalid] as const;

/**
 * The original API's scoring-configuration routes, flat weights and its status codes (422 for
 * invalid input). Unlike the original they need a token; therapists see global configurations
 * and their own (and their patients'), and manage only their own.
 */
@ApiTags('scoring')
@Controller('scoring/configurations')
@OriginalValidationStatus()
export class ScoringConfigOriginalController {
  constructor(
    private readonly catalogue: ConfigCatalogueService,
    private readonly custom: CustomConfigService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'All visible scoring configurations, newest first (earlier versions included)' })
  @ApiOkResponse({ type: [OriginalScoringConfigDto] })
  list(@CurrentUser() user: AuthUser): Promise<OriginalScoringConfigDto[]> {
    return this.catalogue.list(user);
  }

  @Get('active')
  @Auth()
  @ApiOperation({
    summary:
      'The global configuration in force (GHOSTLY-TRIAL-DEFAULT unless another global one was activated)',
  })
  @ApiOkResponse({ type: OriginalScoringConfigDto })
  @ApiErrors(ERR.noActiveScoringConfig)
  active(@CurrentUser() user: AuthUser): Promise<OriginalScoringConfigDto> {
    return this.catalogue.active(user);
  }

  @Get('custom')
  @Auth()
  @ApiOperation({
    summary: "A therapist's (or therapist and patient's) active configuration",
    description:
      '400 therapist_id_required; 404 "No custom configuration found" (also for another therapist).',
  })
  @ApiOkResponse({ type: OriginalScoringConfigDto })
  @ApiErrors(400, ERR.scoringConfigNotFound)
  getCustom(
    @CurrentUser() user: AuthUser,
    @Query() query: CustomConfigQueryDto,
  ): Promise<OriginalScoringConfigDto> {
    return this.custom.getCustom(user, query);
  }

  @Post()
  @HttpCode(200)
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary:
      'Create an inactive configuration; scope from therapist_id / patient_id (neither: global, admins only)',
  })
  @ApiOkResponse({ type: OriginalScoringConfigDto })
  @ApiErrors(400, ERR.scoringConfigNotFound)
  @ApiErrors(...WEIGHTS_422)
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: OriginalScoringConfigBodyDto,
  ): Promise<OriginalScoringConfigDto> {
    return this.catalogue.create(user, body);
  }

  @Post('custom')
  @HttpCode(200)
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: "Save a therapist's or patient's weights (update the scope's configuration, or create it)",
    description:
      'The configuration is active afterwards and scores the scope’s new sessions. Sessions already scored ' +
      'with the previous weights keep them: those weights are kept as an earlier version that the sessions ' +
      'point to; nothing is rescored.',
  })
  @ApiOkResponse({ type: OriginalScoringConfigDto })
  @ApiErrors(400, ERR.scoringConfigNotFound)
  @ApiErrors(...WEIGHTS_422)
  saveCustom(
    @CurrentUser() user: AuthUser,
    @Body() body: OriginalScoringConfigBodyDto,
  ): Promise<OriginalScoringConfigDto> {
    return this.custom.saveCustom(user, body);
  }

  @Put('default')
  @Auth('admin')
  @ApiOperation({
    summary: 'Overwrite GHOSTLY-TRIAL-DEFAULT and make it the global configuration in force (admins)',
    description: 'Sessions scored with the previous trial weights keep them (kept as an earlier version).',
  })
  @ApiOkResponse({ type: OriginalScoringConfigDto })
  @ApiErrors(ERR.scoringConfigNotFound)
  @ApiErrors(...WEIGHTS_422)
  putDefault(
    @CurrentUser() user: AuthUser,
    @Body() body: OriginalScoringConfigBodyDto,
  ): Promise<OriginalScoringConfigDto> {
    return this.custom.putDefault(user, body);
  }

  @Put(':id/activate')
  @Auth('admin', 'therapist')
  @ApiOperation({ summary: 'Activate a configuration; the others of its scope are deactivated' })
  @ApiOkResponse({ type: ConfigActivatedDto })
  @ApiErrors(ERR.scoringConfigNotFound, ERR.configSuperseded)
  activate(
    @CurrentUser() user: AuthUser,
    @Param() params: ScoringConfigIdParamDto,
  ): Promise<ConfigActivatedDto> {
    return this.catalogue.activate(user, params.id);
  }

  @Delete(':id')
  @Auth('admin', 'therapist')
  @ApiOperation({
    summary: 'Delete a configuration',
    description:
      '400 scoring_config_active for an active one; 409 scoring_config_protected for the trial default and ' +
      'scoring_config_in_use when stored sessions were scored with it.',
  })
  @ApiOkResponse({ type: ConfigDeletedDto })
  @ApiErrors(400, ERR.scoringConfigNotFound, ERR.configProtected, ERR.configInUse)
  remove(@CurrentUser() user: AuthUser, @Param() params: ScoringConfigIdParamDto): Promise<ConfigDeletedDto> {
    return this.catalogue.remove(user, params.id);
  }
}
