import { Module } from '@nestjs/common';
import { PatientModule } from '../patient/patient.module.js';
import { ScoringConfigModule } from '../scoring-config/scoring-config.module.js';
import { SessionModule } from '../session/session.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { PdfService } from './pdf.service.js';
import { ProgressReportService } from './progress-report.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { SessionReportService } from './session-report.service.js';

/** Session and patient progress reports (HTML with SVG plots; PDF through Chromium when installed). */
@Module({
  imports: [SessionModule, SignalsModule, PatientModule, ScoringConfigModule],
  controllers: [ReportsController],
  providers: [SessionReportService, ProgressReportService, ReportsRepository, PdfService],
})
export class ReportsModule {}
