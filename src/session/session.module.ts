import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module.js';
import { ScoringConfigModule } from '../scoring-config/scoring-config.module.js';
import { SessionProcessor } from './queue/session.processor.js';
import { SessionReconciler } from './queue/session-reconciler.js';
import { SessionProducer } from './queue/session.producer.js';
import { SessionProcessingService } from './session-processing.service.js';
import { SessionResultsRepository } from './session-results.repository.js';
import { SessionController } from './session.controller.js';
import { SessionRepository } from './session.repository.js';
import { SessionsService } from './session.service.js';
import { sessionUploadMultipartModule } from './session-upload.js';
import { MvcBaselineRepository } from '../patient/mvc-baseline.repository.js';

@Module({
  imports: [AnalysisModule, ScoringConfigModule, sessionUploadMultipartModule()],
  controllers: [SessionController],
  providers: [
    SessionRepository,
    SessionResultsRepository,
    SessionsService,
    SessionProcessingService,
    SessionProducer,
    SessionProcessor,
    SessionReconciler,
    MvcBaselineRepository,
  ],
  exports: [SessionsService, SessionRepository],
})
export class SessionModule {}
