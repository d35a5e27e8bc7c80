import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../shared/http/original-validation.interceptor.js';
import {
  BatchResolveTherapistsDto,
  BatchTherapistsDto,
  ExtractedPatientCodeDto,
  ExtractPatientCodeQueryDto,
  TherapistCacheClearedDto,
  TherapistCacheStatsDto,
  TherapistDto,
  TherapistPatientCodeParamDto,
} from './dto/therapist.dto.js';
import { UserIdParamDto } from './dto/user-request.dto.js';
import { ApiValidation422 } from './original-api.decorators.js';
import { TherapistResolutionService } from './therapist-resolution.service.js';

/**
 * The original's /therapists routes (resolve, batch, extract-patient-code, cache); validation failures answer 422. Any
 * signed-in user, except clearing the cache (admins).
 */
@ApiTags('therapists')
@ApiExtraModels(TherapistDto)
@OriginalValidationStatus()
@Controller('therapists')
export class TherapistsController {
  constructor(private readonly therapists: TherapistResolutionService) {}

  @Post('resolve/batch')
  @Auth()
  @HttpCode(200)
  @ApiOperation({ summary: 'The therapists of up to 100 patients the caller can see' })
  @ApiOkResponse({ type: BatchTherapistsDto })
  @ApiValidation422()
  resolveBatch(
    @CurrentUser() user: AuthUser,
    @Body() body: BatchResolveTherapistsDto,
  ): Promise<BatchTherapistsDto> {
    return this.therapists.resolveBatch(user, body.patient_codes);
  }

  @Get('resolve/:patient_code')
  @Auth()
  @ApiOperation({ summary: 'The therapist of a patient the caller can see' })
  @ApiOkResponse({ type: TherapistDto })
  @ApiErrors(ERR.therapistOfPatientNotFound)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param() params: TherapistPatientCodeParamDto,
  ): Promise<TherapistDto> {
    return this.therapists.resolve(user, params.patient_code);
  }

  @Get('by-id/:id')
  @Auth()
  @ApiOperation({ summary: 'A therapist profile the caller can see' })
  @ApiOkResponse({ type: TherapistDto })
  @ApiErrors(ERR.therapistNotFound)
  @ApiValidation422()
  byId(@CurrentUser() user: AuthUser, @Param() params: UserIdParamDto): Promise<TherapistDto> {
    return this.therapists.therapistById(user, params.id);
  }

  @Get('extract-patient-code')
  @Auth()
  @ApiOperation({
    summary: 'Read a patient code out of a file path',
    description:
      'The first match of `/(P\\d{3})/`, `(P\\d{3})[_/]`, `\\b(P\\d{3})\\b`, in that order, case-sensitive; null when none matches.',
  })
  @ApiOkResponse({ type: ExtractedPatientCodeDto })
  @ApiValidation422()
  extractPatientCode(@Query() query: ExtractPatientCodeQueryDto): ExtractedPatientCodeDto {
    return this.therapists.extractPatientCode(query.file_path);
  }

  @Get('cache/stats')
  @Auth()
  @ApiOperation({ summary: 'Statistics of the therapist resolution cache' })
  @ApiOkResponse({ type: TherapistCacheStatsDto })
  cacheStats(): Promise<TherapistCacheStatsDto> {
    return this.therapists.cacheStats();
  }

  @Post('cache/clear')
  @Auth('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Empty the therapist resolution cache (admins)' })
  @ApiOkResponse({ type: TherapistCacheClearedDto })
  clearCache(): Promise<TherapistCacheClearedDto> {
    return this.therapists.clearCache();
  }
}
