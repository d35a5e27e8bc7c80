import { Module } from '@nestjs/common';
import { UserModule } from '../user/user.module.js';
import { ScoringConfigModule } from '../scoring-config/scoring-config.module.js';
import { PatientController } from './patient.controller.js';
import { PatientRepository } from './patient.repository.js';
import { PatientService } from './patient.service.js';
import { ScoringAdherenceController } from './scoring-adherence.controller.js';
import { TreatmentTargetsService } from './treatment-targets.service.js';
import { DefaultProfileService } from './default-profile.service.js';
import { MvcBaselineController } from './mvc-baseline.controller.js';
import { MvcBaselineRepository } from './mvc-baseline.repository.js';
import { MvcBaselineService } from './mvc-baseline.service.js';

@Module({
  imports: [UserModule, ScoringConfigModule],
  controllers: [PatientController, ScoringAdherenceController, MvcBaselineController],
  providers: [
    PatientRepository,
    PatientService,
    TreatmentTargetsService,
    MvcBaselineRepository,
    MvcBaselineService,
    DefaultProfileService,
  ],
  exports: [PatientService, PatientRepository, MvcBaselineRepository],
})
export class PatientModule {}
