import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnonymousWhenEnabled } from '../../shared/decorators/anonymous.decorator.js';
import { ApiErrors } from '../../shared/http/api-docs.decorators.js';
import { ERR } from '../../shared/http/error-examples.js';
import { ApiMultipartBody } from '../../shared/http/multipart-body.js';
import { OriginalValidationStatus } from '../../shared/http/original-validation.interceptor.js';
import { RequestBody } from '../../shared/validation/lenient-body.decorator.js';
import { ANALYSIS_JSON_BODY_LIMIT } from '../recalc/body-limit.js';
import { MvcCalibrateFormDto, MvcCalibrationDto, MvcEstimationDto } from './mvc-calibration.dto.js';
import { MvcCalibrationService } from './mvc-calibration.service.js';

@ApiTags('analysis')
@ApiExtraModels(MvcEstimationDto)
@Controller('mvc')
@OriginalValidationStatus()
export class MvcController {
  constructor(private readonly calibration: MvcCalibrationService) {}

  @Post('calibrate')
  @HttpCode(200)
  @AnonymousWhenEnabled()
  @RouteConfig({ bodyLimit: ANALYSIS_JSON_BODY_LIMIT })
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Estimate each channel’s MVC (the original’s calibrate)',
    description:
      'Two forms. multipart/form-data with `file` (a C3D) and optional `threshold_percentage` ' +
      '(default 75), `user_id`, `session_id`: initial calibration. application/json ' +
      '`{existing, session_params}` with a previous /upload answer: recalibration at ' +
      '`session_params.session_mvc_threshold_percentage`. MVC = 95th percentile of the processed ' +
      'envelope, the value the analysis itself uses.',
  })
  @ApiMultipartBody(MvcCalibrateFormDto)
  @ApiOkResponse({ type: MvcCalibrationDto })
  @ApiErrors(400, 413, ERR.c3dTruncated, ERR.noEmgChannels, ERR.rateLimited)
  calibrate(
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @RequestBody() body: unknown,
  ): Promise<MvcCalibrationDto> {
    return this.calibration.calibrate(file, body);
  }
}
