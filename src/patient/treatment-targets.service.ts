import { Injectable } from '@nestjs/common';
import type { Updateable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import { refusedByRls } from '../shared/database/db-errors.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import type { PatientsTable } from '../infrastructure/database/database.types.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import {
  DEFAULT_BFR_TARGET,
  type PutTreatmentTargetsDto,
  toTreatmentTargetsDto,
  type TreatmentTargetsDto,
} from './dto/treatment-targets.dto.js';
import { PatientRepository } from './patient.repository.js';

/**
 * The patient's treatment targets (MVC thresholds, contraction durations, BFR pressure), kept on
 * the patient row. The assigned therapist or an admin; anyone else finds no such patient.
 */
@Injectable()
export class TreatmentTargetsService {
  constructor(
    private readonly db: DbContext,
    private readonly patients: PatientRepository,
  ) {}

  put(user: AuthUser, patientCode: string, dto: PutTreatmentTargetsDto): Promise<TreatmentTargetsDto> {
    return this.db.asUser(user, async (trx) => {
      const current = await this.patients.findByCode(trx, patientCode);
      if (!current) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
      const patch = targetsPatch(dto);
      if (Object.keys(patch).length === 0) return toTreatmentTargetsDto(current);
      const row = await refusedByRls(
        () => this.patients.updateByCode(trx, patientCode, patch),
        'patient_write_forbidden',
        'You may not change this patient',
      );
      // a researcher sees the patient but RLS updates nothing (the route is closed to them anyway)
      if (!row) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
      return toTreatmentTargetsDto(row);
    });
  }
}

function targetsPatch(dto: PutTreatmentTargetsDto): Updateable<PatientsTable> {
  const patch: Updateable<PatientsTable> = {};
  for (const key of [
    'current_mvc75_ch1',
    'current_mvc75_ch2',
    'current_target_ch1_ms',
    'current_target_ch2_ms',
  ] as const) {
    if (dto[key] !== undefined) patch[key] = dto[key];
  }
  for (const key of ['bfr_target_lop_percentage_ch1', 'bfr_target_lop_percentage_ch2'] as const) {
    if (dto[key] !== undefined) patch[key] = dto[key] ?? DEFAULT_BFR_TARGET;
  }
  return patch;
}
