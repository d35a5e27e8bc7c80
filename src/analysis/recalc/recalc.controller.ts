import { Controller, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnonymousWhenEnabled } from '../../shared/decorators/anonymous.decorator.js';
import { ApiErrors } from '../../shared/http/api-docs.decorators.js';
import { ERR } from '../../shared/http/error-examples.js';
import { OriginalValidationStatus } from '../../shared/http/original-validation.interceptor.js';
import { RequestBody } from '../../shared/validation/lenient-body.decorator.js';
import { ClientSessionParamsDto } from '../dto/client-session-params.dto.js';
import { EmgAnalysisResultDto } from '../dto/emg-analysis-result.dto.js';
import { ANALYSIS_JSON_BODY_LIMIT } from './body-limit.js';
import { RecalcService } from './recalc.service.js';

@ApiTags('analysis')
@ApiExtraModels(ClientSessionParamsDto, EmgAnalysisResultDto)
@Controller('analysis')
@OriginalValidationStatus()
export class RecalcController {
  constructor(private readonly recalcs: RecalcService) {}

  @Post('recalc')
  @HttpCode(200)
  @AnonymousWhenEnabled()
  @RouteConfig({ bodyLimit: ANALYSIS_JSON_BODY_LIMIT })
  @ApiOperation({
    summary: 'Re-evaluate a previous /upload answer against new thresholds (the original’s recalc)',
    description:
      'Body `{existing, session_params}`: `existing` is a previous POST /upload answer (with its ' +
      'emg_signals), `session_params` the new MVC and duration thresholds. Contraction boundaries stay; ' +
      'each contraction’s flags, the counts, the thresholds and the performance scores are recomputed ' +
      'exactly as a fresh analysis with these parameters would. Every other field is carried over. ' +
      `Body limit ${ANALYSIS_JSON_BODY_LIMIT / 1024 / 1024} MiB (a full-resolution answer fits).`,
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['existing'],
      properties: {
        existing: { $ref: '#/components/schemas/EmgAnalysisResultDto' },
        session_params: { $ref: '#/components/schemas/ClientSessionParamsDto' },
      },
    },
  })
  @ApiOkResponse({ type: EmgAnalysisResultDto })
  @ApiErrors(400, 413, ERR.validation422, ERR.rateLimited)
  recalc(@RequestBody() body: unknown): EmgAnalysisResultDto {
    return this.recalcs.recalc(body);
  }
}
