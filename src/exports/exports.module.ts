import { Module } from '@nestjs/common';
import { CohortExportService } from './cohort-export.service.js';
import { ExportDataRepository } from './export-data.repository.js';
import { ExportListService } from './export-list.service.js';
import { ExportRecorder } from './export-recorder.service.js';
import { ExportSourceService } from './export-source.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportTuning } from './export-tuning.js';
import { ExportProcessor } from './queue/export.processor.js';
import { ExportProducer } from './queue/export.producer.js';
import { RecordExportController } from './record-export.controller.js';
import { RecordExportService } from './record-export.service.js';
import { CohortExportRunner } from './use-cases/run-cohort-export.js';

/** Session, patient and cohort exports (JSON, CSV, EMG-BIDS), recorded in export_history. */
@Module({
  controllers: [RecordExportController, ExportsController],
  providers: [
    ExportsRepository,
    ExportDataRepository,
    ExportSourceService,
    ExportRecorder,
    RecordExportService,
    CohortExportService,
    ExportListService,
    CohortExportRunner,
    ExportProducer,
    ExportProcessor,
    ExportTuning,
  ],
})
export class ExportsModule {}
