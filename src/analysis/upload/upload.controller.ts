import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnonymousWhenEnabled } from '../../shared/decorators/anonymous.decorator.js';
import { ApiErrors } from '../../shared/http/api-docs.decorators.js';
import { ERR } from '../../shared/http/error-examples.js';
import { ApiMultipartBody } from '../../shared/http/multipart-body.js';
import { OriginalValidationStatus } from '../../shared/http/original-validation.interceptor.js';
import { LenientBody } from '../../shared/validation/lenient-body.decorator.js';
import { ChannelAnalyticsDto } from '../dto/channel-analytics.dto.js';
import { EmgAnalysisResultDto, EmgSignalDto } from '../dto/emg-analysis-result.dto.js';
import { DEFAULT_MAX_POINTS, UploadFormDto } from './upload-form.dto.js';
import { UploadService } from './upload.service.js';

@ApiTags('analysis')
@ApiExtraModels(ChannelAnalyticsDto, EmgSignalDto)
@Controller('upload')
@OriginalValidationStatus()
export class UploadController {
  constructor(private readonly uploads: UploadService) {}

  @Post()
  @HttpCode(200)
  @AnonymousWhenEnabled()
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Analyse a C3D file without storing anything (the original’s POST /upload)',
    description:
      'Answers the original’s EMGAnalysisResult: analytics per channel, performance scores and ' +
      `emg_signals for every available channel, min/max-downsampled to ${DEFAULT_MAX_POINTS} points ` +
      'per entry by default (max_points=0: full resolution). Fields the form does not declare are ' +
      'ignored; an empty field means "not given". Needs a token unless ANONYMOUS_ANALYSIS=true.',
  })
  @ApiMultipartBody(UploadFormDto)
  @ApiOkResponse({ type: EmgAnalysisResultDto })
  @ApiErrors(400, 413, ERR.c3dTruncated, ERR.noEmgChannels, ERR.rateLimited)
  upload(
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @LenientBody(UploadFormDto) form: UploadFormDto,
  ): Promise<EmgAnalysisResultDto> {
    return this.uploads.analyze(file, form);
  }
}
