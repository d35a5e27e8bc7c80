import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { AnalysisService } from './analysis.service.js';
import { ANALYSIS_PARAM_SCHEMA } from './dto/analysis-params.dto.js';
import { UploadFormDto, UploadResultDto } from './dto/upload.dto.js';

@ApiTags('analysis')
@Controller('upload')
export class UploadController {
  constructor(private readonly analysis: AnalysisService) {}

  @Post()
  @HttpCode(200)
  @Auth()
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Analyse a C3D file without storing anything',
    description:
      'Returns the same JSON as `emg-c3d analyze --json` (profile ghostly-v1). Signals only with ' +
      'include_signals=true, downsampled (min/max per bucket) to at most max_points per channel.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        ...ANALYSIS_PARAM_SCHEMA,
        include_signals: { type: 'boolean', default: false },
        max_points: { type: 'integer', default: 2000, maximum: 20000 },
        user_id: { type: 'string' },
        patient_id: { type: 'string' },
        session_id: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ type: UploadResultDto })
  @ApiErrors(400, 413, 422)
  upload(
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Body() form: UploadFormDto,
  ): Promise<UploadResultDto> {
    return this.analysis.analyzeUpload(file, form);
  }
}
