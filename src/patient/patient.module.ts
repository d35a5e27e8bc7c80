import { Module } from '@nestjs/common';
import { PatientController } from './patient.controller.js';
import { PatientRepository } from './patient.repository.js';
import { PatientService } from './patient.service.js';

@Module({
  controllers: [PatientController],
  providers: [PatientRepository, PatientService],
  exports: [PatientService],
})
export class PatientModule {}
