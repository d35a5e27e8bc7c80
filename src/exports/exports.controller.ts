import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { CohortExportService } from './cohort-export.service.js';
import { ExportJobDto, ExportJobPageDto } from './dto/export-job.dto.js';
import { CreateCohortExportDto, ExportIdParamDto, ListExportsQueryDto } from './dto/export-request.dto.js';
import { ExportListService } from './export-list.service.js';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: CohortExportService,
    private readonly history: ExportListService,
  ) {}

  @Post()
  @HttpCode(202)
  @Auth('admin', 'researcher')
  @ApiOperation({
    summary: 'Queue a cohort export (JSON, CSV or EMG-BIDS) of the sessions matching the filters',
    description:
      'Runs as a job; poll GET /exports/{id} for progress. Pseudonymised by default; researchers always ' +
      '(pseudonymise=false: 403 pseudonymisation_required), admins may ask for false.',
  })
  @ApiAcceptedResponse({ type: ExportJobDto })
  @ApiErrors(400, ERR.patientsNotFound)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCohortExportDto): Promise<ExportJobDto> {
    return this.exports.create(user, body);
  }

  @Get()
  @Auth('admin', 'researcher')
  @ApiOperation({
    summary:
      'Your exports, newest first: cohort exports with their state and download, and the session and patient exports you made',
  })
  @ApiOkResponse({ type: ExportJobPageDto })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListExportsQueryDto): Promise<ExportJobPageDto> {
    return this.history.list(user, query);
  }

  @Get(':id')
  @Auth('admin', 'researcher')
  @ApiOperation({
    summary: 'Status, progress and counts of one of your exports; download_url once completed',
  })
  @ApiOkResponse({ type: ExportJobDto })
  @ApiErrors(400, ERR.exportNotFound)
  get(@CurrentUser() user: AuthUser, @Param() params: ExportIdParamDto): Promise<ExportJobDto> {
    return this.exports.get(user, params.id);
  }

  @Get(':id/download')
  @Auth('admin', 'researcher')
  @ApiOperation({
    summary: 'The ZIP of a completed cohort export (409 not_ready while queued, running or failed)',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, ERR.exportNotFound, ERR.exportNotReady)
  async download(@CurrentUser() user: AuthUser, @Param() params: ExportIdParamDto): Promise<StreamableFile> {
    const d = await this.exports.download(user, params.id);
    return new StreamableFile(d.stream, {
      type: d.contentType,
      disposition: `attachment; filename="${d.fileName}"`,
      length: d.bytes,
    });
  }
}
