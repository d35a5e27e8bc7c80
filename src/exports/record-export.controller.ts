import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors, Auth } from '../shared/http/api-docs.decorators.js';
import { ERR } from '../shared/http/error-examples.js';
import {
  ExportPatientParamDto,
  ExportSessionParamDto,
  PatientExportQueryDto,
  SessionExportQueryDto,
} from './dto/export-request.dto.js';
import { ExportChannelRowDto } from './dto/export-channel-row.dto.js';
import { ExportContractionRowDto } from './dto/export-contraction-row.dto.js';
import { ExportDocumentDto } from './dto/export-document.dto.js';
import { ExportSessionRowDto } from './dto/export-session-row.dto.js';
import { RecordExportService, type ExportFile } from './record-export.service.js';

const FORMATS =
  'format=json (default): the document below. format=csv: a ZIP of sessions.csv, channels.csv, contractions.csv ' +
  'and README.txt, or with table= that one table as text/csv (columns: ExportSessionRowDto, ExportChannelRowDto, ' +
  'ExportContractionRowDto). Researchers get pseudonymised exports only. Every export is recorded (export_history, audit_log).';

/** The three answers an export can give, by content type. */
const EXPORT_CONTENT = {
  description: 'The export, as attachment',
  content: {
    'application/json': { schema: { $ref: getSchemaPath(ExportDocumentDto) } },
    'text/csv': {
      // CSV text: described as its rows (one line per item, header line first).
      schema: {
        type: 'array',
        description: 'One table (table=), one CSV line per row after the header line',
        items: {
          oneOf: [ExportSessionRowDto, ExportChannelRowDto, ExportContractionRowDto].map((m) => ({
            $ref: getSchemaPath(m),
          })),
        },
      },
    },
    'application/zip': {
      schema: {
        type: 'string',
        format: 'binary',
        description: 'CSV tables with README.txt, or an EMG-BIDS dataset',
      },
    },
  },
};

function send(reply: FastifyReply, file: ExportFile): Buffer {
  void reply.header('content-type', file.contentType);
  void reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return file.body;
}

@ApiTags('exports')
@ApiExtraModels(ExportDocumentDto, ExportSessionRowDto, ExportChannelRowDto, ExportContractionRowDto)
@Controller()
export class RecordExportController {
  constructor(private readonly exports: RecordExportService) {}

  @Get('sessions/:session_code/export')
  @Auth()
  @ApiOperation({ summary: 'Export one completed session (JSON or CSV)', description: FORMATS })
  @ApiOkResponse(EXPORT_CONTENT)
  @ApiErrors(400, ERR.sessionNotFound, ERR.sessionNotReady)
  async session(
    @CurrentUser() user: AuthUser,
    @Param() params: ExportSessionParamDto,
    @Query() query: SessionExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.exports.session(user, params.session_code, query));
  }

  @Get('patients/:patient_code/export')
  @Auth()
  @ApiOperation({
    summary: "Export a patient's completed sessions (JSON, CSV or EMG-BIDS)",
    description: `${FORMATS} format=bids: a ZIP holding an EMG-BIDS 1.11 dataset. 409 not_ready when no session is completed.`,
  })
  @ApiOkResponse(EXPORT_CONTENT)
  @ApiErrors(400, ERR.patientNotFound, ERR.patientNothingToExport)
  async patient(
    @CurrentUser() user: AuthUser,
    @Param() params: ExportPatientParamDto,
    @Query() query: PatientExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.exports.patient(user, params.patient_code, query));
  }
}
