import { Injectable } from '@nestjs/common';
import { DEFAULT_PROFILE_NAME } from '@app/emg';
import type { AuthUser } from '../auth/auth-user.js';
import { refusedByRls } from '../shared/database/db-errors.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import type { DefaultProfileDto } from './dto/mvc-baseline.dto.js';
import type { PatientRow } from './dto/patient.dto.js';
import { PatientRepository } from './patient.repository.js';

const toDto = (p: PatientRow): DefaultProfileDto => ({
  patient_code: p.patient_code,
  default_profile: p.default_profile,
  effective_profile: p.default_profile ?? DEFAULT_PROFILE_NAME,
});

/** The processing profile a patient's sessions use when the request names none. */
@Injectable()
export class DefaultProfileService {
  constructor(
    private readonly db: DbContext,
    private readonly patients: PatientRepository,
  ) {}

  get(user: AuthUser, patientCode: string): Promise<DefaultProfileDto> {
    return this.db.asUser(user, async (t) => {
      const p = await this.patients.findByCode(t, patientCode);
      if (!p) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
      return toDto(p);
    });
  }

  put(user: AuthUser, patientCode: string, profile: string | null): Promise<DefaultProfileDto> {
    return this.db.asUser(user, async (t) => {
      const p = await this.patients.findByCode(t, patientCode);
      if (!p) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
      const row = await refusedByRls(
        () => this.patients.setDefaultProfile(t, p.id, profile),
        'patient_write_forbidden',
        'You may not change this patient',
      );
      if (!row) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
      return toDto(row);
    });
  }
}
