import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module.js';
import { PatientModule } from '../patient/patient.module.js';
import { ScoringConfigModule } from '../scoring-config/scoring-config.module.js';
import { SessionProcessor } from './queue/session.processor.js';
import { SessionReconciler } from './queue/session-reconciler.js';
import { SessionProducer } from './queue/session.producer.js';
import { SessionResultsRepository } from './session-results.repository.js';
import { sessionUploadMultipartModule } from './session-upload.js';
import { SessionController } from './session.controller.js';
import { SessionRepository } from './session.repository.js';
import { CreateSession } from './use-cases/create-session.js';
import { ProcessSession } from './use-cases/process-session.js';
import { ReprocessSession } from './use-cases/reprocess-session.js';
import { SessionQueries } from './use-cases/session-queries.js';
import { UpdateMuscles } from './use-cases/update-muscles.js';
import { UpdateSubjective } from './use-cases/update-subjective.js';

@Module({
  imports: [AnalysisModule, ScoringConfigModule, PatientModule, sessionUploadMultipartModule()],
  controllers: [SessionController],
  providers: [
    SessionRepository,
    SessionResultsRepository,
    CreateSession,
    SessionQueries,
    ReprocessSession,
    UpdateSubjective,
    UpdateMuscles,
    ProcessSession,
    SessionProducer,
    SessionProcessor,
    SessionReconciler,
  ],
  exports: [CreateSession, SessionQueries, SessionRepository],
})
export class SessionModule {}
