import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PatientCodeParamDto } from '../patient/dto/patient.dto.js';
import { SessionCodeParamDto } from '../session/dto/session-request.dto.js';
import { ApiErrors, Auth, type ErrorExample } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import { ReportQueryDto, type RenderedReport } from './dto/report-query.dto.js';
import { ProgressReportService } from './progress-report.service.js';
import { negotiateFormat } from './report-format.js';
import { SessionReportService } from './session-report.service.js';

const REPORT_CONTENT = {
  'text/html': { schema: { type: 'string' } },
  'application/pdf': { schema: { type: 'string', format: 'binary' } },
};
const FORMAT_NOTE =
  'text/html by default; application/pdf with Accept: application/pdf or ?format=pdf (rendered from the same HTML ' +
  'by Chromium; 501 pdf_unavailable where Chromium is not installed). Self-contained: no network needed to view or print.';

const NOT_READY: ErrorExample = {
  status: 409,
  code: 'not_ready',
  message: 'Session P001S001 is processing: its report exists once processing has completed',
};
const PDF_UNAVAILABLE: ErrorExample = {
  status: 501,
  code: 'pdf_unavailable',
  message:
    'PDF reports are not enabled here. PDF reports need Chromium and the playwright-core package: install Chromium (Debian: apt-get install chromium), ...',
};

function send(reply: FastifyReply, report: RenderedReport): string | Buffer {
  void reply
    .header('content-type', report.contentType)
    .header('content-disposition', `inline; filename="${report.filename}"`)
    .header('cache-control', 'private, no-store');
  return typeof report.body === 'string' ? report.body : Buffer.from(report.body);
}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly sessionReports: SessionReportService,
    private readonly progressReports: ProgressReportService,
  ) {}

  @Get('sessions/:session_code/report')
  @Auth()
  @ApiOperation({
    summary: 'Session report: signal and envelope plots with contractions, scores and how they were reached',
    description: `Per channel: raw signal and processed envelope, contractions shaded by class, MVC threshold and duration rule; contraction table; metrics with units; scores with weights; game metadata; processing parameters; file hash; warnings. ${FORMAT_NOTE} 409 not_ready until the session is completed. Researchers get no player name.`,
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({ description: 'The report', content: REPORT_CONTENT })
  @ApiErrors(400, ERR.sessionNotFound, NOT_READY, PDF_UNAVAILABLE)
  async session(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionCodeParamDto,
    @Query() query: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return send(
      reply,
      await this.sessionReports.render(
        user,
        params.session_code,
        negotiateFormat(query.format, accept),
        query.paper,
      ),
    );
  }

  @Get('patients/:patient_code/report')
  @Auth()
  @ApiOperation({
    summary:
      "Patient progress report: scores, contractions, MVC estimates and adherence over the patient's sessions",
    description: `Trial targets drawn as dashed lines (contractions per muscle, MVC75 targets, sessions per week). The patient is named by code only (no name or medical information). ${FORMAT_NOTE}`,
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({ description: 'The report', content: REPORT_CONTENT })
  @ApiErrors(400, ERR.patientNotFound, PDF_UNAVAILABLE)
  async patient(
    @CurrentUser() user: AuthUser,
    @Param() params: PatientCodeParamDto,
    @Query() query: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return send(
      reply,
      await this.progressReports.render(
        user,
        params.patient_code,
        negotiateFormat(query.format, accept),
        query.paper,
      ),
    );
  }
}
